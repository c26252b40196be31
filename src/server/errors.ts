/**
 * One error shape for every refusal: `{ code, message }` (message Chinese first, then English), plus
 * data some codes carry (the newer version of a 409, the unexplained findings). Codes are mapped to HTTP
 * statuses here, at the edge, and nowhere else. A stack trace never reaches the client.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Failure, FailureCode } from '../core/result.ts';

export const ApiError = z
  .object({
    code: z.string().describe('stable code, e.g. version-conflict'),
    message: z.string().describe('中文在前，括号内英文'),
  })
  .catchall(z.unknown());
export type ApiError = z.infer<typeof ApiError>;

/** The statuses a refusal can have: typing them (not every status) keeps 2xx response types clean for `hc`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * The HTTP status of every failure code. Typed by the closed set of codes, so a new code does not compile
 * until it has its status here; codes only the CLI meets (a data folder, a file on disk) have one too.
 */
const STATUS = {
  invalid: 400,
  'bad-json': 400,
  unauthenticated: 401,
  'bad-login': 401,
  forbidden: 403,
  csrf: 403,
  'password-change-required': 403,
  'bad-password': 403,
  'bad-transition': 403,
  'weak-password': 422,
  'rate-limited': 429,
  'not-found': 404,
  'too-large': 413,
  'batch-too-large': 413,
  'unsupported-media-type': 415,
  'bad-upload': 422,
  'version-conflict': 409,
  'status-conflict': 409,
  'report-exists': 409,
  // The file names another unit or year: saved only with a reason.
  'identity-mismatch': 409,
  'target-exists': 409,
  'entry-submitted': 409,
  incomplete: 422,
  duplicate: 409,
  'not-editable': 409,
  'attachment-published': 409,
  'attachments-full': 413,
  'unexplained-errors': 422,
  'kind-mismatch': 422,
  'project-name-required': 422,
  'bad-parent': 422,
  'bad-scope': 422,
  'no-framework': 422,
  'backup-unsupported': 422,
  // The CLI's own: a backup file, the data folder, the database to open.
  'bad-backup': 422,
  'data-dir-locked': 503,
  'data-dir-not-empty': 409,
  'db-unreachable': 503,
  // `jixiao admin backup` through a running server that does not answer.
  'server-unreachable': 503,
  // A file that cannot be read is unprocessable, whatever the reason.
  'read.not-found': 422,
  'read.is-directory': 422,
  'read.no-access': 422,
  'read.io': 422,
  'read.too-large': 422,
  'read.empty': 422,
  'read.binary': 422,
  'read.json-syntax': 422,
  'read.zip': 422,
  'read.not-docx': 422,
  'read.ole': 422,
  'read.no-libreoffice': 422,
  'read.convert-timeout': 422,
  'read.convert-failed': 422,
  'read.html-too-large': 422,
  'read.html-too-deep': 422,
  'read.xlsx-too-large': 422,
  'read.xlsx-invalid': 422,
  'read.pdf-scanned': 422,
  'read.not-a-file': 422,
  'read.not-a-report': 422,
  'read.not-a-sheet': 422,
  'read.not-a-target-table': 422,
  'read.encrypted': 422,
  'read.json-schema': 422,
  'read.mhtml-no-page': 422,
  'read.xml-doctype': 422,
  'read.xml-syntax': 422,
  'read.zip-bomb': 422,
  'read.zip-corrupt': 422,
  'read.zip-entries': 422,
  'read.zip-method': 422,
  'read.zip64': 422,
  'read.pdf-damaged': 422,
  'read.pdf-encrypted': 422,
  'read.pdf-invalid': 422,
  'read.pdf-timeout': 422,
  'read.pdf-too-many-pages': 422,
  'read.internal': 422,
  'read.timeout': 422,
  'read.out-of-memory': 422,
  'read.failed': 422,
  'read.busy': 422,
  'read.cancelled': 422,
  'framework.unknown': 422,
  'framework.not-found': 422,
  'framework.unreadable': 422,
  'framework.bad-json': 422,
  'framework.invalid': 422,
  'setting.invalid': 400,
  'render.format': 400,
  'render.unknown-format': 400,
  'render.write': 500,
  // The server has no Chromium to print a PDF with: the other formats still work.
  'render.no-chromium': 503,
  // Too many PDFs printing and queued: retry shortly (the other formats still work).
  'render.busy': 503,
} as const satisfies Record<FailureCode, ErrorStatus>;

export const statusOf = (code: FailureCode): ErrorStatus => STATUS[code];

/** The JSON of a failure: its code, message and data, never the `ok` flag. */
export const failureBody = (f: Failure): ApiError => {
  const { ok: _, ...rest } = f;
  return rest;
};

export const fail = (c: Context, f: Failure) => c.json(failureBody(f), statusOf(f.code));

export const internalError: ApiError = {
  code: 'internal',
  message: '服务器内部错误，请稍后再试或联系管理员 (internal server error)',
};

/** How much of a message and how many stack frames a log line keeps. */
const MESSAGE_CHARS = 300;
const STACK_FRAMES = 8;

/**
 * An unexpected error as one log entry without the request's data: the first line of each message in the
 * cause chain (a database error's further lines carry the query's parameters — a whole report), cut
 * short, with the database's error code, and the stack's frames only.
 */
export const describeError = (err: unknown): string => {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const name = e instanceof Error ? e.name : typeof e;
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, MESSAGE_CHARS);
    const code = (e as { code?: unknown }).code;
    parts.push(`${name}${typeof code === 'string' ? ` [${code}]` : ''}: ${message}`);
    e = e instanceof Error ? e.cause : undefined;
  }
  const frames = (err instanceof Error ? (err.stack ?? '') : '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, STACK_FRAMES);
  return [parts.join(' ← '), ...frames].join('\n');
};
