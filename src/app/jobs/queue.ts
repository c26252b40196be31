/**
 * The job queue port: it hands a job's chunks to whoever works them. Two adapters: pg-boss on PostgreSQL
 * (`jixiao worker` processes on any machines drain one queue; a chunk whose worker died is handed out
 * again when its lease runs out) and an in-process queue for the embedded database, where only one
 * process may open the data. Chunks, files and results live in the store (Store.jobs), not in the queue.
 */
import type { ChunkRef } from '../store.ts';

export type RunChunk = (ref: ChunkRef) => Promise<void>;

export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Queues the chunks of a job just stored. */
  dispatch(chunks: readonly ChunkRef[]): Promise<void>;
  /** Works chunks with `run` from now on, `concurrency` at a time, until `close`. */
  work(run: RunChunk, options?: { concurrency?: number }): Promise<void>;
  /** Stops taking chunks and waits for the running ones (a stopped process's chunks are run again). */
  close(): Promise<void>;
}
