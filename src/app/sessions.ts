/**
 * Use case: signing in and out. The session token goes to the browser in a cookie; the database keeps
 * only its SHA-256, so a leaked table gives no usable session. A wrong username and a wrong password take
 * the same time (a dummy hash is checked) and get the same answer.
 */

import { createHash, randomBytes } from 'node:crypto';
import { failure, type Result } from '../core/result.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Store, User } from './store.ts';

export const SESSION_DAYS = 7;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

let dummyHash: Promise<string> | null = null;

export type SignedIn = { user: User; token: string; expiresAt: Date };

export const signIn = async (
  store: Store,
  input: { username: string; password: string; ip: string },
): Promise<Result<SignedIn>> => {
  const found = await store.users.findUserForLogin(input.username);
  dummyHash ??= hashPassword('not-a-password');
  const good = await verifyPassword(input.password, found?.passwordHash ?? (await dummyHash));
  // A 停用 department's accounts are refused like disabled ones, once the password is right: say why.
  const departmentOff = Boolean(found && good && !found.disabled && found.departmentDisabled);
  if (!found || !good || found.disabled || departmentOff) {
    await store.audit.append({
      actorId: found?.id ?? null,
      action: 'auth.login-failed',
      targetType: 'user',
      targetId: input.username.slice(0, 64) || '-',
      detail: { ip: input.ip },
    });
    return departmentOff
      ? failure(
          'bad-login',
          '所属单位已停用，账号不能登录，请联系管理员',
          "the account's department is disabled",
        )
      : failure('bad-login', '用户名或密码错误', 'wrong username or password');
  }
  const { passwordHash: _, departmentDisabled: __, ...user } = found;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await store.sessions.create({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
  await store.audit.append({
    actorId: user.id,
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
    detail: { ip: input.ip },
  });
  return { ok: true, value: { user, token, expiresAt } };
};

export const sessionUser = async (store: Store, token: string): Promise<User | null> =>
  (await store.sessions.find(tokenHash(token)))?.user ?? null;

export const signOut = async (store: Store, token: string, user: User): Promise<void> => {
  await store.sessions.delete(tokenHash(token));
  await store.audit.append({
    actorId: user.id,
    action: 'auth.logout',
    targetType: 'user',
    targetId: user.id,
    detail: {},
  });
};
