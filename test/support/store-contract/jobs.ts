/** The contract's part on batch jobs: files in, chunks out, each chunk's results stored once. */
import { describe, expect, it } from 'vitest';
import type { Fixture } from './fixture.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

export const registerJobContract = (fx: Fixture): void => {
  describe('batch jobs', () => {
    it('hands on each slice of chunks once its files are stored, while the rest are not yet', async () => {
      const s = fx.store;
      const files = Array.from({ length: 2_500 }, (_, i) => ({
        name: `r${i}.txt`,
        bytes: bytes(`报告${i}`),
      }));
      const seen: number[][] = [];
      const { job } = await s.jobs.create(
        { kind: 'audit', name: '分批写入', files, chunkSize: 1_000 },
        null,
        async (chunks) => {
          seen.push(chunks.map((c) => c.chunk));
          for (const c of chunks)
            expect((await s.jobs.chunkInput(c))?.files).toHaveLength(c.chunk < 2 ? 1_000 : 500);
          // The next chunk's files are not stored yet: it cannot be run.
          const next = chunks.at(-1)!.chunk + 1;
          if (next < 3)
            await expect(s.jobs.chunkInput({ jobId: chunks[0]!.jobId, chunk: next })).rejects.toThrow();
        },
      );
      expect(seen).toEqual([[0], [1], [2]]);
      expect(job).toMatchObject({ files: 2_500, chunks: 3, filesDone: 0 });
    });

    it('splits a job into chunks, stores each chunk once, and finishes with the last one', async () => {
      const s = fx.store;
      const t = await fx.tree();
      const files = Array.from({ length: 5 }, (_, i) => ({ name: `r${i}.txt`, bytes: bytes(`报告${i}`) }));
      const { job, chunks } = await s.jobs.create(
        { kind: 'audit', name: '五份报告', files, chunkSize: 2, jurisdictionId: t.county },
        t.admin,
      );
      expect(job).toMatchObject({ files: 5, chunks: 3, filesDone: 0, finishedAt: null, createdBy: t.admin });
      expect(chunks.map((c) => c.chunk)).toEqual([0, 1, 2]);
      const input = await s.jobs.chunkInput(chunks[1]!);
      expect(input?.first).toBe(2);
      expect(input?.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
        ['r2.txt', '报告2'],
        ['r3.txt', '报告3'],
      ]);
      const out = (n: number) => ({ results: `{"n":${n}}\n`, withErrors: n, unreadable: 0 });
      expect(await s.jobs.finishChunk(chunks[1]!, out(1))).toBe(true);
      // Run twice (a lease that ran out): the second run's results are not stored.
      expect(await s.jobs.finishChunk(chunks[1]!, out(9))).toBe(false);
      expect(await s.jobs.chunkInput(chunks[1]!)).toBeNull();
      // Results stop at the first chunk not yet done, so they always come out in file order.
      expect(await s.jobs.results(job.id, 0)).toEqual([]);
      expect((await s.jobs.openChunks()).filter((c) => c.jobId === job.id)).toEqual([chunks[0], chunks[2]]);
      expect(await s.jobs.finishChunk(chunks[0]!, out(0))).toBe(true);
      expect((await s.jobs.get(job.id))?.finishedAt).toBeNull();
      expect(await s.jobs.finishChunk(chunks[2]!, out(2))).toBe(true);
      const done = await s.jobs.get(job.id);
      expect(done).toMatchObject({ filesDone: 5, chunksDone: 3, withErrors: 3 });
      expect(done?.finishedAt).toBeInstanceOf(Date);
      expect((await s.jobs.results(job.id, 1)).map((r) => r.results)).toEqual(['{"n":1}\n', '{"n":2}\n']);
      expect((await s.jobs.list({ jurisdictionIds: [t.county] })).map((j) => j.id)).toEqual([job.id]);
      expect(await s.audit.list({ targetType: 'job', targetId: job.id })).toMatchObject([
        { action: 'job.submit', actorId: t.admin },
      ]);
    });
  });
};
