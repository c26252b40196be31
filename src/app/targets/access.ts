/** Who may see a target table: its department's roles, and bureau roles above it (as for reports). */
import type { Failure } from '../../core/result.ts';
import { canSeeDepartment, notFound } from '../access.ts';
import type { Department, Store, TargetTableRow, User } from '../store.ts';

export type SeenTable = { table: TargetTableRow; department: Department };

export const seeTable = async (
  store: Store,
  actor: User,
  tableId: string,
): Promise<{ ok: true; value: SeenTable } | Failure<'not-found'>> => {
  const table = await store.targets.get(tableId);
  const department = table ? await store.org.getDepartment(table.departmentId) : null;
  if (!table || !department || !(await canSeeDepartment(store, actor, department)))
    return notFound('目标表', 'target table');
  return { ok: true, value: { table, department } };
};
