/**
 * Use cases of the 管理员 (and of `jixiao admin users`): accounts within the admin's jurisdiction. A
 * department account belongs to a department in it, a bureau or admin account to a jurisdiction in it.
 * `actor: null` is the system itself (the CLI on the server's machine, first start).
 */
import { isDepartmentRole, type Role } from '../core/workflow.ts';
import {
  type AppResult,
  canSeeDepartment,
  canSeeJurisdiction,
  invalid,
  needRole,
  notFound,
} from './access.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import type { Store, User } from './store.ts';

export type NewAccount = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string | null | undefined;
  jurisdictionId?: string | null | undefined;
};

const weak = (password: string) =>
  password.length < MIN_PASSWORD_LENGTH
    ? invalid(
        `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
        `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      )
    : null;

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

export const addUser = async (
  store: Store,
  actor: User | null,
  input: NewAccount,
): Promise<AppResult<User>> => {
  if (actor) {
    const refused = needRole(actor, ['admin']);
    if (refused) return refused;
  }
  const bad = weak(input.password);
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

export const listUsers = async (store: Store, actor: User | null): Promise<AppResult<User[]>> => {
  if (!actor) return { ok: true, value: await store.users.listUsers({}) };
  const refused = needRole(actor, ['admin']);
  if (refused) return refused;
  return {
    ok: true,
    value: await store.users.listUsers({ jurisdictionId: actor.jurisdictionId ?? undefined }),
  };
};

const visibleUser = async (store: Store, actor: User | null, id: string): Promise<AppResult<User>> => {
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
): Promise<AppResult<User>> => {
  const bad = weak(input.password);
  if (bad) return bad;
  const user = await visibleUser(store, actor, input.userId);
  if (!user.ok) return user;
  const updated = await store.users.updateUser(
    { id: input.userId, passwordHash: await hashPassword(input.password) },
    actor?.id ?? null,
  );
  if (updated.ok) await store.sessions.deleteForUser(input.userId);
  return updated;
};

export const setDisabled = async (
  store: Store,
  actor: User | null,
  input: { userId: string; disabled: boolean },
): Promise<AppResult<User>> => {
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

/** The admin's changes to an account, in one call: name, password, enabled. */
export const updateAccount = async (
  store: Store,
  actor: User | null,
  input: {
    userId: string;
    displayName?: string | undefined;
    password?: string | undefined;
    disabled?: boolean | undefined;
  },
): Promise<AppResult<User>> => {
  const { userId, displayName, password, disabled } = input;
  if (displayName === undefined && password === undefined && disabled === undefined)
    return invalid('没有要修改的内容', 'nothing to change');
  let last: AppResult<User> = await visibleUser(store, actor, userId);
  if (!last.ok) return last;
  if (password !== undefined) last = await setPassword(store, actor, { userId, password });
  if (last.ok && disabled !== undefined) last = await setDisabled(store, actor, { userId, disabled });
  if (last.ok && displayName !== undefined)
    last = await store.users.updateUser({ id: userId, displayName }, actor?.id ?? null);
  return last;
};
