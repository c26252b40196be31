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
  /** How many files are read at once. */
  concurrency?: number;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
};

export const auditFile = async (file: string, options: AuditOptions = {}): Promise<FileAudit> => {
  const read = await importFile(file);
  if (!read.ok) return { file, ok: false, code: read.error.code, message: read.error.message };
  return { file, ok: true, findings: auditReport(read.report, options) };
};

export const auditFiles = async (
  files: readonly string[],
  options: AuditFilesOptions = {},
): Promise<FileAudit[]> => {
  const results: FileAudit[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await auditFile(files[i]!, options);
      options.onProgress?.(++done, files.length);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 8, files.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
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
