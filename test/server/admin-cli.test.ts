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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../../src/app/first-start.ts';
import { acquireLock, openEmbeddedStore } from '../../src/store/index.ts';

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
  beforeAll(async () => {
    // A folder as a first start without demo leaves it: the admin and one jurisdiction, 本省.
    const opened = await openEmbeddedStore({ dataDir: data });
    if (!opened.ok) throw new Error(opened.message);
    await firstStart(opened.value, { demo: false });
    await opened.value.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds departments and users, and lists them', () => {
    const dept = admin(
      'departments',
      'add',
      '--name',
      '本省测试单位',
      '--jurisdiction',
      '本省',
      '--code',
      'T01',
    );
    expect(dept.code, dept.err).toBe(0);
    const user = admin('users', 'add', '--username', 'tb1', '--role', 'preparer', '--department', 'T01');
    expect(user.code, user.err).toBe(0);
    expect(user.out).toMatch(/已创建用户 tb1，密码 [A-Za-z0-9]{16}（只显示一次）/);
    const names = (JSON.parse(admin('users', 'list').out) as { username: string }[]).map((u) => u.username);
    expect(names.sort()).toEqual(['admin', 'tb1']);
    const off = admin('users', 'disable', 'tb1');
    expect(off.code, off.err).toBe(0);
    expect(admin('users', 'set-password', 'nobody').code).toBe(2);
  }, 120_000);

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
