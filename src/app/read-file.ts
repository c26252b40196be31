/**
 * Use case: 试算 reads a file for any signed-in user — the same types, size limit and isolated reader as an
 * upload (readUpload) — and gives back the document with the reader's warnings. Nothing is stored.
 */

import type { Finding } from '../core/findings.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import type { Result } from '../core/result.ts';
import { readUpload } from './create-report.ts';

export type FileRead = { document: ReportDocument; warnings: Finding[] };

export const readFile = async (input: { filename: string; bytes: Uint8Array }): Promise<Result<FileRead>> => {
  const read = await readUpload(input.filename, input.bytes);
  if (!read.ok) return read;
  return { ok: true, value: { document: read.value, warnings: read.value.meta.warnings } };
};
