import type { Report } from '../core/model/index.ts';

/** Why a file could not be read at all. `message` is one line: Chinese first, then English. */
export type ReadError = { code: string; message: string };

/** A reader gives a report (with its warnings in `report.meta.warnings`) or says why it cannot. */
export type ReadResult = { ok: true; report: Report } | { ok: false; error: ReadError };

export const readError = (code: string, zh: string, en: string): ReadResult => ({
  ok: false,
  error: { code, message: `${zh} (${en})` },
});
