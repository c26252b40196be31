/**
 * The job queue. A claim locks the oldest runnable row with FOR UPDATE SKIP LOCKED: concurrent workers
 * skip each other's rows instead of waiting, and no job is handed out twice.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { ok } from '../model/common.ts';
import type { Job } from '../model/jobs.ts';
import type { JobStore, NotClaimed } from '../port.ts';
import { jobs } from '../schema/index.ts';

/** Retry back-off: 5 s, 25 s, 125 s … capped at one hour. */
const backoffMs = (attempts: number): number => Math.min(5_000 * 5 ** Math.max(0, attempts - 1), 3_600_000);

const notClaimed = (id: number): NotClaimed => ({
  ok: false,
  code: 'not-claimed',
  message: `任务 ${id} 不在该进程名下运行 (job ${id} is not running for this worker)`,
});

const toJob = (r: typeof jobs.$inferSelect): Job => ({ ...r });

export const jobQueries = (db: Db): JobStore => ({
  enqueue: async (job) => {
    const [row] = await db
      .insert(jobs)
      .values({
        queue: job.queue,
        payload: job.payload ?? null,
        maxAttempts: job.maxAttempts ?? 3,
        ...(job.runAfter && { runAfter: job.runAfter }),
      })
      .returning();
    return toJob(row!);
  },

  claim: (queue, workerId) =>
    db.transaction(async (tx) => {
      const [free] = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.queue, queue), eq(jobs.status, 'queued'), lte(jobs.runAfter, sql`now()`)))
        .orderBy(asc(jobs.runAfter), asc(jobs.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!free) return null;
      const [row] = await tx
        .update(jobs)
        .set({
          status: 'running',
          lockedBy: workerId,
          lockedAt: sql`now()`,
          attempts: sql`${jobs.attempts} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(jobs.id, free.id))
        .returning();
      return toJob(row!);
    }),

  complete: async (id, workerId, result) => {
    const [row] = await db
      .update(jobs)
      .set({ status: 'done', result: result ?? null, lockedBy: null, updatedAt: sql`now()` })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId)))
      .returning();
    return row ? ok(toJob(row)) : notClaimed(id);
  },

  fail: (id, workerId, error) =>
    db.transaction(async (tx) => {
      const [cur] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId)))
        .for('update');
      if (!cur) return notClaimed(id);
      const retry = cur.attempts < cur.maxAttempts;
      const [row] = await tx
        .update(jobs)
        .set({
          status: retry ? 'queued' : 'failed',
          lastError: error,
          lockedBy: null,
          runAfter: retry
            ? sql`now() + ${`${backoffMs(cur.attempts)} milliseconds`}::interval`
            : cur.runAfter,
          updatedAt: sql`now()`,
        })
        .where(eq(jobs.id, id))
        .returning();
      return ok(toJob(row!));
    }),

  get: async (id) => {
    const [r] = await db.select().from(jobs).where(eq(jobs.id, id));
    return r ? toJob(r) : null;
  },

  requeueStale: async (olderThanMs) =>
    (
      await db
        .update(jobs)
        .set({ status: 'queued', lockedBy: null, updatedAt: sql`now()` })
        .where(
          and(
            eq(jobs.status, 'running'),
            lte(jobs.lockedAt, sql`now() - ${`${olderThanMs} milliseconds`}::interval`),
          ),
        )
        .returning({ id: jobs.id })
    ).length,
});
