/**
 * PGlite in a worker thread (`pglite-thread-worker.mjs`): the database's work (PostgreSQL compiled to
 * WebAssembly) runs on a second core while this thread serves HTTP. `PgliteThread` offers the part of
 * PGlite's interface the store uses — `query` (with drizzle's row mode), `transaction`, `exec`,
 * `dumpDataDir`, `close` — by passing each query and its parameters over the thread's message port; a
 * transaction holds the database in the worker until it is committed or rolled back, as in process.
 */
import { Worker } from 'node:worker_threads';

export type ThreadOptions = {
  /** PGlite's folder (the `pg` subfolder of the data folder), or null for memory only. */
  dataDir: string | null;
  /** A dump (`dumpDataDir`) to start from. */
  loadFrom?: Uint8Array;
  /** Set once in a folder's database (ALTER SYSTEM) and restarted when it differs. */
  sharedBuffers?: string;
};

type Results = {
  rows: unknown[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
};

type QueryOptions = { rowMode?: 'array' | 'object' };

/** What drizzle's PGlite session calls on its client, and on the client of a transaction. */
export type PgliteLike = {
  query: (sql: string, params?: unknown[], options?: QueryOptions) => Promise<Results>;
  transaction: <T>(fn: (tx: PgliteLike) => Promise<T>) => Promise<T>;
};

/** An error of the worker, with the fields of PGlite's DatabaseError (code, detail, constraint…). */
const rebuilt = (e: Record<string, unknown>): Error =>
  Object.assign(new Error(String(e.message)), e, { name: String(e.name ?? 'Error') });

export class PgliteThread implements PgliteLike {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed: Promise<void> | null = null;
  /**
   * Why the worker is gone (it exited or threw). A message posted to an ended worker is dropped without a
   * word, so every later call fails at once with this instead of waiting for an answer that never comes.
   */
  private gone: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: { id: number; value?: unknown; error?: Record<string, unknown> }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(rebuilt(m.error));
      else w.resolve(m.value);
    });
    const failAll = (e: Error) => {
      // Said once where it happened (the server's log), not only in each failed request's answer.
      if (!this.gone && !this.closed)
        console.error(`jixiao: PGlite 线程已停止 (the PGlite thread stopped): ${e.message}`);
      this.gone ??= e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`PGlite 线程已退出 (the PGlite thread exited, ${code})`)));
  }

  /**
   * Starts the worker and waits until its database is open; once more when the worker asks (it has set
   * the folder's shared buffers, which take effect on a restart).
   */
  static async start(options: ThreadOptions): Promise<PgliteThread> {
    for (;;) {
      const worker = new Worker(new URL('./pglite-thread-worker.mjs', import.meta.url), {
        workerData: options,
        // The worker is plain JavaScript: no TypeScript loader, whatever started this process.
        execArgv: [],
      });
      const restart = await new Promise<boolean>((resolve, reject) => {
        const onMessage = (m: { ready?: true; restart?: true; failed?: Record<string, unknown> }) => {
          worker.off('message', onMessage);
          worker.off('error', reject);
          if (m.failed) reject(rebuilt(m.failed));
          else resolve(m.restart === true);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      });
      if (!restart) return new PgliteThread(worker);
      await worker.terminate();
      // Started from a dump: the folder holds it now.
      const { loadFrom: _, ...rest } = options;
      options = rest;
    }
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('PGlite 已关闭 (PGlite is closed)'));
    if (this.gone) return Promise.reject(this.gone);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private queryIn(tx: number | null): PgliteLike['query'] {
    return (sql, params = [], options = {}) =>
      this.call<Results>({ op: 'query', sql, params, rowMode: options.rowMode ?? 'object', tx });
  }

  query = this.queryIn(null);

  async transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T> {
    const tx = await this.call<number>({ op: 'begin' });
    const client: PgliteLike = {
      query: this.queryIn(tx),
      transaction: () => Promise.reject(new Error('nested transactions go through savepoints')),
    };
    let result: T;
    try {
      result = await fn(client);
    } catch (e) {
      await this.call({ op: 'rollback', tx });
      throw e;
    }
    await this.call({ op: 'commit', tx });
    return result;
  }

  exec(sql: string): Promise<Results[]> {
    return this.call<Results[]>({ op: 'exec', sql });
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.call<Uint8Array<ArrayBuffer>>({ op: 'dump' })]);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      const id = this.next++;
      // An ended thread has nothing to close (and would never answer).
      await new Promise<void>((resolve) => {
        if (this.gone) return resolve();
        this.waiting.set(id, { resolve: () => resolve(), reject: () => resolve() });
        this.worker.postMessage({ op: 'close', id });
      });
      await this.worker.terminate();
    })();
    return this.closed;
  }
}
