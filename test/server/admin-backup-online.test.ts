/**
 * `jixiao admin backup` while `jixiao serve` holds the data folder: the backup goes through the running
 * server (its single owner), signed in as the admin with JIXIAO_ADMIN_PASSWORD; without it, one clear line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupThroughServer } from '../../src/cli/backup-through-server.ts';
import type { Failure } from '../../src/core/result.ts';
import { type Served, startServe } from '../e2e/server.ts';

const BIN = fileURLToPath(new URL('../../bin/jixiao', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'jixiao-online-backup-'));

describe('jixiao admin backup through a running server', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe(90_000, ['--no-demo']);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  const backup = (file: string, env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [BIN, 'admin', '--data', served.dataDir, 'backup', file, '--server', served.url],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 60_000 },
    );

  it('without the password: exit 2 and one line saying how', () => {
    const r = backup(join(out, 'a.tar.gz'), { JIXIAO_ADMIN_PASSWORD: '' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('JIXIAO_ADMIN_PASSWORD');
  });

  it('with a wrong password: refused by the server, exit 2', () => {
    const r = backup(join(out, 'b.tar.gz'), { JIXIAO_ADMIN_PASSWORD: 'not-the-password-1' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/登录 .* 失败/);
  });

  it("with the admin's password: a gzip backup from the server, which keeps running", async () => {
    const file = join(out, 'c.tar.gz');
    const r = backup(file, { JIXIAO_ADMIN_PASSWORD: served.adminPassword });
    expect(r.status, r.stderr).toBe(0);
    // The local backup's line, with the server it went through.
    expect(r.stdout).toMatch(/^已备份到 .*c\.tar\.gz（\d+ 字节，经由 http:\/\/[^）]+）\n$/);
    const bytes = readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect((await fetch(`${served.url}/api/public/meta`)).status).toBe(200);
  });

  it("answers with the local backup's result: the bytes, or a Failure with the code of the refusal", async () => {
    const locked: Failure<'data-dir-locked'> = { ok: false, code: 'data-dir-locked', message: 'held' };
    const saved = process.env.JIXIAO_ADMIN_PASSWORD;
    const attempt = (password: string, server = served.url) => {
      process.env.JIXIAO_ADMIN_PASSWORD = password;
      return backupThroughServer(server, 'admin', join(out, 'd.tar.gz'), locked);
    };
    try {
      expect(await attempt('')).toMatchObject({ ok: false, code: 'data-dir-locked' });
      expect(await attempt('not-the-password-2')).toMatchObject({ ok: false, code: 'bad-login' });
      const closed = await attempt(served.adminPassword, 'http://127.0.0.1:9');
      expect(closed).toMatchObject({ ok: false, code: 'server-unreachable' });
      const done = await attempt(served.adminPassword);
      expect(done).toEqual({ ok: true, value: { bytes: readFileSync(join(out, 'd.tar.gz')).byteLength } });
    } finally {
      process.env.JIXIAO_ADMIN_PASSWORD = saved;
    }
  });
});
