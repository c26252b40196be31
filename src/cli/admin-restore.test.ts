/** `jixiao admin restore` of a file that is not there: one Chinese line, exit 2, no system error text. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/jixiao', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jixiao-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('says a missing backup file in words (it said “ENOENT: no such file or directory, open …”)', () => {
  const missing = join(dir, '没有的备份.tar.gz');
  const r = spawnSync(
    process.execPath,
    [BIN, 'admin', '--data', join(dir, 'data'), 'restore', missing, '--replace'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 60_000 },
  );
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(`jixiao admin: 找不到备份文件 ${missing}，或它不是文件 (no such backup file)\n`);
}, 90_000);
