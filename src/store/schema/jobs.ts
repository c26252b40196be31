/**
 * Batch jobs (a bulk audit of a set of files or a zip): the job, its files, and its chunks — the unit a
 * worker takes from the queue (pg-boss, or in process on the embedded database). A chunk's results are
 * written once, with the chunk marked done in the same statement, so a chunk run twice (its worker's
 * lease ran out while it was still working) still counts once.
 */
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { JOB_KINDS, type JobKind, sqlList } from '../vocab.ts';
import { at, createdAt, id } from './columns.ts';
import { jurisdictions } from './org.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres sends a Buffer as bytea; PGlite takes a Uint8Array.
  toDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

export const batchJobs = pgTable(
  'batch_jobs',
  {
    id: id(),
    kind: text('kind').$type<JobKind>().notNull(),
    /** What the submitter called it: the zip's name, or the first file's and how many more. */
    name: text('name').notNull(),
    files: integer('files').notNull(),
    chunks: integer('chunks').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    /** The submitter's jurisdiction, for the bureau's list (null from the command line). */
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    createdAt: createdAt(),
    /** Set when the last chunk is done. */
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('batch_jobs_jurisdiction_idx').on(t.jurisdictionId, t.createdAt),
    check('batch_jobs_kind_check', sql.raw(`kind in (${sqlList(JOB_KINDS)})`)),
  ],
);

export const batchJobFiles = pgTable(
  'batch_job_files',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => batchJobs.id, { onDelete: 'cascade' }),
    /** Position in the job, from 0: the results come out in this order. */
    index: integer('index').notNull(),
    name: text('name').notNull(),
    /** Stored uncompressed (STORAGE EXTERNAL, migration 0013): kept only until the chunk is done. */
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.index] })],
);

export const batchJobChunks = pgTable(
  'batch_job_chunks',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => batchJobs.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    /** Files `first` … `first + count - 1` of the job. */
    first: integer('first').notNull(),
    count: integer('count').notNull(),
    /** One JSON line per file, in file order; null until the chunk is done. */
    results: text('results'),
    withErrors: integer('with_errors').notNull().default(0),
    unreadable: integer('unreadable').notNull().default(0),
    doneAt: at('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.chunk] }),
    // What the in-process queue picks up again after a restart.
    index('batch_job_chunks_open_idx').on(t.jobId, t.chunk).where(sql`done_at is null`),
  ],
);
