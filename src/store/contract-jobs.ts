/** The contract's part on the job queue. */
import { describe, expect, it } from 'vitest';
import { type Fixture, uniq, unwrap } from './contract-fixture.ts';

export const registerJobContract = (fx: Fixture): void => {
  describe('job queue', () => {
    it('hands each job to exactly one of two concurrent workers', async () => {
      const s = fx.store;
      const queue = uniq('import');
      const ids = [];
      for (let i = 0; i < 12; i++)
        ids.push((await s.jobs.enqueue({ queue, payload: { file: `${i}.docx` } })).id);
      const drain = async (worker: string): Promise<number[]> => {
        const got: number[] = [];
        for (;;) {
          const job = await s.jobs.claim(queue, worker);
          if (!job) break;
          got.push(job.id);
          expect(job).toMatchObject({ status: 'running', lockedBy: worker, attempts: 1 });
          unwrap(await s.jobs.complete(job.id, worker, { ok: true }));
        }
        return got;
      };
      const [a, b] = await Promise.all([drain('worker-a'), drain('worker-b')]);
      expect([...a!, ...b!].sort((x, y) => x - y)).toEqual(ids);
      expect(await s.jobs.claim(queue, 'worker-c')).toBeNull();
      expect(await s.jobs.get(ids[0]!)).toMatchObject({ status: 'done', result: { ok: true } });
    });

    it('retries a failed job after a back-off, then gives up; only the claimant may finish it', async () => {
      const s = fx.store;
      const queue = uniq('render');
      const job = await s.jobs.enqueue({ queue, payload: null, maxAttempts: 2 });
      const claimed = (await s.jobs.claim(queue, 'w1'))!;
      expect(await s.jobs.complete(claimed.id, 'w2')).toMatchObject({ ok: false, code: 'not-claimed' });
      const retry = unwrap(await s.jobs.fail(claimed.id, 'w1', 'docx 损坏'));
      expect(retry).toMatchObject({ status: 'queued', lastError: 'docx 损坏' });
      expect(retry.runAfter.getTime()).toBeGreaterThan(Date.now());
      expect(await s.jobs.claim(queue, 'w1')).toBeNull(); // still backing off
      await fx.exec(`update jobs set run_after = now() where id = ${job.id}`);
      const second = (await s.jobs.claim(queue, 'w1'))!;
      expect(second.attempts).toBe(2);
      expect(unwrap(await s.jobs.fail(second.id, 'w1', '仍然损坏')).status).toBe('failed');
    });

    it('requeues a job whose worker went silent', async () => {
      const s = fx.store;
      const queue = uniq('stale');
      const job = await s.jobs.enqueue({ queue, payload: 1 });
      await s.jobs.claim(queue, 'crashed');
      expect(await s.jobs.requeueStale(60_000)).toBe(0);
      await fx.exec(`update jobs set locked_at = now() - interval '2 minutes' where id = ${job.id}`);
      expect(await s.jobs.requeueStale(60_000)).toBeGreaterThanOrEqual(1);
      expect((await s.jobs.claim(queue, 'healthy'))?.id).toBe(job.id);
    });
  });
};
