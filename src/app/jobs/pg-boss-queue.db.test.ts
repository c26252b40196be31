/**
 * The chunk queue opened by several processes at the same moment (servers and workers started together
 * on a fresh database): every one of them opens it, none dies of a deadlock, and one queue is made.
 * Without PostgreSQL it skips with a note (fails in CI).
 */
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, inCI, postgresProblem } from '../../../test/server/harness.ts';
import { CHUNK_QUEUE, pgBossQueue } from './pg-boss-queue.ts';

const problem = await postgresProblem();
if (problem && !inCI)
  console.warn(`[skip] PostgreSQL not reachable (${problem}): queue opening tests skipped`);

describe.skipIf(problem !== null && !inCI)(
  'the pg-boss chunk queue opened by several processes at once',
  () => {
    let db: { url: string; drop: () => Promise<void> };
    let boss: PgBoss;
    beforeAll(async () => {
      db = await freshPostgres();
      // pg-boss's own schema made first, so that every round races on the queue's creation alone.
      boss = new PgBoss({ connectionString: db.url, schedule: false, supervise: false, max: 1 });
      await boss.start();
    }, 60_000);
    afterAll(async () => {
      await boss?.stop({ graceful: false, wait: true });
      await db?.drop();
    }, 60_000);

    it('opens in all four, each of six times, with one queue made', async () => {
      for (let round = 0; round < 6; round++) {
        if (await boss.getQueue(CHUNK_QUEUE)) await boss.deleteQueue(CHUNK_QUEUE);
        const opened = await Promise.allSettled(
          [1, 2, 3, 4].map(() => pgBossQueue({ url: db.url, connections: 2 })),
        );
        for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
        expect(opened.map((o) => (o.status === 'fulfilled' ? 'opened' : String(o.reason)))).toEqual([
          'opened',
          'opened',
          'opened',
          'opened',
        ]);
        expect((await boss.getQueues()).filter((q) => q.name === CHUNK_QUEUE)).toHaveLength(1);
      }
    }, 120_000);
  },
);
