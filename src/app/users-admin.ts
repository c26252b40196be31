/**
 * Use cases of the 管理员 (and of `jixiao admin users`): accounts within the admin's jurisdiction. A
 * department account belongs to a department in it, a bureau or admin account to a jurisdiction in it.
 * `actor: null` is the system itself (the CLI on the server's machine, first start).
 */
import { failure, type Result } from '../core/result.ts';
import { isDepartmentRole, type Role } from '../core/workflow.ts';
import { canSeeDepartment, canSeeJurisdiction, invalid, needRole, notFound } from './access.ts';
import {
  hashPassword,
  passwordProblem,
  randomPassword,
  USERNAME_PATTERN,
  verifyPassword,
} from './passwords.ts';
import type { Store, User } from './store.ts';

export type NewAccount = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string | null | undefined;
  jurisdictionId?: string | null | undefined;
};

const weak = (password: string, username?: string) => {
  const problem = passwordProblem(password, username);
  return problem ? { ok: false as const, code: 'weak-password' as const, message: problem } : null;
};

const badUsername = (username: string) =>
  USERNAME_PATTERN.test(username)
    ? null
    : invalid(
        '用户名只能使用英文字母、数字和 . _ -（以字母或数字开头，2 至 64 个字符）',
        'a username uses ASCII letters, digits and . _ - only (2–64, starting with a letter or digit)',
      );

const inScope = async (
  store: Store,
  actor: User | null,
  input: Pick<NewAccount, 'departmentId' | 'jurisdictionId'>,
) => {
  if (!actor) return true;
  if (input.departmentId) {
    const d = await store.org.getDepartment(input.departmentId);
    return d !== null && (await canSeeDepartment(store, actor, d));
  }
  return input.jurisdictionId ? canSeeJurisdiction(store, actor, input.jurisdictionId) : false;
};

export const addUser = async (store: Store, actor: User | null, input: NewAccount): Promise<Result<User>> => {
  if (actor) {
    const refused = needRole(actor, ['admin']);
    if (refused) return refused;
  }
  const bad = badUsername(input.username) ?? weak(input.password, input.username);
  if (bad) return bad;
  const scope = isDepartmentRole(input.role)
    ? { departmentId: input.departmentId ?? null, jurisdictionId: null }
    : { departmentId: null, jurisdictionId: input.jurisdictionId ?? null };
  if (isDepartmentRole(input.role) ? !scope.departmentId : !scope.jurisdictionId)
    return invalid(
      isDepartmentRole(input.role) ? '单位角色须指定所属单位' : '财政审核和管理员须指定所属地区',
      'department roles need a department, the others a jurisdiction',
    );
  if (!(await inScope(store, actor, scope))) return notFound('单位或地区', 'department or jurisdiction');
  return store.users.createUser(
    {
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      ...scope,
    },
    actor?.id ?? null,
  );
};

export const listUsers = async (store: Store, actor: User | null): Promise<Result<User[]>> => {
  if (!actor) return { ok: true, value: await store.users.listUsers({}) };
  const refused = needRole(actor, ['admin']);
  if (refused) return refused;
  return {
    ok: true,
    value: await store.users.listUsers({ jurisdictionId: actor.jurisdictionId ?? undefined }),
  };
};

const visibleUser = async (store: Store, actor: User | null, id: string): Promise<Result<User>> => {
  if (actor) {
    const refused = needRole(actor, ['admin']);
    if (refused) return refused;
  }
  const user = await store.users.getUser(id);
  if (!user || !(await inScope(store, actor, user))) return notFound('用户', 'user');
  return { ok: true, value: user };
};

/** A new password; the user's sessions end, so a stolen session dies with the old password. */
export const setPassword = async (
  store: Store,
  actor: User | null,
  input: { userId: string; password: string },
): Promise<Result<User>> => {
  const user = await visibleUser(store, actor, input.userId);
  if (!user.ok) return user;
  const bad = weak(input.password, user.value.username);
  if (bad) return bad;
  const updated = await store.users.updateUser(
    { id: input.userId, passwordHash: await hashPassword(input.password), mustChangePassword: false },
    actor?.id ?? null,
  );
  if (updated.ok) await store.sessions.deleteForUser(input.userId);
  return updated;
};

export const setDisabled = async (
  store: Store,
  actor: User | null,
  input: { userId: string; disabled: boolean },
): Promise<Result<User>> => {
  const user = await visibleUser(store, actor, input.userId);
  if (!user.ok) return user;
  if (actor && actor.id === input.userId && input.disabled)
    return invalid('不能停用自己的账号', 'you cannot disable your own account');
  const updated = await store.users.updateUser(
    { id: input.userId, disabled: input.disabled },
    actor?.id ?? null,
  );
  if (updated.ok && input.disabled) await store.sessions.deleteForUser(input.userId);
  return updated;
};

/**
 * 调动: a department account to another department, a bureau or admin account to another jurisdiction,
 * both within the admin's jurisdiction (the account must be visible before and after).
 */
export const moveUser = async (
  store: Store,
  actor: User | null,
  input: { userId: string; departmentId?: string | undefined; jurisdictionId?: string | undefined },
): Promise<Result<User>> => {
  const user = await visibleUser(store, actor, input.userId);
  if (!user.ok) return user;
  const deptRole = isDepartmentRole(user.value.role);
  const target = deptRole ? input.departmentId : input.jurisdictionId;
  if (!target || (deptRole ? input.jurisdictionId : input.departmentId))
    return invalid(
      deptRole ? '单位账号只能调到另一个预算单位' : '财政审核和管理员账号只能调到另一个地区',
      deptRole ? 'a department account moves to a department' : 'this account moves to a jurisdiction',
    );
  const scope = deptRole ? { departmentId: target } : { jurisdictionId: target };
  if (!(await inScope(store, actor, scope))) return notFound('单位或地区', 'department or jurisdiction');
  if (deptRole && (await store.org.getDepartment(target))?.disabled)
    return invalid('该单位已停用，不能调入账号', 'the department is disabled');
  return store.users.updateUser({ id: input.userId, ...scope }, actor?.id ?? null);
};

/** The admin's changes to an account, in one call: name, password, enabled, place (a move). */
export const updateAccount = async (
  store: Store,
  actor: User | null,
  input: {
    userId: string;
    displayName?: string | undefined;
    password?: string | undefined;
    disabled?: boolean | undefined;
    departmentId?: string | undefined;
    jurisdictionId?: string | undefined;
  },
): Promise<Result<User>> => {
  const { userId, displayName, password, disabled, departmentId, jurisdictionId } = input;
  const moving = departmentId !== undefined || jurisdictionId !== undefined;
  if (displayName === undefined && password === undefined && disabled === undefined && !moving)
    return invalid('没有要修改的内容', 'nothing to change');
  let last: Result<User> = await visibleUser(store, actor, userId);
  if (!last.ok) return last;
  if (moving) last = await moveUser(store, actor, { userId, departmentId, jurisdictionId });
  if (last.ok && password !== undefined) last = await setPassword(store, actor, { userId, password });
  if (last.ok && disabled !== undefined) last = await setDisabled(store, actor, { userId, disabled });
  if (last.ok && displayName !== undefined)
    last = await store.users.updateUser({ id: userId, displayName }, actor?.id ?? null);
  return last;
};

/**
 * 重置密码 (admin): a one-time password, returned once to be handed over; the user must choose a new one
 * at the next sign-in, and every open session of the account ends now.
 */
export const resetPassword = async (
  store: Store,
  actor: User | null,
  input: { userId: string },
): Promise<Result<{ user: User; password: string }>> => {
  const user = await visibleUser(store, actor, input.userId);
  if (!user.ok) return user;
  const password = randomPassword();
  const updated = await store.users.updateUser(
    { id: input.userId, passwordHash: await hashPassword(password), mustChangePassword: true },
    actor?.id ?? null,
  );
  if (!updated.ok) return updated;
  await store.sessions.deleteForUser(input.userId);
  return { ok: true, value: { user: updated.value, password } };
};

/** 修改密码 (anyone signed in): the current password, then a new one that passes the strength check. */
export const changeOwnPassword = async (
  store: Store,
  actor: User,
  input: { current: string; next: string },
): Promise<Result<User>> => {
  const found = await store.users.findUserForLogin(actor.username);
  if (!found || !(await verifyPassword(input.current, found.passwordHash)))
    return failure('bad-password', '当前密码不正确', 'the current password is wrong');
  if (input.current === input.next) return invalid('新密码不能与当前密码相同', 'choose a different password');
  const bad = weak(input.next, actor.username);
  if (bad) return bad;
  return store.users.updateUser(
    { id: actor.id, passwordHash: await hashPassword(input.next), mustChangePassword: false },
    actor.id,
  );
};
