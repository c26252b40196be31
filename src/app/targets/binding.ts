/**
 * Use case: a self-evaluation report of year N against the approved (or adjusted) target table of year N
 * of the same department (and project). Its targets that differ from the approved version are findings
 * naming both; beside each approved indicator the reviewer sees the year-end row and the mid-year
 * monitoring answer. Without an approved table there is nothing to bind to, and the answer says so.
 */

import type { AuditOptions } from '../../core/audit/index.ts';
import { approvedTargetRules } from '../../core/audit/index.ts';
import type { Finding } from '../../core/findings.ts';
import type { Report as ReportDocument } from '../../core/model/index.ts';
import type { Result } from '../../core/result.ts';
import { type CarriedRow, carryMonitoring } from '../../core/targets/carry.ts';
import type { MonitoringEntry } from '../../core/targets/monitoring.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import { notFound, seeReport } from '../access.ts';
import type { MonitoringRound, Report, Store, TargetTableRow, User } from '../store.ts';

export type Approved = NonNullable<AuditOptions['approved']> & {
  row: TargetTableRow;
  /** The round whose entry is carried (the latest of the year that has one). */
  round: MonitoringRound | null;
};

/** The approved table of the report's year, department (and project), with its latest monitoring entry. */
export const approvedFor = async (
  store: Store,
  report: Pick<Report, 'departmentId' | 'year' | 'kind' | 'projectName'>,
): Promise<Approved | null> => {
  const candidates = await store.targets.list({
    departmentId: report.departmentId,
    year: report.year,
    kind: report.kind,
  });
  const row = candidates.find(
    (t) =>
      t.approvedVersion !== null && (report.kind === 'department' || t.projectName === report.projectName),
  );
  if (!row || row.approvedVersion === null) return null;
  const approved = await store.targets.getVersion(row.id, row.approvedVersion);
  if (!approved) return null;
  const rounds = (await store.targets.listRounds({ year: report.year })).sort((a, b) => b.month - a.month);
  for (const round of rounds) {
    const entry = (await store.targets.listEntries(round.id)).find((e) => e.tableId === row.id);
    if (entry)
      return { row, round, table: approved.document, version: approved.version, monitoring: entry.document };
  }
  return { row, round: null, table: approved.document, version: approved.version, monitoring: null };
};

export type Binding = {
  table: TargetTableRow | null;
  version: number | null;
  /** The approved document (the editor fills the report's 绩效目标表 from it and checks against it). */
  document: TargetTable | null;
  round: { id: string; title: string; month: number } | null;
  /** That round's entry for the table (the editor checks the report against it as the server does). */
  monitoring: MonitoringEntry | null;
  /** Each approved indicator beside the year-end row and the mid-year monitoring answer. */
  rows: CarriedRow[];
  findings: Finding[];
};

const NONE: Binding = {
  table: null,
  version: null,
  document: null,
  round: null,
  monitoring: null,
  rows: [],
  findings: [],
};

export const bindingOf = (doc: ReportDocument, a: Approved | null): Binding =>
  a
    ? {
        table: a.row,
        version: a.version,
        document: a.table,
        round: a.round ? { id: a.round.id, title: a.round.title, month: a.round.month } : null,
        monitoring: a.monitoring ?? null,
        rows: carryMonitoring(a.table, a.monitoring ?? null, doc),
        findings: approvedTargetRules(doc, a),
      }
    : NONE;

export const reportBinding = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<Result<Binding>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const { report } = seen.value;
  const current = await store.reports.getVersion(report.id, report.currentVersion);
  if (!current) return notFound('报告版本', 'report version');
  return { ok: true, value: bindingOf(current.document, await approvedFor(store, report)) };
};
