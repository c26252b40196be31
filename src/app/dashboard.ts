/**
 * Use case: the bureau's dashboard of one jurisdiction × year — status counts, departments late against
 * the fiscal year's deadline, the score distribution and grades, audit findings by rule, the ranking,
 * and the comparison with the year before.
 */

import { dec, decFixed, sum } from '../core/decimal.ts';
import type { Severity } from '../core/findings.ts';
import { GRADES, type Grade } from '../core/model/index.ts';
import type { Result } from '../core/result.ts';
import { HANDED_IN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../core/workflow.ts';
import { canSeeJurisdiction, needRole, notFound } from './access.ts';
import { deadlineFor } from './departments-admin.ts';
import { withReviewed } from './reviewed-scores.ts';
import type { Report, Store, User } from './store.ts';
import { bindingFindingsOf } from './targets/binding-counts.ts';
import { findingsOf } from './version-findings.ts';

/** Score bands of the distribution: [min, max) except the last, which includes 100. */
export const SCORE_BANDS = [
  { label: '<60', min: 0, max: 60 },
  { label: '60–70', min: 60, max: 70 },
  { label: '70–80', min: 70, max: 80 },
  { label: '80–90', min: 80, max: 90 },
  { label: '90–100', min: 90, max: 100.01 },
] as const;

type Ranked = {
  reportId: string;
  departmentId: string;
  departmentName: string;
  kind: Report['kind'];
  projectName: string | null;
  /** The computed (self) total. */
  total: string;
  grade: Grade | null;
  reviewedTotal: string | null;
  reviewedGrade: Grade | null;
  status: ReportStatus;
};

export type Dashboard = {
  jurisdictionId: string;
  year: number;
  reports: number;
  departments: number;
  statusCounts: Record<ReportStatus, number>;
  deadline: string | null;
  /** Past the deadline and not handed in (no 部门整体 report at 已提交 or beyond). */
  late: { departmentId: string; name: string; status: ReportStatus | null }[];
  distribution: { label: string; count: number }[];
  grades: Record<Grade, number>;
  findingsByRule: { rule: string; severity: Severity; count: number; reports: number }[];
  /**
   * Reports whose targets differ from the approved target table of their year (binding.* findings:
   * a target value, unit or comparator changed, or a mid-year 偏差原因 contradicted), by rule.
   */
  targetsChanged: { reports: number; byRule: { rule: string; count: number; reports: number }[] };
  /**
   * 部门整体 reports past submission, by the bureau's 审核得分 where it exists (else the computed total);
   * `projectRanking` the same for 项目支出 reports: the two kinds are never ranked together.
   */
  ranking: Ranked[];
  projectRanking: Ranked[];
  yearOverYear: {
    years: { year: number; reports: number; scored: number; average: string | null; published: number }[];
    departments: {
      departmentId: string;
      name: string;
      total: string | null;
      previous: string | null;
      change: string | null;
    }[];
  };
};

const handedIn = (s: ReportStatus) => (HANDED_IN_STATUSES as readonly ReportStatus[]).includes(s);

const average = (totals: readonly string[]): string | null =>
  totals.length === 0 ? null : decFixed(sum(totals).div(totals.length));

export const dashboard = async (
  store: Store,
  actor: User,
  input: { jurisdictionId: string; year: number; today?: string },
): Promise<Result<Dashboard>> => {
  const refused = needRole(actor, ['bureau-reviewer', 'admin']);
  if (refused) return refused;
  if (!(await canSeeJurisdiction(store, actor, input.jurisdictionId)))
    return notFound('地区', 'jurisdiction');
  const { jurisdictionId, year } = input;
  const [departments, reports, previous, due] = await Promise.all([
    store.org.listDepartments({ jurisdictionId }),
    store.reports.list({ jurisdictionId, year }),
    store.reports.list({ jurisdictionId, year: year - 1 }),
    deadlineFor(store, jurisdictionId, year),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const statusCounts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  for (const r of reports) statusCounts[r.status]++;

  const deadline = due?.deadline ?? null;
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const main = new Map(reports.filter((r) => r.kind === 'department').map((r) => [r.departmentId, r]));
  const late =
    deadline && today > deadline
      ? departments
          .filter((d) => !d.disabled && !handedIn(main.get(d.id)?.status ?? 'draft'))
          .map((d) => ({ departmentId: d.id, name: d.name, status: main.get(d.id)?.status ?? null }))
      : [];

  const scored = reports.filter((r): r is Report & { computedTotal: string } => r.computedTotal !== null);
  const distribution = SCORE_BANDS.map((b) => ({
    label: b.label,
    count: scored.filter((r) => dec(r.computedTotal).gte(b.min) && dec(r.computedTotal).lt(b.max)).length,
  }));
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const r of reports) if (r.grade) grades[r.grade]++;

  const findingsByRule = new Map<
    string,
    { rule: string; severity: Severity; count: number; reports: Set<string> }
  >();
  const found = await findingsOf(store, reports);
  for (const r of reports) {
    for (const f of found.get(r.id) ?? []) {
      const e = findingsByRule.get(f.rule) ?? {
        rule: f.rule,
        severity: f.severity,
        count: 0,
        reports: new Set(),
      };
      e.count++;
      e.reports.add(r.id);
      findingsByRule.set(f.rule, e);
    }
  }

  const bound = await bindingFindingsOf(store, jurisdictionId, year, reports);
  const boundByRule = new Map<string, { rule: string; count: number; reports: Set<string> }>();
  for (const [id, fs] of bound)
    for (const f of fs) {
      const e = boundByRule.get(f.rule) ?? { rule: f.rule, count: 0, reports: new Set<string>() };
      e.count++;
      e.reports.add(id);
      boundByRule.set(f.rule, e);
    }

  const rankable = await withReviewed(
    store,
    scored.filter((r) => handedIn(r.status)),
  );
  const rankOf = (kind: Report['kind']): Ranked[] =>
    rankable
      .filter((r) => r.kind === kind)
      .map((r) => ({
        reportId: r.id,
        departmentId: r.departmentId,
        departmentName: names.get(r.departmentId) ?? '',
        kind: r.kind,
        projectName: r.projectName,
        total: r.computedTotal,
        grade: r.grade,
        reviewedTotal: r.reviewedTotal,
        reviewedGrade: r.reviewedGrade,
        status: r.status,
      }))
      .sort((a, b) => dec(b.reviewedTotal ?? b.total).comparedTo(dec(a.reviewedTotal ?? a.total)));

  const yearRow = (y: number, rs: Report[]) => {
    const totals = rs.flatMap((r) => (r.computedTotal ? [r.computedTotal] : []));
    return {
      year: y,
      reports: rs.length,
      scored: totals.length,
      average: average(totals),
      published: rs.filter((r) => r.status === 'published').length,
    };
  };
  const before = new Map(previous.filter((r) => r.kind === 'department').map((r) => [r.departmentId, r]));
  return {
    ok: true,
    value: {
      jurisdictionId,
      year,
      reports: reports.length,
      departments: departments.filter((d) => !d.disabled).length,
      statusCounts,
      deadline,
      late,
      distribution,
      grades,
      findingsByRule: [...findingsByRule.values()]
        .map((e) => ({ rule: e.rule, severity: e.severity, count: e.count, reports: e.reports.size }))
        .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
      targetsChanged: {
        reports: bound.size,
        byRule: [...boundByRule.values()]
          .map((e) => ({ rule: e.rule, count: e.count, reports: e.reports.size }))
          .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
      },
      ranking: rankOf('department'),
      projectRanking: rankOf('project'),
      yearOverYear: {
        years: [yearRow(year - 1, previous), yearRow(year, reports)],
        departments: departments.map((d) => {
          const total = main.get(d.id)?.computedTotal ?? null;
          const prev = before.get(d.id)?.computedTotal ?? null;
          return {
            departmentId: d.id,
            name: d.name,
            total,
            previous: prev,
            change: total && prev ? decFixed(dec(total).minus(prev)) : null,
          };
        }),
      },
    },
  };
};
