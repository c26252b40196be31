/**
 * The headers every answer carries, made once: the security headers (hono's secureHeaders with
 * Cross-Origin-Embedder-Policy off, the same set; `headers.test.ts` compares them) and, on the API,
 * `Cache-Control: no-store`.
 *
 * Most answers get them from {@link securityHeaders} after the route has answered. An answer on a hot
 * path (a read of a report version: 40 KB, hundreds a second) is made complete instead: its body, its
 * headers one plain object with its Content-Length, made by {@link completeAnswer}; the
 * middlewares leave it as it is, so node-server writes it directly (writeHead with the object, then
 * the bytes) rather than through a web Headers object set header by header and read back again.
 */
import type { MiddlewareHandler } from 'hono';

/** hono's secureHeaders({ crossOriginEmbedderPolicy: false }): the same names and values. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

/** A JSON answer of the API: the security headers, no-store, the content type. */
const API_JSON: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'cache-control': 'no-store',
  'content-type': 'application/json',
});

/** Answers made whole by {@link completeAnswer}: no middleware adds to their headers. */
const complete = new WeakSet<Response>();

export const isComplete = (res: Response): boolean => complete.has(res);

/**
 * A JSON answer of the API made whole: `body` as it goes on the wire and every header it needs. Headers
 * set on the context before (c.header, cookies) are not in it: only for routes that set none.
 */
export const completeAnswer = (body: string, status: 200 | 201): Response => {
  const length = Buffer.byteLength(body);
  const res = new Response(body, { status, headers: { ...API_JSON, 'content-length': String(length) } });
  complete.add(res);
  return res;
};

/**
 * The security headers on every answer but a complete one (which has them), replacing any the route
 * set, as hono's secureHeaders does; and no X-Powered-By.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (complete.has(c.res)) return;
  const headers = c.res.headers;
  for (const [name, value] of SECURITY_ENTRIES) headers.set(name, value);
  headers.delete('x-powered-by');
};
