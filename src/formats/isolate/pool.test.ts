import { afterAll, describe, expect, it } from 'vitest';
import { makeDocx, para } from '../../../test/support/formats/docx-bytes.ts';
import { hugeDocx } from '../../../test/support/formats/hostile-files.ts';
import { readReport } from '../read-report.ts';
import { configureIsolation, isolationState, poolLimits, runIsolated } from './index.ts';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

/** 20 MB of paragraphs in a 0.5 MB .docx: seconds of reading and hundreds of MB, made once. */
let huge: Promise<Uint8Array> | undefined;
const hugeFile = () => {
  huge ??= hugeDocx(20);
  return huge;
};

describe('readers in child processes', () => {
  afterAll(() => configureIsolation(poolLimits()));

  it('gives what the reader gives in this thread', async () => {
    const bytes = await makeDocx(para('一、部门基本情况'));
    expect(await runIsolated('read-report', bytes)).toEqual(await readReport(bytes));
  }, 30_000);

  it('ends a task past its time limit, replaces the worker, and reads the next file', async () => {
    configureIsolation({ timeoutMs: 1000, memoryMb: 2048 });
    const bytes = await hugeFile();
    const started = performance.now();
    const slow = await runIsolated('read-report', bytes);
    expect(code(slow)).toBe('read.timeout');
    expect(!slow.ok && slow.error.message).toContain('文件过大或结构异常');
    expect(performance.now() - started).toBeLessThan(15_000);
    configureIsolation({ timeoutMs: 20_000 });
    const small = await makeDocx(para('正文'));
    expect(await runIsolated('read-report', small)).toEqual(await readReport(small));
  }, 60_000);

  it('ends a task past its memory cap as a clear failure', async () => {
    configureIsolation({ timeoutMs: 60_000, memoryMb: 64 });
    const r = await runIsolated('read-report', await hugeFile());
    expect(code(r)).toBe('read.out-of-memory');
    expect(!r.ok && r.error.message).toContain('64 MB');
  }, 90_000);

  it('replaces a child that grew large reading a file it finished', async () => {
    configureIsolation({ workers: 1, timeoutMs: 120_000, memoryMb: 2048 });
    const r = await runIsolated('read-report', await hugeFile());
    // Read to the end (not a report), and the child that held it is gone.
    expect(code(r)).toMatch(/^read\./);
    expect(['read.timeout', 'read.out-of-memory']).not.toContain(code(r));
    expect(isolationState().workers).toBe(0);
  }, 150_000);

  it('cancels a task', async () => {
    configureIsolation({ timeoutMs: 60_000, memoryMb: 2048 });
    const bytes = await hugeFile();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    expect(code(await runIsolated('read-report', bytes, { signal: abort.signal }))).toBe('read.cancelled');
  }, 60_000);

  it('refuses as busy a task that waited in the queue longer than the time limit', async () => {
    configureIsolation({ workers: 1, timeoutMs: 1500, memoryMb: 2048 });
    const slow = runIsolated('read-report', await hugeFile());
    const waiting = runIsolated('read-report', await makeDocx(para('正文')));
    expect(code(await waiting)).toBe('read.busy');
    expect(code(await slow)).toBe('read.timeout');
  }, 60_000);

  it('runs at most the pool size at once; the rest wait their turn', async () => {
    configureIsolation({ workers: 2, timeoutMs: 60_000, memoryMb: 512 });
    const bytes = await makeDocx(para('正文'));
    let most = 0;
    let waited = 0;
    const watch = setInterval(() => {
      const now = isolationState();
      most = Math.max(most, now.busy, now.workers);
      waited = Math.max(waited, now.waiting);
    }, 2);
    const all = Array.from({ length: 6 }, () => runIsolated('read-report', bytes));
    const results = await Promise.all(all);
    clearInterval(watch);
    for (const r of results) expect(r).toEqual(await readReport(bytes));
    expect(most).toBe(2);
    expect(waited).toBeGreaterThan(0);
  }, 60_000);
});
