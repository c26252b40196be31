import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/jixiao', import.meta.url));
const REPORT = fileURLToPath(new URL('../../test/fixtures/audit/clean-base.txt', import.meta.url));
const HEAVY = /^(playwright-core|exceljs|docx)(\/|$)/;

/**
 * Runs the CLI with a module hook that notes every package it resolves, and returns the heavy ones
 * (the browser driver, exceljs, docx) that were loaded.
 */
const heavyLoaded = async (...args: string[]): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lazy-'));
  const log = join(dir, 'resolved.txt');
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  appendFileSync(${JSON.stringify(log)}, specifier + '\\n');
  return next(specifier, context);
}`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`,
  );
  await promisify(execFile)(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], {
    cwd: dir,
  });
  const seen = readFileSync(log, 'utf8')
    .split('\n')
    .filter((s) => HEAVY.test(s));
  return [...new Set(seen.map((s) => s.split('/')[0]!))].sort();
};

describe('writers are loaded only for their format', () => {
  it('render to .docx loads docx but not the browser driver or exceljs; .xlsx loads exceljs', async () => {
    expect(await heavyLoaded('render', REPORT, '--out', 'out.docx')).toEqual(['docx']);
    expect(await heavyLoaded('render', REPORT, '--out', 'out.xlsx')).toEqual(['exceljs']);
  }, 60_000);

  it('--help loads none of them', async () => {
    expect(await heavyLoaded('--help')).toEqual([]);
    expect(await heavyLoaded('render', '--help')).toEqual([]);
  }, 60_000);
});
