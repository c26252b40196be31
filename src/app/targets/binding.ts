/**
 * Use case: a self-evaluation report of year N against the approved (or adjusted) target table of year N
 * of the same department (and project). Its targets that differ from the approved version are findings
 * naming both; without an approved table there is nothing to bind to, and the answer says so.
 */
import type { Finding } from '../../core/findings.ts';
import type { Report as ReportDocument } from '../../core/model/index.ts';
import { compareWithApproved, type ReportTarget } from '../../core/targets/binding.ts';
import { type AppResult, notFound, seeReport } from '../access.ts';
import type { Store, TargetTableRow, User } from '../store.ts';

export type Binding = { table: TargetTableRow | null; version: number | null; findings: Finding[] };

export const reportTargets = (doc: ReportDocument): ReportTarget[] =>
  doc.kind === 'project'
    ? doc.indicators.map((i) => ({ name: i.name.value, target: i.target }))
    : (doc.targets?.rows ?? []).map((r) => ({ name: r.name.value, target: r.target }));

export const reportBinding = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<AppResult<Binding>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const { report } = seen.value;
  const candidates = await store.targets.list({
    departmentId: report.departmentId,
    year: report.year,
    kind: report.kind,
  });
  const table = candidates.find(
    (t) =>
      t.approvedVersion !== null && (report.kind === 'department' || t.projectName === report.projectName),
  );
  if (!table || table.approvedVersion === null)
    return { ok: true, value: { table: null, version: null, findings: [] } };
  const approved = await store.targets.getVersion(table.id, table.approvedVersion);
  const current = await store.reports.getVersion(report.id, report.currentVersion);
  if (!approved || !current) return notFound('报告版本', 'report version');
  return {
    ok: true,
    value: {
      table,
      version: approved.version,
      findings: compareWithApproved(reportTargets(current.document), approved.document, approved.version),
    },
  };
};
