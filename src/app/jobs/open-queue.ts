/** The job queue for a store: pg-boss on PostgreSQL (DATABASE_URL), in process on the embedded database. */
import type { Store } from '../store.ts';
import { inProcessQueue } from './in-process-queue.ts';
import { type PgBossQueueOptions, pgBossQueue } from './pg-boss-queue.ts';
import type { JobQueue } from './queue.ts';

export const openJobQueue = async (
  store: Store,
  databaseUrl: string | undefined,
  options: Omit<PgBossQueueOptions, 'url'> = {},
): Promise<JobQueue> =>
  store.kind === 'postgres' && databaseUrl
    ? pgBossQueue({ url: databaseUrl, ...options })
    : inProcessQueue(store);
