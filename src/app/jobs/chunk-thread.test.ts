import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { auditChunkFiles } from './audit-chunk.ts';
import { type ChunkAuditor, chunkThreads } from './chunk-thread.ts';

const fixture = (f: string) => readFileSync(new URL(`../../../test/fixtures/audit/${f}`, import.meta.url));
const chunk = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => ({
    name: `r${from + k}.txt`,
    bytes: (from + k) % 5 === 4 ? new TextEncoder().encode('不是报告') : fixture('clean-small.txt'),
  }));

describe('a worker’s audit threads', () => {
  let threads: ChunkAuditor | undefined;
  afterAll(async () => threads?.close());

  it('audit chunks as this thread does, each answered with its own results, several sent at once', async () => {
    threads = await chunkThreads(1);
    const chunks = [chunk(0, 12), chunk(12, 7), chunk(19, 10)];
    const here = [];
    for (const c of chunks) here.push(await auditChunkFiles(c));
    const there = await Promise.all(chunks.map((c) => threads!.audit(c)));
    expect(there).toEqual(here);
    expect(there[1]!.unreadable).toBe(1);
    expect(there[2]!.results.split('\n')[0]).toContain('"file":"r19.txt"');
  }, 60_000);

  it('refuses chunks once closed', async () => {
    const closing = await chunkThreads(1);
    await closing.close();
    await expect(closing.audit(chunk(0, 1))).rejects.toThrow();
  }, 60_000);
});
