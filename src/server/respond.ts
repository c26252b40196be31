/** Turns a use case's result into a response: the value as JSON, or the failure through errors.ts. */

import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { JSONParsed } from 'hono/utils/types';
import type { Result } from '../core/result.ts';
import type { Env } from './context.ts';
import { fail } from './errors.ts';
import { completeAnswer } from './headers.ts';

export const send = <T>(c: Context<Env>, r: Result<T>, status: 200 | 201 = 200) =>
  r.ok ? c.json(r.value, status) : fail(c, r);

/**
 * A 200 JSON answer of `value` with one more member, `key`, whose value is JSON text already (a stored
 * document): spliced in as it is, not parsed and serialised again. Typed as `c.json` of the whole, with
 * `D` the member's type, so the client's types stay what they were.
 *
 * The answer is made whole (headers.ts, completeAnswer): its text and every header with its
 * Content-Length, so that no middleware adding headers touches it after and node-server writes it
 * directly. So the route sets no header of its own. As one string, not one Buffer: the same CPU per
 * read (measured), and a 40 KB Buffer a read is memory outside V8's heap that only a GC frees, where
 * Node encodes a string straight into the socket's write (docs/benchmarks.md, server notes).
 */
export const sendWithJson = <D, T extends object, K extends string>(
  _c: Context<Env>,
  value: T,
  key: K,
  json: string,
) => {
  const head = JSON.stringify(value);
  const member = `${JSON.stringify(key)}:${json}`;
  const body = head === '{}' ? `{${member}}` : `${head.slice(0, -1)},${member}}`;
  return completeAnswer(body, 200) as unknown as Response &
    TypedResponse<JSONParsed<T & { [k in K]: D }>, 200, 'json'>;
};

/** The signed-in user; routes using it sit behind `signedIn`. */
export const me = (c: Context<Env>) => {
  const user = c.get('user');
  if (!user) throw new Error('route needs signedIn');
  return user;
};

export const KB = 1024;
export const MB = 1024 * KB;
/** Request size limits: small JSON, a report document, an uploaded file (with multipart overhead). */
export const LIMITS = { json: 256 * KB, document: 8 * MB, upload: 21 * MB } as const;

/**
 * Refuses a request body over `maxSize` (413). A body with a Content-Length is judged by it (Node's parser
 * never reads past it) without touching `c.req.raw.body`: that would turn node-server's light request
 * into a web Request, and the route would then read the body back through a web stream instead of
 * directly (a few ms of CPU for a 40 KB document). Only a body without one (chunked) is counted as it
 * streams in, by hono's bodyLimit.
 */
export const limit = (maxSize: number): MiddlewareHandler => {
  const tooLarge = (c: Context) =>
    c.json(
      {
        code: 'too-large',
        message: `请求超过 ${Math.round(maxSize / MB) || `${Math.round(maxSize / KB)} K`}${maxSize >= MB ? ' MB' : 'B'} 上限 (request body too large)`,
      },
      413,
    );
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    const judged =
      length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined;
    if (!judged) return streamed(c, next);
    if (Number(length) > maxSize) return tooLarge(c);
    await next();
  };
};
