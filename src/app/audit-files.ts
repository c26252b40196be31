/**
 * Use case: audit report files. Many files in one process, read a few at a time; a file that cannot be
 * read is said and the others are still audited. Each result is handed on in input order as soon as it
 * and all before it are done (`auditEach`), so that a batch of any size streams in bounded memory.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { AuditOptions } from '../core/audit/index.ts';
import { auditEvaluated } from '../core/evaluation/index.ts';
import type { Finding } from '../core/findings.ts';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import type { ReadResult } from '../formats/read-result.ts';
import { importFile } from './import-file.ts';
import { inOrder } from './in-order.ts';
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
   * Processes to audit with, this one included (default 1). Child processes run a plain-JS bundle of
   * audit-worker.ts made once per process (tens of ms) and take files from the same queue as this
   * thread; when they pay off is said at `auditProcesses`. A child that cannot start, fails or dies
   * leaves its unfinished files to this process.
   */
  threads?: number;
  /**
   * This process only hands out files and passes the results on; `threads` child processes do all the
   * auditing (and this process only what a failed child left). Children run with a larger young
   * generation (CHILD_FLAGS), which this process, started without it, cannot get.
   */
  childrenOnly?: boolean;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Awaited before more files are taken (by this process or a child) when it returns a promise: the
   * output is full and the results would otherwise pile up in memory.
   */
  ready?: () => Promise<void> | undefined;
};

export const auditFile = async (file: string, options: AuditBatchOptions = {}): Promise<FileAudit> =>
  (await auditBatch([file], options))[0]!;

/** Audits a few files: reads them all (one at a time), then runs the rules on each. */
export const auditBatch = async (
  files: readonly string[],
  options: AuditBatchOptions = {},
): Promise<FileAudit[]> => {
  const reads: ReadResult[] = [];
  for (const f of files) reads.push(await importFile(f));
  return reads.map((read, k) => auditRead(files[k]!, read, options));
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
 * How many processes `jixiao audit` uses for these files on `cores` cores. A child process starts cold:
 * it answers its first batch 0.5–1 s after the call starts and then runs its first few hundred reports
 * at two to four times the warm cost, while this process already keeps more than one core busy (V8's
 * compiler and GC threads). Measured on the 2-core machine, one call in a fresh process, 1 vs 2
 * processes (3 pairs each): text files 2,000: 2.4 vs 2.8 s, 3,000: 3.2 vs 3.4–3.6 s (a child costs more
 * than it brings); .docx files 200: 2.6 vs 2.2–2.3 s (13% faster: a .docx costs ten times a text file,
 * so the child's start is paid back). So: children for 150 or more Office files, or, with more than two
 * cores (where the child has a core of its own; not measured here), from 2,000 files of any kind.
 * Measured again for 10,000 text files (bench/batch.bench.ts, docs/benchmarks.md, medians of 3 in one
 * run on the shared 2-core machine at load 20+): 2 processes took more CPU than 1 (12.4 vs 11.1 s; two
 * children 13.5 s) and no steady wall-time gain, so text files stay in one process on 2 cores.
 */
export const auditProcesses = (files: readonly string[], cores: number): number => {
  if (cores < 2) return 1;
  const office = files.filter((f) => OFFICE.test(f)).length;
  return office >= WORKER_MIN_OFFICE_FILES || (cores > 2 && files.length >= WORKER_MIN_FILES) ? cores : 1;
};
const WORKER_MIN_OFFICE_FILES = 150;
const WORKER_MIN_FILES = 2000;
const OFFICE = /\.(docx|xlsx|doc|wps|xls|pdf)$/i;
const OFFICE_PER_BATCH = 4;

/**
 * A larger young generation for the children: a report's parse and audit make many short-lived objects,
 * and with V8's default (16 MB semi-spaces) young-generation GC is about a quarter of the work. 64 MB
 * cut the CPU of 10,000 text reports by 15–20% for about 50 MB more resident memory (bench/batch).
 */
const CHILD_FLAGS = ['--max-semi-space-size=64'];

/** Files handed to a child at a time; two batches are in flight so that it never waits for the next. */
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
 * before it are done. Only results waiting for a predecessor are held (a few batches' worth).
 */
export const auditEach = async (
  files: readonly string[],
  onResult: (r: FileAudit, index: number) => void,
  options: AuditFilesOptions = {},
): Promise<void> => {
  const out = inOrder(onResult);
  let count = 0;
  const done: Done = (i, r) => {
    out.put(i, r);
    options.onProgress?.(++count, files.length);
  };
  const ways = Math.max(1, Math.min(options.threads ?? 1, files.length));
  const childCount = options.childrenOnly ? ways : ways - 1;
  // One queue for this thread and every child: a child that starts late or runs on a busy core simply
  // takes less.
  const queue = { next: 0, end: files.length };
  const take = (n: number): number[] => {
    const from = queue.next;
    queue.next = Math.min(queue.end, from + n);
    return Array.from({ length: queue.next - from }, (_, k) => from + k);
  };
  const left: number[] = [];
  const children = new Set<ChildProcess>();
  // Every child's end, so that none outlives the call (a killed child takes a moment to go).
  const exits: Promise<void>[] = [];
  let dir: string | undefined;
  // Until every child has answered once, this thread does one file at a time and lets the event loop
  // run in between: bundling, forking and the first answers all need it, and a batch of this thread's
  // would hold them up by tens of milliseconds each time.
  let starting = options.childrenOnly ? 0 : childCount;
  const started = () => {
    starting = Math.max(0, starting - 1);
  };
  const batchSize = () => (starting > 0 ? 1 : Math.max(1, options.batch ?? 32));
  // Children start while this thread already audits: bundling runs in esbuild's own process.
  const helpers = async (): Promise<void> => {
    if (childCount < 1) return;
    const bundle = await workerScript();
    if (bundle && queue.next < queue.end) dir = await writeBundle(bundle);
    if (!bundle || !dir) {
      starting = 0;
      return;
    }
    const entry = join(dir, bundle.entry);
    await Promise.all(
      Array.from({ length: childCount }, () =>
        inChild(entry, children, exits, files, take, done, options, started).then((l) => left.push(...l)),
      ),
    );
  };
  try {
    // allSettled: on an error here, wait until no child can still be starting before killing them.
    // Files a failed child left are taken first, so that the results after them need not wait long.
    const settled = await Promise.allSettled([
      options.childrenOnly && childCount > 0
        ? Promise.resolve()
        : inThisThread(files, () => left.shift() ?? take(1)[0], done, options, batchSize),
      helpers(),
    ]);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
  } finally {
    for (const c of children) c.kill();
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 5000).unref())]);
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  // Files of a child that failed: done here, as they would have been with one process.
  await inThisThread(
    files,
    () => left.shift(),
    done,
    options,
    () => options.batch ?? 32,
  );
};

/** File number `i` is audited. */
type Done = (i: number, r: FileAudit) => void;

const inThisThread = async (
  files: readonly string[],
  next: () => number | undefined,
  done: Done,
  options: AuditFilesOptions,
  batchSize: () => number,
): Promise<void> => {
  for (;;) {
    await options.ready?.();
    const size = batchSize();
    const batch: number[] = [];
    // A batch also ends after a few Office files (tens of ms each), so that progress keeps moving.
    let office = 0;
    const room = () => batch.length < size && office < OFFICE_PER_BATCH;
    for (let i = next(); i !== undefined; i = room() ? next() : undefined) {
      batch.push(i);
      if (OFFICE.test(files[i]!)) office++;
    }
    if (batch.length === 0) return;
    const audited = await auditBatch(
      batch.map((i) => files[i]!),
      options,
    );
    for (const [k, i] of batch.entries()) done(i, audited[k]!);
    // Text files are read and audited without a pause: let the event loop run (children's answers, the
    // worker bundle, signals) before the next batch.
    await nextTurn();
  }
};

type Bundle = { entry: string; files: { name: string; text: string }[] };
let bundled: Promise<Bundle | undefined> | undefined;

/**
 * audit-worker.ts bundled to plain JS once per process, so that a child needs no TypeScript loader;
 * undefined when esbuild is missing or fails (the caller then uses this process only). Packages stay
 * outside the bundle as absolute URLs, so it runs from any folder; the Office readers stay separate
 * chunks, loaded only for .docx/.xlsx files.
 */
const workerScript = (): Promise<Bundle | undefined> => {
  bundled ??= (async () => {
    try {
      const { build, stop } = await import('esbuild');
      const outdir = '/jixiao-audit-worker';
      const out = await build({
        entryPoints: [fileURLToPath(new URL('./audit-worker.ts', import.meta.url))],
        bundle: true,
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outdir,
        outExtension: { '.js': '.mjs' },
        write: false,
        logLevel: 'silent',
        plugins: [
          {
            name: 'packages-by-url',
            setup: (b) =>
              b.onResolve({ filter: /^[^./]/ }, (a) =>
                a.path.startsWith('node:')
                  ? { path: a.path, external: true }
                  : { path: import.meta.resolve(a.path), external: true },
              ),
          },
        ],
      });
      // esbuild's service process would otherwise stay for the whole batch (about 50 MB resident).
      await stop();
      const files = out.outputFiles.map((f) => ({ name: relative(outdir, f.path), text: f.text }));
      const entry = files.find((f) => f.name.startsWith('audit-worker'))?.name;
      return entry ? { entry, files } : undefined;
    } catch {
      return undefined;
    }
  })();
  return bundled;
};

/** Writes the bundle to a fresh temporary folder (the caller removes it); undefined when it cannot. */
const writeBundle = async (bundle: Bundle): Promise<string | undefined> => {
  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-audit-worker-'));
    for (const f of bundle.files) await writeFile(join(dir, f.name), f.text);
    return dir;
  } catch {
    if (dir) await rm(dir, { recursive: true, force: true });
    return undefined;
  }
};

/**
 * Audits batches taken from the queue in a child process until the queue is empty; returns the files it
 * took but could not do (when the child cannot start, fails or dies), which the caller then does itself.
 * `children` holds every live child so that the caller can kill them all at the end, also on an error.
 */
const inChild = async (
  entry: string,
  children: Set<ChildProcess>,
  exits: Promise<void>[],
  files: readonly string[],
  take: (n: number) => number[],
  done: Done,
  options: AuditFilesOptions,
  started: () => void,
): Promise<number[]> => {
  const { fork } = await import('node:child_process');
  const pending = new Set<number>();
  return new Promise((resolve) => {
    let child: ChildProcess;
    let inFlight = 0;
    let ended = false;
    let answered = false;
    const firstAnswer = () => {
      if (answered) return;
      answered = true;
      started();
    };
    const finish = () => {
      firstAnswer();
      if (ended) return;
      ended = true;
      child?.kill();
      children.delete(child);
      resolve([...pending]);
    };
    try {
      // No TypeScript loader: the bundle is plain JS. stdout is not ours to write to.
      child = fork(entry, [], {
        serialization: 'advanced',
        execArgv: CHILD_FLAGS,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
    } catch {
      firstAnswer();
      resolve([]);
      return;
    }
    children.add(child);
    exits.push(new Promise((r) => child.once('exit', () => r())));
    const send = (): boolean => {
      const batch = take(BATCH);
      if (batch.length === 0) return false;
      for (const i of batch) pending.add(i);
      inFlight++;
      const msg: ChildRequest = {
        batch,
        files: batch.map((i) => files[i]!),
        readerWarnings: options.readerWarnings,
        facts: options.facts,
      };
      child.send(msg, (err) => err && finish());
      return true;
    };
    child.on('message', async (m: ChildReply) => {
      if (ended) return;
      firstAnswer();
      inFlight--;
      for (const [k, i] of m.batch.entries()) {
        pending.delete(i);
        done(i, m.results[k]!);
      }
      // A full output holds this child back too (its next batch is asked for once there is room).
      await options.ready?.();
      if (ended) return;
      if (!send() && inFlight === 0) finish();
    });
    child.on('error', finish);
    child.on('exit', finish);
    child.on('disconnect', finish);
    if (send()) send();
    else finish();
  });
};

/** What audit-files.ts asks audit-worker.ts: audit these files (indices into the caller's list). */
export type ChildRequest = {
  batch: number[];
  files: string[];
  readerWarnings?: boolean | undefined;
  facts?: boolean | undefined;
};

/** What audit-worker.ts answers for one batch: the results in the order of `batch`. */
export type ChildReply = { batch: number[]; results: FileAudit[] };

/** The JSON entry of the public contract: `{ file, findings }`; an unreadable file has its read error. */
export const fileAuditJson = (r: FileAudit): { file: string; findings: Finding[] } =>
  r.ok
    ? { file: r.file, findings: r.findings }
    : { file: r.file, findings: [{ rule: r.code, severity: 'error', message: r.message }] };

/** Exit code of the contract: 2 when an input could not be read, else 1 when some finding is an error. */
export const auditExitCode = (results: readonly FileAudit[]): 0 | 1 | 2 => {
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.ok && r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};

/** The same exit code from a batch's running totals. */
export const batchExitCode = (s: { unreadable: number; withErrors: number }): 0 | 1 | 2 =>
  s.unreadable > 0 ? 2 : s.withErrors > 0 ? 1 : 0;
