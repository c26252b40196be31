/** Signing in and out; `GET /api/session` also hands out the CSRF token the client echoes. */
import { Hono } from 'hono';
import { signIn, signOut } from '../../app/sessions.ts';
import { changeOwnPassword } from '../../app/users-admin.ts';
import { throttleKey } from '../client-address.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { LIMITS, limit } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { LoginBody, PasswordChangeBody } from '../schemas.ts';
import { clearSessionCookie, clientIp, csrfToken, type LoginLimiter, setSessionCookie } from '../security.ts';
import { zv } from '../validate.ts';

/** Per IP, failures across all usernames: stops one address from trying many accounts. */
const PER_IP_FACTOR = 10;

export const authRoutes = (limiter: LoginLimiter) =>
  new Hono<Env>()
    .get(
      '/session',
      doc({
        summary: '当前用户和 CSRF 令牌 (current user and CSRF token)',
        access: ['public'],
        response: 'Session',
      }),
      (c) => c.json({ user: c.get('user'), csrfToken: csrfToken(c) }, 200),
    )
    .post(
      '/session',
      doc({ summary: '登录 (sign in)', access: ['public'], response: 'Session' }),
      limit(LIMITS.json),
      zv('json', LoginBody),
      async (c) => {
        const { username, password } = c.req.valid('json');
        const ip = clientIp(c);
        const client = throttleKey(ip);
        const userKey = `${client}|${username.toLowerCase()}`;
        const ipKey = `${client}|*`;
        const wait = limiter.blocked([
          [userKey, limiter.perUser],
          [ipKey, limiter.perUser * PER_IP_FACTOR],
        ]);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          return fail(c, {
            ok: false,
            code: 'rate-limited',
            message: `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试 (too many failed logins; retry in ${wait} s)`,
          });
        }
        const r = await signIn(c.get('store'), { username, password, ip });
        if (!r.ok) {
          limiter.fail([userKey, ipKey]);
          return fail(c, r);
        }
        limiter.succeed(userKey);
        setSessionCookie(c, r.value.token, r.value.expiresAt);
        return c.json({ user: r.value.user, csrfToken: csrfToken(c) }, 200);
      },
    )
    .put(
      '/session/password',
      doc({
        summary: "修改本人密码 (change one's own password)",
        access: ['signed-in'],
        response: 'Session',
      }),
      limit(LIMITS.json),
      zv('json', PasswordChangeBody),
      async (c) => {
        const user = c.get('user');
        if (!user)
          return fail(c, { ok: false, code: 'unauthenticated', message: '请先登录 (sign in first)' });
        const store = c.get('store');
        const { current, next } = c.req.valid('json');
        const r = await changeOwnPassword(store, user, { current, next });
        if (!r.ok) return fail(c, r);
        // The change ended every session (a stolen one too): this browser signs in again with the new one.
        const again = await signIn(store, { username: user.username, password: next, ip: clientIp(c) });
        if (!again.ok) return fail(c, again);
        setSessionCookie(c, again.value.token, again.value.expiresAt);
        return c.json({ user: again.value.user, csrfToken: csrfToken(c) }, 200);
      },
    )
    .delete('/session', doc({ summary: '退出 (sign out)', access: ['public'] }), async (c) => {
      const user = c.get('user');
      const token = c.get('sessionToken');
      if (user && token) await signOut(c.get('store'), token, user);
      clearSessionCookie(c);
      return c.json({ user: null }, 200);
    });
