import type { FileAudit } from '../app/audit-files.ts';
import type { Finding } from '../core/findings.ts';

/** The JSON entry of the public contract: `{ file, findings }`; an unreadable file has its read error. */
export const fileAuditJson = (r: FileAudit): { file: string; findings: Finding[] } =>
  r.ok
    ? { file: r.file, findings: r.findings }
    : { file: r.file, findings: [{ rule: r.code, severity: 'error', message: r.message }] };
