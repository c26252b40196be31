import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from './lock-file.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('refuses a second holder while the first lives, and frees the folder on release', () => {
  const dir = fresh();
  const first = acquireLock(dir);
  if ('ok' in first) throw new Error(first.message);
  expect(acquireLock(dir)).toMatchObject({ ok: false, code: 'data-dir-locked', pid: process.pid });
  first.release();
  const again = acquireLock(dir);
  if ('ok' in again) throw new Error(again.message);
  again.release();
});

it('refuses when a live process of another program holds it (the parent of this test)', () => {
  const dir = fresh();
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname() }));
  expect(acquireLock(dir)).toMatchObject({ ok: false, pid: process.ppid });
});

it('takes over the lock of a process that died', () => {
  const dir = fresh();
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname() }));
  const lock = acquireLock(dir);
  if ('ok' in lock) throw new Error(lock.message);
  expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
  lock.release();
});

it('refuses a lock from another host (its pid cannot be checked) and a freshly torn one', () => {
  const dir = fresh();
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere' }));
  expect(acquireLock(dir)).toMatchObject({ ok: false, code: 'data-dir-locked' });
  writeFileSync(join(dir, LOCK_FILE), '');
  expect(acquireLock(dir)).toMatchObject({ ok: false, code: 'data-dir-locked', pid: null });
});
