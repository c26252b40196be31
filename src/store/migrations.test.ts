/**
 * The schema and the committed migrations agree: drizzle-kit, run against a copy of drizzle/, finds
 * nothing to generate. Fails when someone edits src/store/schema without `npx drizzle-kit generate`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrations.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('has a migration for every schema change', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-migrations-'));
  try {
    const out = join(tmp, 'drizzle');
    cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    const config = join(tmp, 'drizzle.config.mjs');
    // drizzle-kit resolves `out` relative to the working directory.
    writeFileSync(
      config,
      `export default ${JSON.stringify({ dialect: 'postgresql', schema: './src/store/schema/index.ts', out: relative(ROOT, out) })};`,
    );
    const before = readdirSync(out);
    const log = execFileSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(readdirSync(out), log).toEqual(before);
    expect(log).toMatch(/No schema changes/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
