/** Reading target tables: the list in the actor's scope, and one table with its checks and history. */
import type { Result } from '../../core/result.ts';
import { checkTargetTable, type TargetFinding } from '../../core/targets/index.ts';
import { notFound } from '../access.ts';
import type {
  Store,
  TargetPublication,
  TargetReview,
  TargetTableRow,
  TargetVersion,
  TargetVersionMeta,
  User,
} from '../store.ts';
import { isSupervisorOf, seeTable } from './access.ts';

/** `supervised`: a subordinate unit's table, listed for its 主管部门. */
export type TargetListItem = TargetTableRow & { departmentName: string; supervised: boolean };

export const listTargetTables = async (
  store: Store,
  actor: User,
  query: { year?: number | undefined; status?: TargetTableRow['status'] | undefined },
): Promise<Result<TargetListItem[]>> => {
  const scope = actor.departmentId
    ? { departmentId: actor.departmentId }
    : actor.jurisdictionId
      ? { jurisdictionId: actor.jurisdictionId }
      : null;
  if (!scope) return { ok: true, value: [] };
  const filter = {
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(query.status ? { statuses: [query.status] } : {}),
  };
  const rows = await store.targets.list({ ...scope, ...filter });
  // A 主管部门's users also see the tables of the units it supervises.
  if (actor.departmentId)
    rows.push(...(await store.targets.list({ supervisorId: actor.departmentId, ...filter })));
  const names = new Map<string, string>();
  for (const r of rows) {
    if (!names.has(r.departmentId))
      names.set(r.departmentId, (await store.org.getDepartment(r.departmentId))?.name ?? '');
  }
  return {
    ok: true,
    value: rows.map((r) => ({
      ...r,
      departmentName: names.get(r.departmentId) ?? '',
      supervised: actor.departmentId !== null && r.departmentId !== actor.departmentId,
    })),
  };
};

export type TargetDetail = {
  table: TargetTableRow;
  departmentName: string;
  current: TargetVersion;
  findings: TargetFinding[];
  versions: TargetVersionMeta[];
  reviews: TargetReview[];
  /** The versions made public, newest first. */
  publications: TargetPublication[];
  /** Whether the actor reviews it for the unit's 主管部门. */
  supervised: boolean;
};

export const getTargetTable = async (
  store: Store,
  actor: User,
  tableId: string,
): Promise<Result<TargetDetail>> => {
  const seen = await seeTable(store, actor, tableId);
  if (!seen.ok) return seen;
  const { table, department } = seen.value;
  const current = await store.targets.getVersion(table.id, table.currentVersion);
  if (!current) return notFound('目标表版本', 'target version');
  return {
    ok: true,
    value: {
      table,
      departmentName: department.name,
      current,
      findings: checkTargetTable(current.document),
      versions: await store.targets.listVersions(table.id),
      reviews: await store.targets.listReviews(table.id),
      publications: await store.targets.listPublications(table.id),
      supervised: isSupervisorOf(actor, department),
    },
  };
};

export const getTargetVersion = async (
  store: Store,
  actor: User,
  input: { tableId: string; version: number },
): Promise<Result<TargetVersion & { findings: TargetFinding[] }>> => {
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const v = await store.targets.getVersion(input.tableId, input.version);
  if (!v) return notFound('目标表版本', 'target version');
  return { ok: true, value: { ...v, findings: checkTargetTable(v.document) } };
};
