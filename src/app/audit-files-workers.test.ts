import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEach, auditFiles } from './audit-files.ts';
import { startPool } from './pool/worker-pool.ts';

const FIXTURES = new URL('../../test/fixtures/audit/', import.meta.url).pathname;
const CLEAN = join(FIXTURES, 'clean-base.txt');
const SMALL = join(FIXTURES, 'clean-small.txt');

/** Threads of this process, from /proc (Linux); undefined elsewhere. */
const threads = (): number | undefined => {
  try {
    return Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
};

describe('auditFiles with worker threads', () => {
  it('gives the same results in the same order as one thread, an unreadable file in the middle', async () => {
    const files = Array.from({ length: 600 }, (_, i) =>
      i === 300 ? '/nonexistent/middle.txt' : i % 3 === 0 ? SMALL : CLEAN,
    );
    const one = await auditFiles(files);
    const two = await auditFiles(files, { threads: 2, workersOnly: true });
    expect(two).toEqual(one);
    // Counted after a first call, which has started the threads that stay (libuv's pool).
    const before = threads();
    let seen = 0;
    let tick = 0;
    const check = () => {
      if (++tick % 25 === 0) seen = Math.max(seen, threads() ?? 0);
    };
    const three = await auditFiles(files, { threads: 3, onProgress: check });
    expect(three).toEqual(one);
    expect(three[300]).toMatchObject({ file: '/nonexistent/middle.txt', ok: false, code: 'read.not-found' });
    if (before !== undefined) {
      // The workers were running at some point, and every one is gone once the call returns.
      expect(seen).toBeGreaterThan(before);
      expect(threads()).toBeLessThanOrEqual(before);
    }
  }, 120_000);
});

describe('startPool', () => {
  it('gives the items of a worker that ends back at once, not when every worker has ended', async () => {
    let next = 0;
    const done = new Map<number, number>();
    const given: number[][] = [];
    let finished = false;
    const pool = startPool<{ batch: number[] }, number>({
      script: new URL('../../test/fixtures/pool/dying-worker.ts', import.meta.url),
      workers: 1,
      batch: 2,
      take: (n) => {
        const from = next;
        next = Math.min(10, next + n);
        return Array.from({ length: next - from }, (_, k) => from + k);
      },
      request: (batch) => ({ batch }),
      done: (i, r) => done.set(i, r),
      giveBack: (items) => {
        expect(finished).toBe(false);
        given.push(items);
      },
    });
    await pool.finished;
    finished = true;
    await pool.stop();
    expect(given).toHaveLength(1);
    // The batch with item 5 and any other in flight come back; the items answered are not among them.
    expect(given[0]).toContain(5);
    for (const i of given[0]!) expect(done.has(i)).toBe(false);
    expect(done.get(0)).toBe(0);
    expect(done.get(3)).toBe(6);
  }, 60_000);
});

describe('auditEach when a worker dies', () => {
  it('does its files in this thread at once: the results held stay within the window', async () => {
    // Files that do not exist cost nothing to read (each says so); one kills the worker given it.
    const n = 3000;
    const file = (i: number) => (i === 40 ? '/nonexistent/kill-the-worker.txt' : `/nonexistent/${i}.txt`);
    let pulled = 0;
    function* files(): Generator<string> {
      for (let i = 0; i < n; i++) {
        pulled++;
        yield file(i);
      }
    }
    let held = 0;
    const order: string[] = [];
    await auditEach(
      files(),
      (r, i) => {
        held = Math.max(held, pulled - i);
        order.push(r.file);
      },
      {
        threads: 2,
        workersOnly: true,
        workerScript: new URL('../../test/fixtures/pool/dying-audit-worker.ts', import.meta.url),
      },
    );
    expect(order).toEqual(Array.from({ length: n }, (_, i) => file(i)));
    // The window is 256 files: before, the living worker took every file while the dead one's waited
    // for the end, and all their results were held.
    expect(held).toBeLessThanOrEqual(256 + 2 * 16);
  }, 120_000);
});
