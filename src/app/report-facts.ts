/**
 * The few facts of a report that a batch lists one row per file (`--format csv`): whose it is, which
 * year, which kind, and the stated and recomputed totals and grades. Small enough to cross a process
 * boundary with each result.
 */
import { type Evaluation, evaluate } from '../core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import type { Report } from '../core/model/index.ts';

export type ReportFacts = {
  /** 单位: the department, or for a 项目支出 form its 实施单位 (else 主管部门). */
  unit: string | null;
  year: number | null;
  kind: Report['kind'];
  statedTotal: string | null;
  statedGrade: string | null;
  /** Recomputed from the leaves; null when no framework fits the report (nothing is recomputed). */
  total: string | null;
  grade: string | null;
};

const unitOf = (r: Report): string | null =>
  r.kind === 'department'
    ? (r.department.name?.value ?? null)
    : (r.project.implementer?.value ?? r.project.department?.value ?? null);

/** The facts of a report from its evaluation. */
export const reportFacts = (report: Report, e: Evaluation): ReportFacts => {
  const recomputed = e.basis === 'framework';
  return {
    unit: unitOf(report),
    year: report.year?.value ?? null,
    kind: report.kind,
    statedTotal: e.statedTotal,
    statedGrade: e.statedGrade,
    total: recomputed ? e.total : null,
    grade: recomputed ? e.grade : null,
  };
};

/** The facts of a report scored as `jixiao score` scores it (the best-fitting built-in framework). */
export const scoreFacts = (report: Report): ReportFacts =>
  reportFacts(report, evaluate(report, BUILTIN_FRAMEWORKS, { audit: false }));
