/** The worker's side of worker-pool.ts: answers each batch it is asked for with its results, in order. */
import { parentPort } from 'node:worker_threads';

/** What a worker answers for one batch: the results in the order of `batch`. */
export type BatchReply<R> = { batch: number[]; results: R[] };

/** Answers every request that comes from the pool; `handle` gives one result per item of `q.batch`. */
export const serveBatches = <Q extends { batch: number[] }, R>(handle: (q: Q) => Promise<R[]>): void => {
  const port = parentPort;
  if (!port) throw new Error('serveBatches runs in a worker thread');
  port.on('message', async (q: Q) => {
    const results = await handle(q);
    port.postMessage({ batch: q.batch, results } satisfies BatchReply<R>);
  });
};
