/**
 * The binding findings (binding.*) of many reports at once, for the bureau's dashboard and report list:
 * each report's current version against the approved target table of its year, department (and
 * project) and that table's latest monitoring entry — what `approvedFor` finds for one report, read in
 * a few queries for the whole jurisdiction. Kept per process by report version, approved version and
 * monitoring entry (all of which only change by becoming a new one).
 */
import { approvedTargetRules } from '../../core/audit/index.ts';
import type { MonitoringEntry } from '../../core/targets/monitoring.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import type { Report, Store, TargetTableRow } from '../store.ts';
import type { RuleAndSeverity } from '../version-findings.ts';

const identity = (r: Pick<Report, 'departmentId' | 'kind' | 'projectName'>) =>
  `${r.departmentId}|${r.kind}|${r.kind === 'project' ? (r.projectName ?? '') : ''}`;

const KEPT = 20_000;
const kept = new Map<string, RuleAndSeverity[]>();

/** Each report's binding.* findings (reports without an approved table have none and are left out). */
export const bindingFindingsOf = async (
  store: Store,
  jurisdictionId: string,
  year: number,
  reports: readonly Report[],
): Promise<Map<string, RuleAndSeverity[]>> => {
  const out = new Map<string, RuleAndSeverity[]>();
  const ofYear = reports.filter((r) => r.year === year);
  if (ofYear.length === 0) return out;
  const tables = new Map<string, TargetTableRow>();
  for (const t of await store.targets.list({ jurisdictionId, year }))
    if (t.approvedVersion !== null && !tables.has(identity(t))) tables.set(identity(t), t);
  const bound = ofYear.flatMap((r) => {
    const t = tables.get(identity(r));
    return t ? [{ report: r, table: t }] : [];
  });
  if (bound.length === 0) return out;

  // The latest round of the year with an entry for the table, as approvedFor chooses it.
  const rounds = (await store.targets.listRounds({ year })).sort((a, b) => b.month - a.month);
  const entries = new Map<string, { roundId: string; updatedAt: Date; document: MonitoringEntry }>();
  for (const round of rounds)
    for (const e of await store.targets.listEntries(round.id))
      if (!entries.has(e.tableId)) entries.set(e.tableId, e);

  const keyOf = (r: Report, t: TargetTableRow) => {
    const e = entries.get(t.id);
    return `${r.id}@${r.currentVersion}|${t.id}@${t.approvedVersion}|${e ? `${e.roundId}@${e.updatedAt.getTime()}` : ''}`;
  };
  const missing = bound.filter(({ report, table }) => !kept.has(keyOf(report, table)));
  const docs = new Map(
    (
      await store.reports.getVersions(
        missing.map(({ report }) => ({ reportId: report.id, version: report.currentVersion })),
      )
    ).map((v) => [v.reportId, v.document]),
  );
  const approvedDocs = new Map<string, TargetTable>();
  for (const { report, table } of missing) {
    const doc = docs.get(report.id);
    if (!doc || table.approvedVersion === null) continue;
    let approved = approvedDocs.get(table.id);
    if (!approved) {
      approved = (await store.targets.getVersion(table.id, table.approvedVersion))?.document;
      if (!approved) continue;
      approvedDocs.set(table.id, approved);
    }
    const findings = approvedTargetRules(doc, {
      table: approved,
      version: table.approvedVersion,
      monitoring: entries.get(table.id)?.document ?? null,
    }).map((f) => ({ rule: f.rule, severity: f.severity }));
    kept.set(keyOf(report, table), findings);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  for (const { report, table } of bound) {
    const f = kept.get(keyOf(report, table));
    if (f && f.length > 0) out.set(report.id, f);
  }
  return out;
};

/** The reports (of any years among them) whose targets differ from their approved tables. */
export const withChangedTargets = async (
  store: Store,
  jurisdictionId: string,
  reports: readonly Report[],
): Promise<Set<string>> => {
  const ids = new Set<string>();
  for (const year of new Set(reports.map((r) => r.year)))
    for (const id of (await bindingFindingsOf(store, jurisdictionId, year, reports)).keys()) ids.add(id);
  return ids;
};
