/**
 * A pool of worker threads that take numbered items from the caller's queue a batch at a time until it
 * is empty. Each worker runs a plain-JS bundle of a TypeScript script (bundle.ts) that answers with
 * `serveBatches` (serve-batches.ts); two batches are in flight per worker, so that it never waits for
 * the next. A worker that cannot start, fails or dies gives its unfinished items back to the caller at
 * once (`giveBack`), not at the end: a caller that writes results in order would otherwise hold every
 * later result until the pool has finished.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from './bundle.ts';
import type { BatchReply } from './serve-batches.ts';

export type PoolJob<Q, R> = {
  /** The worker's TypeScript entry, which calls `serveBatches`. */
  script: URL;
  workers: number;
  /** Items per message. */
  batch: number;
  /**
   * The young generation of each worker in MB (V8's default is 48: two 16 MB semi-spaces and more). A
   * report's parse and audit make many short-lived objects; a larger one makes fewer, cheaper scavenges.
   */
  youngGenerationMb?: number | undefined;
  /** The next `n` item numbers (fewer or none at the end of the queue). */
  take: (n: number) => number[];
  /** The message that asks a worker for these items. */
  request: (batch: number[]) => Q;
  /** Item `i` is done. */
  done: (i: number, r: R) => void;
  /** Awaited before a worker is given more when it returns a promise: the output is full. */
  ready?: (() => Promise<void> | undefined) | undefined;
  /** Called once for each worker: at its first answer, or when it cannot start. */
  started?: (() => void) | undefined;
  /**
   * A worker could not start, or ended, with these items taken and not done: the caller does them (they
   * are not handed to another worker, which a file that kills its thread would kill too).
   */
  giveBack: (items: number[]) => void;
};

export type Pool = {
  /** Resolves once every worker has ended (rejects when `done` or `ready` threw). */
  finished: Promise<void>;
  /** Ends every worker now and removes the script; resolves when none is left. */
  stop: () => Promise<void>;
};

export const startPool = <Q, R>(job: PoolJob<Q, R>): Pool => {
  const live = new Set<Worker>();
  const exits: Promise<unknown>[] = [];
  let stopped = false;
  let remove: (() => Promise<void>) | undefined;
  const finished = (async () => {
    const script = await workerScript(job.script);
    if (!script || stopped) {
      for (let k = 0; k < job.workers; k++) job.started?.();
      await script?.remove();
      return;
    }
    remove = script.remove;
    const ended = await Promise.all(
      Array.from({ length: job.workers }, () => oneWorker(script.entry, job, live, exits, () => stopped)),
    );
    const failed = ended.find((e) => e.error !== undefined);
    if (failed) throw failed.error;
  })();
  return {
    finished,
    stop: async () => {
      stopped = true;
      for (const w of live) exits.push(w.terminate());
      await finished.catch(() => undefined);
      await Promise.all(exits);
      await remove?.();
    },
  };
};

type Ended = { error?: unknown };

const oneWorker = <Q, R>(
  entry: string,
  job: PoolJob<Q, R>,
  live: Set<Worker>,
  exits: Promise<unknown>[],
  stopped: () => boolean,
): Promise<Ended> =>
  new Promise((resolve) => {
    const first = job.take(job.batch);
    if (first.length === 0 || stopped()) {
      job.started?.();
      if (first.length > 0 && !stopped()) job.giveBack(first);
      resolve({});
      return;
    }
    let worker: Worker;
    try {
      worker = new Worker(entry, {
        // Not ours to write to: the command's output is on stdout.
        stdout: true,
        ...(job.youngGenerationMb
          ? { resourceLimits: { maxYoungGenerationSizeMb: job.youngGenerationMb } }
          : {}),
      });
    } catch {
      job.started?.();
      job.giveBack(first);
      resolve({});
      return;
    }
    worker.stdout.resume();
    live.add(worker);
    const pending = new Set<number>();
    let inFlight = 0;
    let ended = false;
    let answered = false;
    const firstAnswer = () => {
      if (answered) return;
      answered = true;
      job.started?.();
    };
    const finish = (error?: unknown) => {
      firstAnswer();
      if (ended) return;
      ended = true;
      live.delete(worker);
      exits.push(worker.terminate());
      // After a throw in `done` or `ready` the caller is failing: nothing is given back to it.
      if (error === undefined && !stopped() && pending.size > 0) job.giveBack([...pending]);
      resolve(error === undefined ? {} : { error });
    };
    const send = (batch: number[]): boolean => {
      if (batch.length === 0) return false;
      for (const i of batch) pending.add(i);
      inFlight++;
      worker.postMessage(job.request(batch));
      return true;
    };
    worker.on('message', async (m: BatchReply<R>) => {
      if (ended) return;
      firstAnswer();
      inFlight--;
      try {
        for (const [k, i] of m.batch.entries()) {
          pending.delete(i);
          job.done(i, m.results[k]!);
        }
        // A full output holds this worker back too (its next batch is asked for once there is room).
        await job.ready?.();
      } catch (e) {
        finish(e);
        return;
      }
      if (ended) return;
      if (!send(job.take(job.batch)) && inFlight === 0) finish();
    });
    worker.on('error', () => finish());
    worker.on('exit', () => finish());
    send(first);
    send(job.take(job.batch));
  });
