/**
 * Who may see a target table: its department's roles, the roles of its 主管部门 (which reviews its
 * subordinates' tables where the review chain says so), and bureau roles above it (as for reports).
 */
import type { Failure } from '../../core/result.ts';
import { canSeeDepartment, forbidden, notFound } from '../access.ts';
import type { Department, Store, TargetTableRow, User } from '../store.ts';

/** `own`: the actor belongs to the table's department (only then may a preparer change it). */
export type SeenTable = { table: TargetTableRow; department: Department; own: boolean };

export const seeTable = async (
  store: Store,
  actor: User,
  tableId: string,
): Promise<{ ok: true; value: SeenTable } | Failure<'not-found'>> => {
  const table = await store.targets.get(tableId);
  const department = table ? await store.org.getDepartment(table.departmentId) : null;
  if (!table || !department) return notFound('目标表', 'target table');
  const supervises = actor.departmentId !== null && department.supervisorId === actor.departmentId;
  if (!supervises && !(await canSeeDepartment(store, actor, department)))
    return notFound('目标表', 'target table');
  return { ok: true, value: { table, department, own: actor.departmentId === table.departmentId } };
};

/** Whether the actor acts for the table's 主管部门 (not for the unit itself). */
export const isSupervisorOf = (actor: User, department: Department): boolean =>
  actor.departmentId !== null && department.supervisorId === actor.departmentId;

/** A preparer acts on its own unit's tables only; its 主管部门 reviews them but does not fill them in. */
export const needOwn = (seen: SeenTable): Failure<'forbidden'> | null =>
  seen.own ? null : forbidden('只有本单位可以填报或修改目标表', 'only the unit itself may change its table');
