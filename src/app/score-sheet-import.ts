/**
 * Use case: a score sheet file (.xlsx or .docx) into a framework draft with every problem listed — the
 * same for `jixiao frameworks import` and the bureau's upload. The file is read in a worker (zip guard,
 * time and memory limits); the tree is built and checked by the core. Nothing is stored here: the bureau
 * corrects the draft and saves it (frameworks-admin.ts).
 */
import { importScoreSheet, type SheetImport, type SheetMeta } from '../core/framework/score-sheet.ts';
import type { Failure } from '../core/result.ts';
import { LIMIT_CODES, runIsolated } from '../formats/isolate/index.ts';

/** Score sheets are a page or two; a larger upload is not one. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;

export type SheetFileImport = { ok: true; value: SheetImport } | (Failure & { tooLarge: boolean });

export const importScoreSheetFile = async (
  bytes: Uint8Array,
  meta: SheetMeta = {},
  signal?: AbortSignal,
): Promise<SheetFileImport> => {
  if (bytes.byteLength > MAX_SHEET_BYTES)
    return {
      ok: false,
      tooLarge: true,
      code: 'read.too-large',
      message: '文件超过 5 MB，不像评分表 (file larger than 5 MB)',
    };
  const read = await runIsolated('read-score-sheet', bytes, { signal });
  if (!read.ok) return { ...read, tooLarge: LIMIT_CODES.includes(read.code) };
  return { ok: true, value: importScoreSheet(read.value, meta) };
};
