/**
 * The job queue on the embedded database: chunks run in this process, in order, one (or `concurrency`)
 * at a time. A chunk that fails (the database was busy) is tried again a little later, up to 3 times.
 * When work starts it also takes the chunks an earlier run of the process left unfinished, so a job
 * survives a restart.
 */
import type { ChunkRef, Store } from '../store.ts';
import type { JobQueue, RunChunk } from './queue.ts';

const TRIES = 3;
const RETRY_MS = 1000;

export type InProcessQueue = JobQueue & {
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
};

export const inProcessQueue = (store: Store): InProcessQueue => {
  const pending: { ref: ChunkRef; tries: number }[] = [];
  const known = new Set<string>();
  const key = (r: ChunkRef) => `${r.jobId}/${r.chunk}`;
  let run: RunChunk | undefined;
  let concurrency = 1;
  let active = 0;
  let closed = false;
  let waiters: (() => void)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const settle = () => {
    if (active > 0 || (pending.length > 0 && run && !closed) || timers.size > 0) return;
    for (const w of waiters) w();
    waiters = [];
  };
  const pump = () => {
    while (run && !closed && active < concurrency && pending.length > 0) {
      const item = pending.shift()!;
      active++;
      run(item.ref)
        .then(
          () => known.delete(key(item.ref)),
          (e: unknown) => {
            if (item.tries + 1 >= TRIES || closed) {
              known.delete(key(item.ref));
              console.error(`jixiao: 批量任务分块失败 (job chunk failed) ${key(item.ref)}: ${String(e)}`);
              return;
            }
            const t = setTimeout(() => {
              timers.delete(t);
              pending.push({ ref: item.ref, tries: item.tries + 1 });
              pump();
              settle();
            }, RETRY_MS);
            timers.add(t);
          },
        )
        .finally(() => {
          active--;
          pump();
          settle();
        });
    }
  };
  const add = (refs: readonly ChunkRef[]) => {
    for (const ref of refs) {
      if (known.has(key(ref))) continue;
      known.add(key(ref));
      pending.push({ ref, tries: 0 });
    }
    pump();
  };
  return {
    kind: 'in-process',
    dispatch: async (refs) => add(refs),
    work: async (r, options) => {
      run = r;
      concurrency = Math.max(1, options?.concurrency ?? 1);
      add(await store.jobs.openChunks());
    },
    idle: () =>
      active === 0 && timers.size === 0 && (pending.length === 0 || !run)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push(resolve)),
    close: async () => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (active > 0) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
};
