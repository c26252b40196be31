import { detectFormat } from '../detect.ts';
import { CONVERT_TIME_LIMIT_MS } from '../office/libreoffice.ts';
import { readReport } from '../read-report.ts';
import type { ReadResult } from '../read-result.ts';
import { type IsolateOptions, runIsolated } from './pool.ts';

/**
 * `readReport` for untrusted bytes: formats whose cost a small file can multiply — zip-based (.docx,
 * .xlsx), PDF (streams, fonts), OLE (.doc/.wps/.xls through LibreOffice) and HTML (a tree to build) — are
 * read in a worker with its limits; text and JSON, read in time linear in their size (and bounded by the
 * upload and file caps), stay in this thread, where they cost less than a message.
 */
const ISOLATED = new Set(['docx', 'xlsx', 'pdf', 'html']);
const OLE_TIME_LIMIT_MS = CONVERT_TIME_LIMIT_MS + 5_000;

export const readReportIsolated = async (
  bytes: Uint8Array,
  options: IsolateOptions = {},
): Promise<ReadResult> => {
  const format = detectFormat(bytes);
  // LibreOffice keeps its own time limit inside the worker; the worker's must outlast it.
  if (format === 'ole')
    return runIsolated('read-report', bytes, { timeoutMs: OLE_TIME_LIMIT_MS, ...options });
  if (ISOLATED.has(format)) return runIsolated('read-report', bytes, options);
  return readReport(bytes);
};
