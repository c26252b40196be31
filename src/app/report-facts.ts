/**
 * The few facts of a report that a batch lists one row per file (`--format csv`): whose it is, which
 * year, which kind, and the stated and recomputed totals and grades. Small enough to cross a process
 * boundary with each result.
 */
import { BUILTIN_FRAMEWORKS, chooseFramework } from '../core/framework/index.ts';
import type { Report } from '../core/model/index.ts';
import { scoreReport } from '../core/scoring/score-report.ts';
import type { ScoredReport } from '../core/scoring/types.ts';

export type ReportFacts = {
  /** 单位: the department, or for a 项目支出 form its 实施单位 (else 主管部门). */
  unit: string | null;
  year: number | null;
  kind: Report['kind'];
  statedTotal: string | null;
  statedGrade: string | null;
  /** Recomputed from the leaves; null when no framework fits the report. */
  total: string | null;
  grade: string | null;
};

const unitOf = (r: Report): string | null =>
  r.kind === 'department'
    ? (r.department.name?.value ?? null)
    : (r.project.implementer?.value ?? r.project.department?.value ?? null);

/** The facts of a report already scored (or not scorable: `scored` null). */
export const reportFacts = (report: Report, scored: ScoredReport | null): ReportFacts => ({
  unit: unitOf(report),
  year: report.year?.value ?? null,
  kind: report.kind,
  statedTotal:
    scored?.statedTotal ??
    (report.kind === 'department'
      ? (report.conclusion?.statedTotal?.value ?? null)
      : (report.statedTotal?.value ?? null)),
  statedGrade:
    scored?.statedGrade ??
    (report.kind === 'department'
      ? (report.conclusion?.statedGrade?.value ?? null)
      : (report.statedGrade?.value ?? null)),
  total: scored?.total ?? null,
  grade: scored?.grade ?? null,
});

/** The facts of a report scored against its best-matching built-in framework (what `jixiao score` does). */
export const scoreFacts = (report: Report): ReportFacts => {
  const choice = chooseFramework(report, BUILTIN_FRAMEWORKS);
  return reportFacts(report, choice ? scoreReport(report, choice.framework) : null);
};
