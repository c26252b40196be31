/**
 * Requests per client in a fixed window, in memory (one process; a restart forgets). Used for the
 * public routes, which anyone can call without signing in: one client cannot take the server for itself.
 */
import type { MiddlewareHandler } from 'hono';
import { throttleKey } from './client-address.ts';
import type { Env } from './context.ts';

export class RequestLimiter {
  private readonly counts = new Map<string, { start: number; n: number }>();
  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a request of `key`; the seconds to wait when it is over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    let w = this.counts.get(key);
    if (!w || now - w.start >= this.windowMs) {
      // A flood of distinct keys must not exhaust memory: forget every window when there are too many.
      if (!w && this.counts.size >= 100_000) this.counts.clear();
      w = { start: now, n: 0 };
      this.counts.set(key, w);
    }
    w.n++;
    return w.n > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }
}

/** 429 with Retry-After and a Chinese message once the client is over its limit. */
export const rateLimited =
  (limiter: RequestLimiter): MiddlewareHandler<Env> =>
  async (c, next) => {
    const wait = limiter.take(throttleKey(c.get('client')));
    if (wait === 0) return next();
    c.header('Retry-After', String(wait));
    return c.json(
      {
        code: 'rate-limited',
        message: `请求过于频繁，请 ${wait} 秒后再试 (too many requests; retry in ${wait} s)`,
      },
      429,
    );
  };
