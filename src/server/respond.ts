/** Turns a use case's result into a response: the value as JSON, or the failure through errors.ts. */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppResult } from '../app/access.ts';
import type { Env } from './context.ts';
import { fail } from './errors.ts';

export const send = <T>(c: Context<Env>, r: AppResult<T>, status: 200 | 201 = 200) =>
  r.ok ? c.json(r.value, status) : fail(c, r);

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
