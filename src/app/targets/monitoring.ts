/**
 * Use cases of 运行监控: the bureau opens a round for its jurisdiction; each unit fills an entry per
 * approved target table (saved, then submitted when complete); lights come from the core functions and
 * the round's preset; the bureau records a decision per table with a reason. The round overview is the
 * bureau's lights dashboard and the unit's to-do list.
 */

import type { Finding } from '../../core/findings.ts';
import { failure, type Result } from '../../core/result.ts';
import {
  type EntryLights,
  emptyEntry,
  entryProblems,
  evaluateEntry,
  MONITORING_PRESETS,
  type MonitoringEntry,
  monitoringPreset,
} from '../../core/targets/index.ts';
import type { Decision, Light } from '../../core/targets/vocab.ts';
import { canSeeJurisdiction, invalid, jurisdictionScope, needRole, notFound } from '../access.ts';
import type {
  BureauDecision,
  MonitoringRound,
  Store,
  StoredMonitoringEntry,
  TargetTableRow,
  User,
} from '../store.ts';
import { needOwn, seeTable } from './access.ts';

/** The jurisdictions whose rounds the actor takes part in or oversees. */
const roundScope = async (store: Store, actor: User): Promise<Set<string>> => {
  if (!actor.departmentId) return jurisdictionScope(store, actor);
  const d = await store.org.getDepartment(actor.departmentId);
  const ids = new Set<string>();
  let j = d ? await store.org.getJurisdiction(d.jurisdictionId) : null;
  while (j) {
    ids.add(j.id);
    j = j.parentId ? await store.org.getJurisdiction(j.parentId) : null;
  }
  return ids;
};

export const openRound = async (
  store: Store,
  actor: User,
  input: { year: number; month: number; title: string; deadline: string; preset?: string | undefined },
): Promise<Result<MonitoringRound>> => {
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  if (!actor.jurisdictionId) return invalid('账号未关联地区', 'the account has no jurisdiction');
  const preset = input.preset ?? 'default';
  if (!MONITORING_PRESETS.some((p) => p.key === preset))
    return invalid(`没有名为“${preset}”的预警规则`, 'unknown preset');
  return store.targets.createRound(
    {
      jurisdictionId: actor.jurisdictionId,
      year: input.year,
      month: input.month,
      title: input.title,
      deadline: input.deadline,
      preset,
    },
    actor.id,
  );
};

export const listRounds = async (
  store: Store,
  actor: User,
  query: { year?: number | undefined },
): Promise<Result<MonitoringRound[]>> => {
  const scope = await roundScope(store, actor);
  if (scope.size === 0) return { ok: true, value: [] };
  return {
    ok: true,
    value: await store.targets.listRounds({
      jurisdictionIds: [...scope],
      ...(query.year !== undefined ? { year: query.year } : {}),
    }),
  };
};

/** Lights and decimals as plain JSON for the client. */
export type LightsView = {
  budget: { light: Light; pace: string | null; rate: string | null } | null;
  indicators: { indicatorId: string; light: Light | null; pace: string | null }[];
  project: Light | null;
};
const view = (l: EntryLights): LightsView => ({
  budget: l.budget
    ? {
        light: l.budget.light,
        pace: l.budget.pace?.toFixed(1) ?? null,
        rate: l.budget.rate?.toFixed(1) ?? null,
      }
    : null,
  indicators: l.indicators.map((i) => ({ ...i, pace: i.pace?.toFixed(1) ?? null })),
  project: l.project,
});

export type RoundRow = {
  table: TargetTableRow;
  departmentName: string;
  /** The approved version the row reports against. */
  version: number;
  name: string;
  entry: StoredMonitoringEntry | null;
  lights: LightsView;
  problems: Finding[];
  decision: BureauDecision | null;
};

export type RoundOverview = {
  round: MonitoringRound;
  rows: RoundRow[];
  counts: Record<Light | 'none', number>;
};

const seeRound = async (store: Store, actor: User, roundId: string) => {
  const round = await store.targets.getRound(roundId);
  if (!round || !(await roundScope(store, actor)).has(round.jurisdictionId)) return null;
  return round;
};

export const roundOverview = async (
  store: Store,
  actor: User,
  roundId: string,
): Promise<Result<RoundOverview>> => {
  const round = await seeRound(store, actor, roundId);
  if (!round) return notFound('监控轮次', 'monitoring round');
  const preset = monitoringPreset(round.preset);
  const tables = await store.targets.list({
    jurisdictionId: round.jurisdictionId,
    year: round.year,
    ...(actor.departmentId ? { departmentId: actor.departmentId } : {}),
  });
  const entries = new Map((await store.targets.listEntries(round.id)).map((e) => [e.tableId, e]));
  const decisions = new Map<string, BureauDecision>();
  for (const d of await store.targets.listDecisions(round.id)) decisions.set(d.tableId, d);
  const rows: RoundRow[] = [];
  const counts: RoundOverview['counts'] = { red: 0, yellow: 0, green: 0, blue: 0, none: 0 };
  for (const table of tables) {
    if (table.approvedVersion === null) continue;
    const v = await store.targets.getVersion(table.id, table.approvedVersion);
    if (!v) continue;
    const entry = entries.get(table.id) ?? null;
    const doc = entry?.document ?? emptyEntry(v.document);
    const lights = view(evaluateEntry(v.document, doc, round.month, preset));
    counts[lights.project ?? 'none']++;
    rows.push({
      table,
      departmentName: (await store.org.getDepartment(table.departmentId))?.name ?? '',
      version: v.version,
      name: v.document.kind === 'project' ? v.document.projectName : `${v.document.unitName}（部门整体）`,
      entry,
      lights,
      problems: entryProblems(v.document, doc),
      decision: decisions.get(table.id) ?? null,
    });
  }
  return { ok: true, value: { round, rows, counts } };
};

export const putEntry = async (
  store: Store,
  actor: User,
  input: { roundId: string; tableId: string; document: MonitoringEntry; submit: boolean },
): Promise<Result<{ entry: StoredMonitoringEntry; lights: LightsView; problems: Finding[] }>> => {
  const round = await seeRound(store, actor, input.roundId);
  if (!round) return notFound('监控轮次', 'monitoring round');
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']) ?? needOwn(seen.value);
  if (refused) return refused;
  const { table } = seen.value;
  if (table.approvedVersion === null || table.year !== round.year)
    return invalid('只有本年度已批复的目标表参加运行监控', 'only approved tables of the year are monitored');
  const v = await store.targets.getVersion(table.id, table.approvedVersion);
  const problems = entryProblems(v!.document, input.document);
  if (input.submit && problems.length > 0)
    return failure('incomplete', `还有${problems.length}处未填写完整，不能报送`, 'the entry is incomplete', {
      findings: problems,
    });
  const saved = await store.targets.putEntry({ ...input, tableVersion: table.approvedVersion }, actor.id);
  if (!saved.ok) return saved;
  const lights = view(
    evaluateEntry(v!.document, input.document, round.month, monitoringPreset(round.preset)),
  );
  return { ok: true, value: { entry: saved.value, lights, problems } };
};

export const decide = async (
  store: Store,
  actor: User,
  input: { roundId: string; tableId: string; decision: Decision; reason: string },
): Promise<Result<BureauDecision>> => {
  const round = await seeRound(store, actor, input.roundId);
  if (!round) return notFound('监控轮次', 'monitoring round');
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  if (!(await canSeeJurisdiction(store, actor, round.jurisdictionId)))
    return notFound('监控轮次', 'monitoring round');
  if (input.reason.trim() === '') return invalid('处理决定须写明理由', 'a decision needs a reason');
  return store.targets.addDecision({ ...input, reason: input.reason.trim() }, actor.id);
};
