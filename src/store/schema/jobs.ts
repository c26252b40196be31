/** A PostgreSQL-backed job queue: workers claim with FOR UPDATE SKIP LOCKED, so none claims a job twice. */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { JOB_STATUSES, type JobStatus, sqlList } from '../vocab.ts';
import { at, createdAt } from './columns.ts';

export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    queue: text('queue').notNull(),
    /** SQL null for a job without payload (drizzle sends a JS null as SQL NULL, not JSON null). */
    payload: jsonb('payload').$type<unknown>(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAfter: at('run_after').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedAt: at('locked_at'),
    result: jsonb('result').$type<unknown>(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // The claim query's path: the oldest runnable job of a queue.
    index('jobs_claim_idx').on(t.queue, t.runAfter, t.id).where(sql`status = 'queued'`),
    check('jobs_status_check', sql.raw(`status in (${sqlList(JOB_STATUSES)})`)),
  ],
);
