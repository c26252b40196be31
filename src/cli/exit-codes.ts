/** Exit codes of `jixiao audit` and `jixiao jobs results` (the public contract, DESIGN.md). */
import type { FileAudit } from '../app/audit-files.ts';

/** 2 when an input could not be read, else 1 when some finding is an error, else 0. */
export const auditExitCode = (results: readonly FileAudit[]): 0 | 1 | 2 => {
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.ok && r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};

/** The same exit code from a batch's running totals. */
export const batchExitCode = (s: { unreadable: number; withErrors: number }): 0 | 1 | 2 =>
  s.unreadable > 0 ? 2 : s.withErrors > 0 ? 1 : 0;
