/**
 * `bin/jixiao serve` starts itself again with its V8 flags (bin/serve-flags.mjs): two processes. One
 * Ctrl+C (SIGINT to the whole process group, which reaches both) still shuts the server down once and
 * cleanly (exit 0, the message once, the data folder's lock released), and a parent killed outright
 * (SIGKILL) does not leave the server running. The server is the child holding the data folder's lock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/jixiao', import.meta.url));
const TIMEOUT = 120_000;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls `test` every 50 ms until true or `ms` pass; true if it became true. */
const until = async (test: () => boolean, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (test()) return true;
  return test();
};

type Started = { parent: ChildProcess; server: number; out: () => string; exited: Promise<number | null> };

const folder = mkdtempSync(join(tmpdir(), 'jixiao-signals-'));
const dataDir = join(folder, 'db');
const started: Started[] = [];

/** `jixiao serve` in a process group of its own (as in a terminal), until it says where it listens. */
const start = async (): Promise<Started> => {
  const parent = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  parent.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
  });
  parent.stderr!.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const exited = new Promise<number | null>((r) => parent.once('exit', (code) => r(code)));
  const listening = await Promise.race([
    until(() => /jixiao serve: http:\/\//.test(out), TIMEOUT),
    exited.then(() => false),
  ]);
  expect(listening, out).toBe(true);
  const lock = JSON.parse(readFileSync(join(dataDir, 'jixiao.lock'), 'utf8')) as { pid: number };
  const s: Started = { parent, server: lock.pid, out: () => out, exited };
  started.push(s);
  return s;
};

afterAll(() => {
  for (const s of started)
    for (const pid of [s.parent.pid!, s.server]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

describe('jixiao serve and its signals', () => {
  it(
    'shuts down once and cleanly on one Ctrl+C reaching both processes',
    async () => {
      const s = await start();
      // The server is a process of its own, started with the flags.
      expect(s.server).not.toBe(s.parent.pid);
      if (existsSync(`/proc/${s.server}/cmdline`))
        expect(readFileSync(`/proc/${s.server}/cmdline`, 'utf8')).toContain('--max-semi-space-size=64');
      process.kill(-s.parent.pid!, 'SIGINT');
      expect(await s.exited).toBe(0);
      expect(s.out().match(/收到 SIGINT，正在关闭/g)).toHaveLength(1);
      expect(await until(() => !alive(s.server), 10_000)).toBe(true);
      expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'does not leave the server running when its parent is killed',
    async () => {
      const s = await start();
      expect(alive(s.server)).toBe(true);
      process.kill(s.parent.pid!, 'SIGKILL');
      await s.exited;
      expect(await until(() => !alive(s.server), 20_000)).toBe(true);
      // It shut down as on SIGTERM: the database closed, the lock released.
      expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(false);
    },
    TIMEOUT,
  );
});
