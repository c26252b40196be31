/**
 * Sessions, CSRF and login throttling.
 *
 * - Session: an HttpOnly, SameSite=Lax cookie holding a random token; the database keeps its SHA-256.
 * - CSRF: double-submit token. `GET /api/session` (and login) set a readable `jixiao_csrf` cookie; every
 *   state-changing request (anything but GET, HEAD, OPTIONS) must echo it in the `X-CSRF-Token` header.
 *   A cross-site page can neither read the cookie nor set the header without a CORS preflight, which this
 *   server never grants. An `Origin` header, when sent, must also name this host.
 * - Login rate limit: in memory, per process (say so: several processes each keep their own count), per
 *   client and username, and per client: failures from one client never lock the account for another.
 *   The client is the peer, or what a trusted proxy says it is (client-address.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionUser } from '../app/sessions.ts';
import type { Env } from './context.ts';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_COOKIE = 'jixiao_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const clientIp = (c: Context<Env>): string => c.get('client');

export const isSecure = (c: Context<Env>): boolean =>
  c.get('secure') || new URL(c.req.url).protocol === 'https:';

/** Reads the session cookie; the user is null for the public or an expired session. */
export const session: MiddlewareHandler<Env> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  const user = token ? await sessionUser(c.get('store'), token) : null;
  c.set('user', user);
  c.set('sessionToken', user ? token : null);
  await next();
};

export const setSessionCookie = (c: Context<Env>, token: string, expires: Date): void =>
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c),
    path: '/',
    expires,
  });

export const clearSessionCookie = (c: Context<Env>): void => {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
};

/** The CSRF token of this browser, made (and set as a cookie) when it has none. */
export const csrfToken = (c: Context<Env>): string => {
  const have = getCookie(c, CSRF_COOKIE);
  if (have && /^[A-Za-z0-9_-]{20,}$/.test(have)) return have;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, token, { httpOnly: false, sameSite: 'Lax', secure: isSecure(c), path: '/' });
  return token;
};

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The host an Origin header names; null for `null` or anything unparsable (both refused). */
const originHost = (origin: string): string | null => {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
};

export const csrf: MiddlewareHandler<Env> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  const badOrigin = origin !== undefined && host !== undefined && originHost(origin) !== host;
  const cookie = getCookie(c, CSRF_COOKIE);
  const header = c.req.header(CSRF_HEADER);
  if (badOrigin || !cookie || !header || !same(cookie, header))
    return c.json(
      {
        code: 'csrf',
        message:
          '请求缺少有效的 CSRF 令牌，请刷新页面后重试 (missing or wrong CSRF token: send the jixiao_csrf cookie value in X-CSRF-Token)',
      },
      403,
    );
  return next();
};

/** Only signed-in users pass. */
export const signedIn: MiddlewareHandler<Env> = async (c, next) => {
  const user = c.get('user');
  if (!user) return c.json({ code: 'unauthenticated', message: '请先登录 (sign in first)' }, 401);
  // After an admin's reset, nothing but choosing a new password (PUT /api/session/password).
  if (user.mustChangePassword)
    return c.json(
      { code: 'password-change-required', message: '请先修改密码 (choose a new password first)' },
      403,
    );
  return next();
};

/** Failed logins per key in a sliding window, in memory (one process; a restart forgets). */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds to wait when `key` is blocked, else 0. */
  blocked(keys: readonly [string, number][], now = Date.now()): number {
    let wait = 0;
    for (const [key, limit] of keys) {
      const r = this.recent(key, now);
      if (r.length >= limit) wait = Math.max(wait, Math.ceil((r[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.failures.clear(); // a flood must not exhaust memory
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  get perUser(): number {
    return this.limit;
  }
}
