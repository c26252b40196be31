/**
 * `jixiao admin` on an embedded data folder: users and departments, backup and restore, and the refusal
 * while another process (a server) holds the folder. Each command opens the folder, so this file is slow
 * (the first open creates the database).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/index.ts';

const BIN = fileURLToPath(new URL('../../bin/jixiao', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jixiao-admin-'));
const data = join(dir, 'data');

const admin = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, 'admin', '--data', data, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('jixiao admin (embedded)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses bad input in one line, lists users, backs up and restores', () => {
    const noPlace = admin('departments', 'add', '--name', '某单位', '--jurisdiction', '不存在的县');
    expect(noPlace.code).toBe(2);
    expect(noPlace.err).toMatch(/^jixiao admin: 找不到地区/);

    const weak = admin(
      'users',
      'add',
      '--username',
      'ops',
      '--role',
      'admin',
      '--jurisdiction',
      'x',
      '--password',
      'short',
    );
    expect(weak.code).toBe(2);

    const badRole = admin('users', 'add', '--username', 'ops', '--role', 'boss');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('角色应为');

    const list = admin('users', 'list');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([]);

    const backup = admin('backup', join(dir, 'b.tgz'));
    expect(backup.code, backup.err).toBe(0);
    expect(existsSync(join(dir, 'b.tgz'))).toBe(true);
    const refused = admin('restore', join(dir, 'b.tgz'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('replace');
    const restored = admin('restore', join(dir, 'b.tgz'), '--replace');
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('原数据库保存在');
  }, 180_000);

  it('refuses with a clear message while another process holds the folder', () => {
    const lock = acquireLock(data);
    if (!('release' in lock)) throw new Error(lock.message);
    // The lock names this (live) test process; the CLI is another process, so it must refuse.
    try {
      const r = admin('users', 'list');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/正被进程 \d+ 使用.*jixiao serve/);
    } finally {
      lock.release();
    }
  }, 60_000);
});
