/**
 * The audit threads of a `jixiao worker`: each audits the chunks it is sent, one after another, while the
 * worker's main thread talks to the queue and the database. So a chunk's files are fetched, and the
 * previous chunk's results written, while a thread audits (the queue hands a worker two chunks per
 * thread: one audited, the next one read and waiting). The threads run a plain-JS bundle made by the
 * batch pool's `workerScript` (src/app/pool), with the pool's larger young generation (fewer scavenges:
 * a report's read and audit make many short-lived objects). A thread that dies fails the chunks it held
 * (the queue runs them again) and is started anew for the next; without a bundle (esbuild missing) the
 * chunks are audited in the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../pool/bundle.ts';
import type { BatchReply } from '../pool/serve-batches.ts';
import { auditChunkFiles, type ChunkFile, type ChunkOutput, type ChunkRequest } from './audit-chunk.ts';

/**
 * A limit of 64 MB semi-spaces. Not measured for chunks: the batch pool's workers, which also audit one
 * file at a time, now have 16 (src/app/audit-files.ts), because over a long run V8 grows the
 * semi-spaces to their limit (at 100,000 files 32 MB ones cost 72 MiB more than 16 MB ones, for no CPU).
 */
const YOUNG_GENERATION_MB = 192;

export type ChunkAuditor = {
  audit: (files: readonly ChunkFile[]) => Promise<ChunkOutput>;
  /** Ends the threads (after the queue has stopped giving them chunks). */
  close: () => Promise<void>;
};

type Waiting = { resolve: (o: ChunkOutput) => void; reject: (e: Error) => void };
type Thread = { worker: Worker | null; waiting: Map<number, Waiting> };

/** `count` audit threads, each started at its first chunk. */
export const chunkThreads = async (count: number): Promise<ChunkAuditor> => {
  const script = await workerScript(new URL('./chunk-thread-worker.ts', import.meta.url));
  if (!script) return { audit: auditChunkFiles, close: async () => {} };
  const threads: Thread[] = Array.from({ length: Math.max(1, count) }, () => ({
    worker: null,
    waiting: new Map(),
  }));
  let next = 0;
  let closed = false;

  const start = (t: Thread): Worker => {
    const worker = new Worker(script.entry, {
      // Not ours to write to.
      stdout: true,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.stdout.resume();
    worker.on('message', (m: BatchReply<ChunkOutput>) => {
      const w = t.waiting.get(m.batch[0]!);
      t.waiting.delete(m.batch[0]!);
      w?.resolve(m.results[0]!);
    });
    const ended = (e?: Error) => {
      if (t.worker !== worker) return;
      t.worker = null;
      const failed = new Error(`审核线程退出 (audit thread ended)${e ? `: ${e.message}` : ''}`);
      for (const w of t.waiting.values()) w.reject(failed);
      t.waiting.clear();
    };
    worker.on('error', ended);
    worker.on('exit', () => ended());
    t.worker = worker;
    return worker;
  };

  return {
    audit: (files) => {
      if (closed) return Promise.reject(new Error('audit threads closed'));
      // The thread with the fewest chunks waiting.
      const t = threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      const worker = t.worker ?? start(t);
      const id = next++;
      return new Promise<ChunkOutput>((resolve, reject) => {
        t.waiting.set(id, { resolve, reject });
        worker.postMessage({ batch: [id], files: [...files] } satisfies ChunkRequest);
      });
    },
    close: async () => {
      closed = true;
      await Promise.all(threads.map((t) => t.worker?.terminate()));
      await script.remove();
    },
  };
};
