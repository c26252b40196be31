/** Turns a use case's result into a response: the value as JSON, or the failure through errors.ts. */

import type { Context, TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { JSONParsed } from 'hono/utils/types';
import type { Result } from '../core/result.ts';
import type { Env } from './context.ts';
import { fail } from './errors.ts';

export const send = <T>(c: Context<Env>, r: Result<T>, status: 200 | 201 = 200) =>
  r.ok ? c.json(r.value, status) : fail(c, r);

/**
 * A 200 JSON answer of `value` with one more member, `key`, whose value is JSON text already (a stored
 * document): spliced in as it is, not parsed and serialised again. Typed as `c.json` of the whole, with
 * `D` the member's type, so the client's types stay what they were.
 */
export const sendWithJson = <D, T extends object, K extends string>(
  c: Context<Env>,
  value: T,
  key: K,
  json: string,
) => {
  const head = JSON.stringify(value);
  const member = `${JSON.stringify(key)}:${json}`;
  const body = head === '{}' ? `{${member}}` : `${head.slice(0, -1)},${member}}`;
  return c.body(body, 200, { 'content-type': 'application/json' }) as unknown as Response &
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

export const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      c.json(
        {
          code: 'too-large',
          message: `请求超过 ${Math.round(maxSize / MB) || `${Math.round(maxSize / KB)} K`}${maxSize >= MB ? ' MB' : 'B'} 上限 (request body too large)`,
        },
        413,
      ),
  });
