/**
 * Who may see and do what: every use case starts here. Department roles act on their own department;
 * bureau reviewers and admins on their jurisdiction and everything below it. Outside the scope a report
 * does not exist (not-found, so its existence does not leak); inside it, a role that may not act gets
 * forbidden.
 */
import { type Failure, failure } from '../core/result.ts';
import type { Role } from '../core/workflow.ts';
import type { Department, Report, Store, User } from './store.ts';

export const forbidden = (zh: string, en: string): Failure<'forbidden'> => failure('forbidden', zh, en);
export const notFound = (zh: string, en: string): Failure<'not-found'> =>
  failure('not-found', `未找到${zh}`, `${en} not found`);
export const invalid = (zh: string, en: string): Failure<'invalid'> => failure('invalid', zh, en);

export const hasRole = (actor: User, ...roles: readonly Role[]): boolean => roles.includes(actor.role);

export const needRole = (actor: User, roles: readonly Role[]): Failure<'forbidden'> | null =>
  hasRole(actor, ...roles) ? null : forbidden('当前角色无权执行此操作', 'your role may not do this');

/** The ids of the actor's jurisdiction and everything below it; empty for department roles. */
export const jurisdictionScope = async (store: Store, actor: User): Promise<Set<string>> =>
  actor.jurisdictionId
    ? new Set((await store.org.jurisdictionSubtree(actor.jurisdictionId)).map((j) => j.id))
    : new Set();

export const canSeeDepartment = async (
  store: Store,
  actor: User,
  department: Department,
): Promise<boolean> => {
  if (actor.departmentId) return actor.departmentId === department.id;
  return (await jurisdictionScope(store, actor)).has(department.jurisdictionId);
};

export const canSeeJurisdiction = async (
  store: Store,
  actor: User,
  jurisdictionId: string,
): Promise<boolean> => (await jurisdictionScope(store, actor)).has(jurisdictionId);

export type SeenReport = { report: Report; department: Department };

/** The report when the actor may see it; not-found otherwise (also for a report outside the scope). */
export const seeReport = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<{ ok: true; value: SeenReport } | Failure<'not-found'>> => {
  const seen = await store.reports.getWithDepartment(reportId);
  if (!seen || !(await canSeeDepartment(store, actor, seen.department))) return notFound('报告', 'report');
  return { ok: true, value: seen };
};
