import type { Report } from '../core/model/index.ts';
import { type Failure, type FailureCode, failure, type Result } from '../core/result.ts';

/** Why a file could not be read at all. `message` is one line: Chinese first, then English. */
export type ReadFailure = Failure;

/** A reader gives a report (with its warnings in `report.meta.warnings`) or says why it cannot. */
export type ReadResult = Result<Report>;

export const readError = (code: FailureCode, zh: string, en: string): Failure => failure(code, zh, en);
