/**
 * One error shape for every refusal: `{ code, message }` (message Chinese first, then English), plus
 * data some codes carry (the newer version of a 409, the unexplained findings). Codes are mapped to HTTP
 * statuses here, at the edge, and nowhere else. A stack trace never reaches the client.
 */
import type { Context } from 'hono';
import { z } from 'zod';

export const ApiError = z
  .object({
    code: z.string().describe('stable code, e.g. version-conflict'),
    message: z.string().describe('中文在前，括号内英文'),
  })
  .catchall(z.unknown());
export type ApiError = z.infer<typeof ApiError>;

/** The statuses a refusal can have: typing them (not every status) keeps 2xx response types clean for `hc`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

const STATUS: Record<string, ErrorStatus> = {
  invalid: 400,
  'bad-json': 400,
  unauthenticated: 401,
  'bad-login': 401,
  forbidden: 403,
  csrf: 403,
  'password-change-required': 403,
  'bad-password': 403,
  'bad-transition': 403,
  'not-found': 404,
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
  'too-large': 413,
  'unsupported-media-type': 415,
  'bad-upload': 422,
  'unexplained-errors': 422,
  'kind-mismatch': 422,
  'project-name-required': 422,
  'bad-parent': 422,
  'bad-scope': 422,
  'weak-password': 422,
  'backup-unsupported': 422,
  'no-framework': 422,
  'rate-limited': 429,
  // The server has no Chromium to print a PDF with: the other formats still work.
  'render.no-chromium': 503,
  // Too many PDFs printing and queued: retry shortly (the other formats still work).
  'render.busy': 503,
};

export const statusOf = (code: string): ErrorStatus => STATUS[code] ?? (code.startsWith('read.') ? 422 : 500);

export type Failure = { ok: false; code: string; message: string };

/** The JSON of a failure: its code, message and data, never the `ok` flag. */
export const failureBody = (f: Failure): ApiError => {
  const { ok: _, ...rest } = f as Failure & Record<string, unknown>;
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
