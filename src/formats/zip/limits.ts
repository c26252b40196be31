/** Limits of the zip guard, and the problem a refused zip is reported with. */
import type { FailureCode } from '../../core/result.ts';

export type ZipLimits = {
  /** Entries in the central directory: real .docx/.xlsx files have a few dozen. */
  maxEntries: number;
  /** Bytes inflated from the whole archive, counted as they come out (never the declared sizes). */
  maxTotalBytes: number;
  /** Bytes inflated from one entry. */
  maxEntryBytes: number;
  /** Inflated bytes per compressed byte of one entry, once it is past `ratioFloorBytes`. */
  maxRatio: number;
  /** Below this size an entry's ratio is not judged (a small XML of one repeated tag compresses well). */
  ratioFloorBytes: number;
};

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  // Images included: an upload is at most 20 MB and images do not compress.
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  // Office XML deflates about 1:10 to 1:50; 1:400 and more is a bomb.
  maxRatio: 400,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipProblem = { code: FailureCode; zh: string; en: string };
export type ZipResult<T> = { ok: true; value: T } | { ok: false; problem: ZipProblem };

export const zipFail = <T>(code: FailureCode, zh: string, en: string): ZipResult<T> => ({
  ok: false,
  problem: { code, zh, en },
});

/** The refusal of everything that inflates beyond a limit: one code, one wording, the reason after it. */
export const tooLarge = <T>(zh: string, en: string): ZipResult<T> =>
  zipFail(
    'read.zip-bomb',
    `文件过大或压缩异常（疑似压缩炸弹）：${zh}`,
    `file too large or abnormal compression: ${en}`,
  );

export const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
