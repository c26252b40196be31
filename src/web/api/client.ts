/**
 * The typed API client: `hc<AppType>` from the server's route types, so no request or response shape is
 * written twice. Every state-changing request echoes the CSRF cookie in `X-CSRF-Token`; failures become
 * an `ApiError` carrying the Chinese of the server's message (the English after it is for the CLI and logs)
 * and its stable code.
 */
import { hc } from 'hono/client';
import type { AppType } from '../../server/app.ts';
import { chineseOnly } from '../lib/chinese-message.ts';

const CSRF_COOKIE = 'jixiao_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

const csrfFromCookie = (): string | null => {
  const m = document.cookie.match(new RegExp(`(?:^|; )${CSRF_COOKIE}=([^;]*)`));
  return m?.[1] ? decodeURIComponent(m[1]) : null;
};

export const withCsrf: typeof fetch = (input, init = {}) => {
  const method = (init.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return fetch(input, { credentials: 'same-origin', ...init });
  const headers = new Headers(init.headers);
  const token = csrfFromCookie();
  if (token) headers.set(CSRF_HEADER, token);
  return fetch(input, { credentials: 'same-origin', ...init, headers });
};

// An absolute base: `$url()` builds a URL object, which needs one.
export const api = hc<AppType>(`${location.origin}/api`, { fetch: withCsrf });

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

type Failure = { code?: string; message?: string };

/**
 * The success bodies of a response type. The server's error helper is typed with every status code, so
 * hono adds the error shape (`{ code, message, … }`) to 200/201 bodies too; it never is one.
 */
type Success<T> = Exclude<T, { code: string; message: string }>;
type Body<R> = R extends { ok: true; json(): Promise<infer T> } ? Success<T> : never;

/** The JSON of a successful response, or an ApiError with the server's message. */
export const ok = async <R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  res: R | Promise<R>,
): Promise<Body<R>> => {
  const r = await res;
  const body = (await r.json().catch(() => null)) as unknown;
  if (!r.ok) {
    const f = (body ?? {}) as Failure;
    throw new ApiError(
      f.message ? chineseOnly(f.message) : `请求失败（${r.status}）`,
      r.status,
      f.code ?? 'http',
      body,
    );
  }
  return body as Body<R>;
};
