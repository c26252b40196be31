/**
 * Use case: audit report files. Many files in one process, read a few at a time; a file that cannot be
 * read is said and the others are still audited. Results keep the input order.
 */
import { type AuditOptions, auditReport } from '../core/audit/index.ts';
import type { Finding } from '../core/findings.ts';
import { importFile } from './import-file.ts';

export type FileAudit =
  | { file: string; ok: true; findings: Finding[] }
  | { file: string; ok: false; code: string; message: string };

export type AuditFilesOptions = AuditOptions & {
  /** How many files are read at once (per thread). */
  concurrency?: number;
  /**
   * Threads to audit with, this one included (default 1). A worker costs seconds of CPU to start (it
   * loads the reader and the rules), so callers ask for more only for batches of `WORKER_MIN_FILES`
   * or more. A thread that cannot start leaves its files to this one.
   */
  threads?: number;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
};

export const auditFile = async (file: string, options: AuditOptions = {}): Promise<FileAudit> => {
  const read = await importFile(file);
  if (!read.ok) return { file, ok: false, code: read.error.code, message: read.error.message };
  return { file, ok: true, findings: auditReport(read.report, options) };
};

/** Below this many files a worker thread costs more than it saves (measured: bench/audit.bench.ts). */
export const WORKER_MIN_FILES = 5000;

export const auditFiles = async (
  files: readonly string[],
  options: AuditFilesOptions = {},
): Promise<FileAudit[]> => {
  const results: FileAudit[] = new Array(files.length);
  let done = 0;
  const tick = () => options.onProgress?.(++done, files.length);
  const threads = Math.max(1, Math.min(options.threads ?? 1, files.length));
  // Thread t takes every t-th file, so each gets a fair share of large and small reports.
  const shares = Array.from({ length: threads }, (_, t) =>
    files.flatMap((_f, i) => (i % threads === t ? [i] : [])),
  );
  await Promise.all(
    shares.map(async (indices, t) => {
      const left = t === 0 ? indices : await inWorker(files, indices, results, tick, options);
      await inThisThread(files, left, results, tick, options);
    }),
  );
  return results;
};

const inThisThread = async (
  files: readonly string[],
  indices: readonly number[],
  results: FileAudit[],
  tick: () => void,
  options: AuditFilesOptions,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < indices.length) {
      const i = indices[next++]!;
      results[i] = await auditFile(files[i]!, options);
      tick();
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 8, indices.length));
  await Promise.all(Array.from({ length: n }, worker));
};

/**
 * Audits `indices` in a worker thread; returns the indices it could not do (all of them when the worker
 * cannot start, e.g. outside the tsx runtime), which the caller then does itself.
 */
const inWorker = async (
  files: readonly string[],
  indices: readonly number[],
  results: FileAudit[],
  tick: () => void,
  options: AuditFilesOptions,
): Promise<number[]> => {
  const { Worker } = await import('node:worker_threads');
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    return [...indices];
  }
  const entry = new URL('./audit-worker.ts', import.meta.url).href;
  // The worker loads TypeScript the way bin/jixiao does: register tsx, then import the module.
  const code = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(entry)});`;
  const got = new Set<number>();
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true });
    const finish = () => {
      void w.terminate();
      resolve(indices.filter((i) => !got.has(i)));
    };
    w.on('message', (m: { i: number; result: FileAudit } | { done: true }) => {
      if ('done' in m) return finish();
      const i = indices[m.i]!;
      results[i] = m.result;
      got.add(i);
      tick();
    });
    w.on('error', finish);
    w.on('exit', finish);
    w.postMessage({ files: indices.map((i) => files[i]!), readerWarnings: options.readerWarnings });
  });
};

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
