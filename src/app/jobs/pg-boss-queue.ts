/**
 * The job queue on PostgreSQL, kept by pg-boss (its own schema `pgboss`, created and migrated by it).
 * Each chunk is one pg-boss job with a lease (`expireInSeconds`): a worker that dies mid-chunk leaves it
 * active until the lease runs out, when pg-boss's maintenance (every `maintenanceSeconds`, run by
 * whichever process gets there first) puts it back for another worker. A chunk is stored once whoever
 * finishes it (Store.jobs.finishChunk), so a slow worker overtaken by its lease costs time, not results.
 */
import PgBoss from 'pg-boss';
import { withAdvisoryLock } from '../../store/postgres.ts';
import type { ChunkRef } from '../store.ts';
import type { JobQueue } from './queue.ts';

export const CHUNK_QUEUE = 'jixiao-job-chunk';

export type PgBossQueueOptions = {
  url: string;
  /** A chunk's lease: longer than a chunk ever takes (default 300 s). */
  leaseSeconds?: number;
  /** How often expired leases are looked for (default 30 s). */
  maintenanceSeconds?: number;
  /** How often an idle worker asks for a chunk (default 1 s). */
  pollingSeconds?: number;
  /** Connections of this process to PostgreSQL (default 4). */
  connections?: number;
};

const RETRIES = 5;

/** An arbitrary constant: the advisory lock that serializes the chunk queue's creation across processes. */
const QUEUE_LOCK = 4_242_018;

/**
 * Creates the chunk queue once. pg-boss 10's createQueue is not safe to run from two processes at the
 * same moment (each inserts the queue's row, then attaches a partition to the job table, which locks
 * the queue table: two servers or workers started together deadlock), so it runs under a session
 * advisory lock of our own, and a process that waited finds the queue made.
 */
const ensureQueue = async (url: string, boss: PgBoss, lease: number): Promise<void> => {
  if (await boss.getQueue(CHUNK_QUEUE)) return;
  await withAdvisoryLock(url, QUEUE_LOCK, async () => {
    if (await boss.getQueue(CHUNK_QUEUE)) return;
    await boss.createQueue(CHUNK_QUEUE, {
      name: CHUNK_QUEUE,
      retryLimit: RETRIES,
      retryDelay: 1,
      expireInSeconds: lease,
    });
  });
};

export const pgBossQueue = async (options: PgBossQueueOptions): Promise<JobQueue> => {
  const lease = options.leaseSeconds ?? 300;
  const boss = new PgBoss({
    connectionString: options.url,
    max: options.connections ?? 4,
    application_name: 'jixiao-jobs',
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    monitorStateIntervalSeconds: 60,
  });
  // A lost connection is pg-boss's to retry; say it once per error, never crash the process.
  boss.on('error', (e: Error) => console.error(`jixiao: 任务队列出错 (job queue error): ${e.message}`));
  await boss.start();
  try {
    await ensureQueue(options.url, boss, lease);
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw e;
  }
  const polling = options.pollingSeconds ?? 1;
  return {
    kind: 'pg-boss',
    dispatch: async (refs) => {
      for (let from = 0; from < refs.length; from += 500)
        await boss.insert(
          refs.slice(from, from + 500).map((data) => ({
            name: CHUNK_QUEUE,
            data,
            retryLimit: RETRIES,
            retryDelay: 1,
            expireInSeconds: lease,
          })),
        );
    },
    work: async (run, o) => {
      for (let i = 0; i < Math.max(1, o?.concurrency ?? 1); i++)
        await boss.work<ChunkRef>(
          CHUNK_QUEUE,
          { batchSize: 1, pollingIntervalSeconds: polling },
          async (jobs) => {
            for (const job of jobs) await run(job.data);
          },
        );
    },
    close: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
};
