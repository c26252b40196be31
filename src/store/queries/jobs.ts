/**
 * Batch jobs. A job's files go in after the job, in slices of whole chunks, each queued once it is in;
 * a chunk is finished by one UPDATE … WHERE done_at IS NULL, so of two workers that ran it (a lease ran
 * out while the first was still at it) only one stores its results.
 */
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { record } from '../db.ts';
import { type BatchJob, NewBatchJob } from '../model/jobs.ts';
import type { JobStore } from '../port.ts';
import { batchJobChunks, batchJobFiles, batchJobs } from '../schema/index.ts';

/** Rows per INSERT: keeps each statement's parameters and size moderate. */
const FILES_PER_INSERT = 200;
/** Files per transaction of a submission (whole chunks): the first chunks are queued within a second. */
const FILES_PER_SLICE = 1000;

const progress = {
  filesDone: sql<number>`coalesce((select sum(c.count) from batch_job_chunks c where c.job_id = ${batchJobs.id} and c.done_at is not null), 0)::int`,
  chunksDone: sql<number>`(select count(*) from batch_job_chunks c where c.job_id = ${batchJobs.id} and c.done_at is not null)::int`,
  withErrors: sql<number>`coalesce((select sum(c.with_errors) from batch_job_chunks c where c.job_id = ${batchJobs.id}), 0)::int`,
  unreadable: sql<number>`coalesce((select sum(c.unreadable) from batch_job_chunks c where c.job_id = ${batchJobs.id}), 0)::int`,
};

const select = (db: Db) =>
  db
    .select({
      id: batchJobs.id,
      kind: batchJobs.kind,
      name: batchJobs.name,
      files: batchJobs.files,
      chunks: batchJobs.chunks,
      createdBy: batchJobs.createdBy,
      jurisdictionId: batchJobs.jurisdictionId,
      createdAt: batchJobs.createdAt,
      finishedAt: batchJobs.finishedAt,
      ...progress,
    })
    .from(batchJobs);

const toJob = (r: BatchJob): BatchJob => ({
  ...r,
  filesDone: Number(r.filesDone),
  chunksDone: Number(r.chunksDone),
  withErrors: Number(r.withErrors),
  unreadable: Number(r.unreadable),
});

export const jobQueries = (db: Db): JobStore => ({
  create: async (input, by, stored) => {
    const job = NewBatchJob.parse(input);
    const chunkCount = Math.ceil(job.files.length / job.chunkSize);
    const chunks = Array.from({ length: chunkCount }, (_, chunk) => ({
      chunk,
      first: chunk * job.chunkSize,
      count: Math.min(job.chunkSize, job.files.length - chunk * job.chunkSize),
    }));
    // The job and its chunks first; then the files a slice of whole chunks at a time, each slice in its
    // own transaction, handed on (queued) as soon as it is in: workers start on the first chunks while
    // the rest are stored. A job whose files cannot all be stored is deleted again.
    const jobId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(batchJobs)
        .values({
          kind: job.kind,
          name: job.name,
          files: job.files.length,
          chunks: chunkCount,
          createdBy: by,
          jurisdictionId: job.jurisdictionId,
        })
        .returning({ id: batchJobs.id });
      const id = row!.id;
      for (let from = 0; from < chunks.length; from += FILES_PER_INSERT)
        await tx
          .insert(batchJobChunks)
          .values(chunks.slice(from, from + FILES_PER_INSERT).map((c) => ({ jobId: id, ...c })));
      await record(tx, by, 'job.submit', { type: 'job', id }, { kind: job.kind, files: job.files.length });
      return id;
    });
    const perSlice = Math.max(1, Math.ceil(FILES_PER_SLICE / job.chunkSize));
    try {
      for (let c = 0; c < chunkCount; c += perSlice) {
        const end = Math.min(job.files.length, (c + perSlice) * job.chunkSize);
        await db.transaction(async (tx) => {
          for (let from = c * job.chunkSize; from < end; from += FILES_PER_INSERT)
            await tx
              .insert(batchJobFiles)
              .values(
                job.files
                  .slice(from, Math.min(end, from + FILES_PER_INSERT))
                  .map((f, k) => ({ jobId, index: from + k, name: f.name, bytes: f.bytes })),
              );
        });
        await stored?.(chunks.slice(c, c + perSlice).map((x) => ({ jobId, chunk: x.chunk })));
      }
    } catch (e) {
      await db.delete(batchJobs).where(eq(batchJobs.id, jobId));
      throw e;
    }
    const [created] = await select(db).where(eq(batchJobs.id, jobId));
    return { job: toJob(created!), chunks: chunks.map((c) => ({ jobId, chunk: c.chunk })) };
  },

  get: async (id) => {
    const [r] = await select(db).where(eq(batchJobs.id, id));
    return r ? toJob(r) : null;
  },

  list: async ({ jurisdictionIds, limit = 50 }) =>
    (
      await select(db)
        .where(jurisdictionIds ? inArray(batchJobs.jurisdictionId, jurisdictionIds) : undefined)
        .orderBy(desc(batchJobs.createdAt), desc(batchJobs.id))
        .limit(limit)
    ).map(toJob),

  chunkInput: async ({ jobId, chunk }) => {
    const [c] = await db
      .select({ first: batchJobChunks.first, count: batchJobChunks.count })
      .from(batchJobChunks)
      .where(
        and(eq(batchJobChunks.jobId, jobId), eq(batchJobChunks.chunk, chunk), isNull(batchJobChunks.doneAt)),
      );
    if (!c) return null;
    const files = await db
      .select({ name: batchJobFiles.name, bytes: batchJobFiles.bytes })
      .from(batchJobFiles)
      .where(
        and(
          eq(batchJobFiles.jobId, jobId),
          gte(batchJobFiles.index, c.first),
          sql`${batchJobFiles.index} < ${c.first + c.count}`,
        ),
      )
      .orderBy(asc(batchJobFiles.index));
    // A chunk is queued only once its files are stored; one without them is a submission that died.
    if (files.length !== c.count) throw new Error(`job ${jobId} chunk ${chunk}: files missing`);
    return { first: c.first, files };
  },

  finishChunk: ({ jobId, chunk }, output) =>
    db.transaction(async (tx) => {
      const [done] = await tx
        .update(batchJobChunks)
        .set({
          results: output.results,
          withErrors: output.withErrors,
          unreadable: output.unreadable,
          doneAt: sql`now()`,
        })
        .where(
          and(
            eq(batchJobChunks.jobId, jobId),
            eq(batchJobChunks.chunk, chunk),
            isNull(batchJobChunks.doneAt),
          ),
        )
        .returning({ first: batchJobChunks.first, count: batchJobChunks.count });
      if (!done) return false;
      await tx
        .delete(batchJobFiles)
        .where(
          and(
            eq(batchJobFiles.jobId, jobId),
            gte(batchJobFiles.index, done.first),
            sql`${batchJobFiles.index} < ${done.first + done.count}`,
          ),
        );
      // The last chunk finishes the job (the row lock orders two last chunks finishing at once).
      await tx.execute(
        sql`update batch_jobs set finished_at = now() where id = ${jobId} and finished_at is null
            and not exists (select 1 from batch_job_chunks c where c.job_id = ${jobId} and c.done_at is null)`,
      );
      return true;
    }),

  openChunks: async (limit = 10_000) =>
    db
      .select({ jobId: batchJobChunks.jobId, chunk: batchJobChunks.chunk })
      .from(batchJobChunks)
      .innerJoin(batchJobs, eq(batchJobs.id, batchJobChunks.jobId))
      .where(isNull(batchJobChunks.doneAt))
      .orderBy(asc(batchJobs.createdAt), asc(batchJobChunks.jobId), asc(batchJobChunks.chunk))
      .limit(limit),

  results: async (jobId, from, limit = 50) => {
    const rows = await db
      .select({ chunk: batchJobChunks.chunk, results: batchJobChunks.results })
      .from(batchJobChunks)
      .where(and(eq(batchJobChunks.jobId, jobId), gte(batchJobChunks.chunk, from)))
      .orderBy(asc(batchJobChunks.chunk))
      .limit(limit);
    const out: { chunk: number; results: string }[] = [];
    for (const r of rows) {
      if (r.results === null) break;
      out.push({ chunk: r.chunk, results: r.results });
    }
    return out;
  },
});
