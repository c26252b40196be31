/**
 * Use case: audit report files. Many files in one process, read a few at a time; a file that cannot be
 * read is said and the others are still audited. Each result is handed on in input order as soon as it
 * and all before it are done (`auditEach`), so that a batch of any size streams in bounded memory.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuditOptions } from '../core/audit/index.ts';
import { auditEvaluated } from '../core/evaluation/index.ts';
import type { Finding } from '../core/findings.ts';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import type { ReadResult } from '../formats/read-result.ts';
import { importFile } from './import-file.ts';
import { inOrder } from './in-order.ts';
import { startPool } from './pool/worker-pool.ts';
import { type ReportFacts, scoreFacts } from './report-facts.ts';

export type FileAudit =
  | { file: string; ok: true; findings: Finding[]; facts?: ReportFacts }
  | { file: string; ok: false; code: string; message: string };

export type AuditBatchOptions = AuditOptions & {
  /** Also score each report and keep its unit, year, kind, totals and grades (`facts`), for a CSV row. */
  facts?: boolean | undefined;
};

export type AuditFilesOptions = AuditBatchOptions & {
  /**
   * How many files this process reads before it runs the rules on them (default 32, and at most 4
   * .docx/.xlsx so that progress keeps moving). Working by phase costs about 10% less than one file at a
   * time (measured on 1,000 files): the reader's code and then the rules' stay hot.
   */
  batch?: number;
  /**
   * Threads to audit with, this one included (default 1). Worker threads (src/app/pool) run a plain-JS
   * bundle of audit-worker.ts made once per process (tens of ms) and take files from the same queue as
   * this thread; when they pay off is said at `auditWorkers`. A worker that cannot start, fails or dies
   * leaves its unfinished files to this thread.
   */
  threads?: number;
  /**
   * This thread only hands out files and passes the results on; `threads` workers do all the auditing
   * (and this thread only what a failed worker left). Workers run with a larger young generation
   * (WORKER_YOUNG_GENERATION_MB), which this thread, started without it, cannot get.
   */
  workersOnly?: boolean;
  /**
   * Lets the files choose the threads on this many cores (`auditWorkers`, from the first 2,000 of them,
   * looked at ahead of the rest): a worker per core doing all the auditing when workers pay off, else
   * this thread alone. `threads` and `workersOnly` are then not used.
   */
  cores?: number | undefined;
  /** The workers' script (default audit-worker.ts); tests give one whose thread dies. */
  workerScript?: URL | undefined;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many files there are, for `onProgress`, when `files` is not a list (else the number of files
   * taken so far stands for it).
   */
  total?: number | undefined;
  /**
   * Awaited before more files are taken (by this thread or a worker) when it returns a promise: the
   * output is full and the results would otherwise pile up in memory.
   */
  ready?: () => Promise<void> | undefined;
};

export const auditFile = async (file: string, options: AuditBatchOptions = {}): Promise<FileAudit> =>
  (await auditBatch([file], options))[0]!;

/**
 * Audits a few files: reads them all (one at a time), then runs the rules on each. Each report's model is
 * let go as soon as it is audited, so that fewer are alive at a young-generation collection (a worker's
 * 16 models otherwise all live until the last is audited, and more of them are promoted to old space).
 */
export const auditBatch = async (
  files: readonly string[],
  options: AuditBatchOptions = {},
): Promise<FileAudit[]> => {
  const reads: (ReadResult | undefined)[] = [];
  for (const f of files) reads.push(await importFile(f));
  return files.map((file, k) => {
    const read = reads[k]!;
    reads[k] = undefined;
    return auditRead(file, read, options);
  });
};

/** One file's audit from what its reader gave. */
export const auditRead = (file: string, read: ReadResult, options: AuditBatchOptions = {}): FileAudit => {
  if (!read.ok) return { file, ok: false, code: read.code, message: read.message };
  const findings = auditEvaluated(read.value, BUILTIN_FRAMEWORKS, options);
  return options.facts
    ? { file, ok: true, findings, facts: scoreFacts(read.value) }
    : { file, ok: true, findings };
};

/**
 * How many worker threads `jixiao audit` uses for these files on `cores` cores; 0 to audit in this thread.
 * With workers, this thread only hands out files and writes the results, and each worker runs with a
 * larger young generation (a quarter of the work was young-generation GC). A worker starts cold: its
 * first few hundred reports cost two to four times the warm cost (V8 compiling the reader and the
 * rules). Measured on the shared 2-core machine (bench/batch.bench.ts, docs/benchmarks.md): from about
 * 2,000 text files, two workers take less CPU in all than this thread alone (4,000 files: 10.6 vs
 * 11.4 CPU-s) and use both cores; an Office file costs ten times a text file, so 150 of them pay back
 * the start. So: a worker per core for 2,000 or more files, or 150 or more Office files.
 */
export const auditWorkers = (files: readonly string[], cores: number): number => {
  if (cores < 2) return 0;
  const office = files.filter((f) => OFFICE.test(f)).length;
  return office >= WORKER_MIN_OFFICE_FILES || files.length >= WORKER_MIN_FILES ? cores : 0;
};

const WORKER_MIN_OFFICE_FILES = 150;
const WORKER_MIN_FILES = 2000;
const OFFICE = /\.(docx|xlsx|doc|wps|xls|pdf)$/i;
const OFFICE_PER_BATCH = 4;

/**
 * The workers' young generation: 48 MB (16 MB semi-spaces, V8's default), set so that it is a bound on
 * their memory. 96 MB (32 MB semi-spaces) made fewer scavenges, but V8 grows the semi-spaces after the
 * odd scavenge with many survivors and never shrinks them, so over a long batch they reach the limit: at
 * 100,000 reports the peak RSS was 255 MiB at 96 against 183 at 48 (one file at a time), and 305 MB at 96
 * when each worker read its batch of 16 and then audited it, as it does again (audit-worker.ts); by batch
 * at 48, 230–245 MiB (once 288 at load 6.1), 2026-12-07.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

/** Files handed to a worker at a time; two batches are in flight so that it never waits for the next. */
const BATCH = 16;

/** Every result at once, in input order: for a few files (a large batch streams with `auditEach`). */
export const auditFiles = async (
  files: readonly string[],
  options: AuditFilesOptions = {},
): Promise<FileAudit[]> => {
  const all: FileAudit[] = [];
  await auditEach(files, (r) => all.push(r), options);
  return all;
};

/**
 * Audits the files and calls `onResult` with each result in input order, as soon as it and every one
 * before it are done. Only results waiting for a predecessor are held (a few batches' worth). The files
 * may come one at a time (`inputFiles`, a folder walked as it goes): only those taken and not yet done
 * are kept, so that memory does not grow with the batch. Says how many worker threads it started.
 */
export const auditEach = async (
  files: Iterable<string>,
  onResult: (r: FileAudit, index: number) => void,
  options: AuditFilesOptions = {},
): Promise<{ workers: number }> => {
  const total = Array.isArray(files) ? files.length : options.total;
  const source = files[Symbol.iterator]();
  // The paths of the files taken and not yet done, by number.
  const paths = new Map<number, string>();
  // Files are numbered as they are pulled from `files`, and handed out (`take`) in that order.
  const queue = { next: 0, handed: 0, end: false };
  const pull = (): number | undefined => {
    if (queue.end) return undefined;
    const r = source.next();
    if (r.done) {
      queue.end = true;
      return undefined;
    }
    paths.set(queue.next, r.value);
    return queue.next++;
  };
  const path = (i: number): string => paths.get(i)!;
  // The first files are taken now, and handed out first: no more threads than files, and with `cores`
  // the first 2,000 (or all, if fewer) decide how many.
  const auto = options.cores !== undefined;
  const head: number[] = [];
  const wanted = auto ? WORKER_MIN_FILES : Math.max(1, options.threads ?? 1);
  while (head.length < wanted) {
    const i = pull();
    if (i === undefined) break;
    head.push(i);
  }
  const chosen = auto ? auditWorkers(head.map(path), options.cores!) : 0;
  const threads = auto ? Math.max(1, chosen) : Math.max(1, options.threads ?? 1);
  const workersOnly = auto ? chosen > 0 : options.workersOnly === true;
  const ways = Math.max(1, Math.min(threads, head.length));
  const workers = workersOnly ? ways : ways - 1;
  // One queue for this thread and every worker: a worker that starts late or runs on a busy core simply
  // takes less.
  const take = (n: number): number[] => {
    const batch = head.splice(0, n);
    while (batch.length < n) {
      const i = pull();
      if (i === undefined) break;
      batch.push(i);
    }
    queue.handed += batch.length;
    return batch;
  };
  const window = aheadWindow(workers);
  let written = 0;
  const out = inOrder<FileAudit>((r, i) => {
    onResult(r, i);
    written++;
    if (queue.handed - written < window.size) window.room();
  });
  let count = 0;
  const done: Done = (i, r) => {
    paths.delete(i);
    out.put(i, r);
    options.onProgress?.(++count, total ?? queue.next);
  };
  // Files a worker took and could not do (it could not start, or died): this thread does them, at once,
  // so that the results after them are not held until the end (they are the oldest not yet written).
  const left: number[] = [];
  // No more files are taken while the output is full, or while the files taken run too far ahead of the
  // first one not yet written (a worker on a busy core would otherwise let the others' results pile up).
  // This thread does the files given back whatever the window: the window waits for them.
  const ahead = (mine: boolean) =>
    queue.handed - written >= window.size && !(mine && left.length > 0) ? window.wait() : undefined;
  const readyFor = (mine: boolean) => (): Promise<void> | undefined => {
    const output = options.ready?.();
    if (output === undefined && ahead(mine) === undefined) return undefined;
    return (async () => {
      await output;
      for (let w = ahead(mine); w !== undefined; w = ahead(mine)) await w;
    })();
  };
  // Until every worker has answered once, this thread does one file at a time and lets the event loop
  // run in between: bundling, starting the workers and their first answers all need it, and a batch of
  // this thread's would hold them up by tens of milliseconds each time.
  let starting = workersOnly ? 0 : workers;
  const batchSize = () => (starting > 0 ? 1 : Math.max(1, options.batch ?? 32));
  // This thread's own share (none with workers only); while it runs, it takes what is given back first.
  let sharing = !workersOnly || workers === 0;
  let rescue: Promise<void> = Promise.resolve();
  const rescueLeft = () => {
    rescue = rescue.then(() =>
      inThisThread(
        path,
        () => left.shift(),
        done,
        options.ready,
        options,
        () => options.batch ?? 32,
      ),
    );
    // Awaited at the end; meanwhile a failure must not be an unhandled rejection.
    rescue.catch(() => undefined);
  };
  const giveBack = (items: number[]) => {
    left.push(...items);
    left.sort((a, b) => a - b);
    window.room();
    if (!sharing) rescueLeft();
  };
  const pool =
    workers > 0
      ? startPool<WorkerRequest, FileAudit>({
          script: options.workerScript ?? new URL('./audit-worker.ts', import.meta.url),
          workers,
          batch: BATCH,
          youngGenerationMb: WORKER_YOUNG_GENERATION_MB,
          take,
          request: (batch) => ({
            batch,
            files: batch.map(path),
            readerWarnings: options.readerWarnings,
            facts: options.facts,
          }),
          done,
          ready: readyFor(false),
          started: () => {
            starting = Math.max(0, starting - 1);
          },
          giveBack,
        })
      : undefined;
  try {
    // allSettled: on an error here, wait until no worker can still be starting before stopping them.
    const settled = await Promise.allSettled([
      sharing
        ? inThisThread(
            path,
            () => left.shift() ?? take(1)[0],
            done,
            readyFor(true),
            options,
            batchSize,
          ).finally(() => {
            sharing = false;
            if (left.length > 0) rescueLeft();
          })
        : Promise.resolve(),
      pool?.finished,
    ]);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    await rescue;
  } finally {
    await pool?.stop();
  }
  // What no thread took (every worker failed to start, with workers only) is done here, as it would have
  // been with one thread.
  await inThisThread(
    path,
    () => left.shift() ?? take(1)[0],
    done,
    options.ready,
    options,
    () => options.batch ?? 32,
  );
  return { workers };
};

/**
 * How far the files taken may run ahead of the first one not yet written: room for every worker's two
 * batches in flight several times over, so that no worker waits in a normal run, and a bound on the
 * results held in memory (a few hundred) when one worker falls behind or dies.
 */
const aheadWindow = (workers: number) => {
  const size = Math.max(256, 8 * BATCH * Math.max(1, workers));
  let waiting: { promise: Promise<void>; resolve: () => void } | undefined;
  const room = () => {
    const w = waiting;
    waiting = undefined;
    w?.resolve();
  };
  return {
    size,
    /** A promise resolved when there is room again. */
    wait: (): Promise<void> => {
      if (!waiting) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => {
          resolve = r;
        });
        waiting = { promise, resolve };
      }
      return waiting.promise;
    },
    room,
  };
};

/** File number `i` is audited. */
type Done = (i: number, r: FileAudit) => void;

const inThisThread = async (
  path: (i: number) => string,
  next: () => number | undefined,
  done: Done,
  ready: AuditFilesOptions['ready'],
  options: AuditFilesOptions,
  batchSize: () => number,
): Promise<void> => {
  for (;;) {
    await ready?.();
    const size = batchSize();
    const batch: number[] = [];
    // A batch also ends after a few Office files (tens of ms each), so that progress keeps moving.
    let office = 0;
    const room = () => batch.length < size && office < OFFICE_PER_BATCH;
    for (let i = next(); i !== undefined; i = room() ? next() : undefined) {
      batch.push(i);
      if (OFFICE.test(path(i))) office++;
    }
    if (batch.length === 0) return;
    const audited = await auditBatch(batch.map(path), options);
    for (const [k, i] of batch.entries()) done(i, audited[k]!);
    // Text files are read and audited without a pause: let the event loop run (the workers' answers,
    // signals) before the next batch.
    await nextTurn();
  }
};

/** What audit-files.ts asks audit-worker.ts: audit these files (indices into the caller's list). */
export type WorkerRequest = {
  batch: number[];
  files: string[];
  readerWarnings?: boolean | undefined;
  facts?: boolean | undefined;
};
