/**
 * PGlite has no lock between processes: two processes on one data folder silently lose writes. So the
 * opener of a data folder holds `jixiao.lock` (its pid); a second opener is refused while that process
 * lives. A lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Failure } from './model/common.ts';

export const LOCK_FILE = 'jixiao.lock';

export type DataDirLocked = Failure<'data-dir-locked', { pid: number | null; lockPath: string }>;
export type Lock = { path: string; release: () => void };

type LockInfo = { pid: number; host: string; startedAt: string };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readInfo = (path: string): LockInfo | null => {
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (v && typeof v === 'object' && 'pid' in v && typeof v.pid === 'number' && 'host' in v)
      return { pid: v.pid, host: String(v.host), startedAt: 'startedAt' in v ? String(v.startedAt) : '' };
  } catch {}
  return null;
};

const locked = (dir: string, path: string, pid: number | null): DataDirLocked => ({
  ok: false,
  code: 'data-dir-locked',
  pid,
  lockPath: path,
  message:
    `数据目录 ${dir} 正被${pid ? `进程 ${pid} ` : '另一进程'}使用（jixiao serve 是否正在运行？请通过该服务器操作，或先停止它；` +
    `若确认无进程使用，可删除 ${path}） ` +
    `(data folder ${dir} is in use by ${pid ? `process ${pid}` : 'another process'}: is jixiao serve running? ` +
    `Go through that server or stop it first; if nothing uses it, delete ${path})`,
});

/** Takes the lock of `dir` (creating the folder), or says who holds it. */
export const acquireLock = (dir: string): Lock | DataDirLocked => {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const path = join(abs, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return {
        path,
        release: () => {
          // Only remove our own lock: a later opener may have taken over a lock we thought we held.
          if (readInfo(path)?.pid === me.pid) unlinkSync(path);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = readInfo(path);
    if (!held) {
      // Empty or torn: either being written this instant, or left by a crash long ago.
      const young = Date.now() - statSync(path).mtimeMs < 10_000;
      if (young) return locked(abs, path, null);
    } else if (held.host !== me.host || isAlive(held.pid)) {
      // Another machine's pid cannot be checked from here: refuse rather than guess.
      return locked(abs, path, held.pid);
    }
    unlinkSync(path); // stale: its process is gone
  }
  return locked(abs, path, null);
};
