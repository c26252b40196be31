/**
 * One evaluation of a report, the same in the CLI, the server, the renderer and the browser: the framework
 * chosen (with its fit and reason) or none, the scored tree, the total, the grade and every finding of
 * the audit and of scoring. Pure.
 */
import { type AuditOptions, auditReport } from '../audit/index.ts';
import type { Finding } from '../findings.ts';
import { type Framework, gradeBandsOf } from '../framework/schema.ts';
import type { Grade, Report } from '../model/index.ts';
import { gradeLabelOf } from '../scoring/grade.ts';
import type { Overrides } from '../scoring/inputs.ts';
import { scoreReport } from '../scoring/score-report.ts';
import type { ScoredNode, ScoredReport } from '../scoring/types.ts';
import {
  type Candidate,
  type ChooseOptions,
  chooseFitting,
  describeCandidates,
  type FrameworkChoice,
} from './choose.ts';
import { ownTree } from './own-tree.ts';

export type EvaluateOptions = ChooseOptions & {
  /** What-if values for inputs and scores (`--set`). */
  overrides?: Overrides | undefined;
  /** Run the audit too (default true); scoring-only callers skip it. */
  audit?: boolean | undefined;
  /** The approved targets the report is bound to (audit option `approved`). */
  approved?: AuditOptions['approved'];
};

export type Evaluation = {
  choice: FrameworkChoice | null;
  /** Frameworks of the report's kind, best fit first. */
  candidates: Candidate[];
  /** 'framework': recomputed by the chosen framework; 'stated': no framework fits, the report's own scores. */
  basis: 'framework' | 'stated';
  /** The engine's result when a framework is chosen. */
  scored: ScoredReport | null;
  /** The scored tree: the engine's, or the report's own with its stated leaf scores. */
  indicators: ScoredNode[];
  total: string | null;
  grade: Grade | null;
  /** The framework's word for the grade (优秀, 合格 …), else the grade itself. */
  gradeLabel: string | null;
  statedTotal: string | null;
  statedGrade: Grade | null;
  /** The audit's findings and the evaluation's, without repeats, errors first. */
  findings: Finding[];
  /** Those of scoring and choosing alone (what a score view lists beside the audit's). */
  scoringFindings: Finding[];
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const merged = (...lists: readonly Finding[][]): Finding[] => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of lists.flat()) {
    const key = `${f.rule}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
};

const stated = (report: Report): { statedTotal: string | null; statedGrade: Grade | null } =>
  report.kind === 'project'
    ? { statedTotal: report.statedTotal?.value ?? null, statedGrade: report.statedGrade?.value ?? null }
    : {
        statedTotal: report.conclusion?.statedTotal?.value ?? null,
        statedGrade: report.conclusion?.statedGrade?.value ?? null,
      };

/** Evaluates `report` against the first fitting of `candidates` (or the fixed framework of `options`). */
export const evaluate = (
  report: Report,
  candidates: readonly Framework[],
  options: EvaluateOptions = {},
): Evaluation => {
  const { choice, candidates: ranked } = chooseFitting(report, candidates, options);
  const audit =
    options.audit === false
      ? []
      : auditReport(report, { framework: choice?.framework ?? null, approved: options.approved });
  const s = stated(report);
  if (choice) {
    const scored = scoreReport(report, choice.framework, { overrides: options.overrides ?? {} });
    return {
      choice,
      candidates: ranked,
      basis: 'framework',
      scored,
      indicators: scored.indicators,
      total: scored.total,
      grade: scored.grade,
      gradeLabel: gradeLabelOf(scored.total, gradeBandsOf(choice.framework)),
      ...s,
      findings: merged(audit, scored.findings),
      scoringFindings: scored.findings,
    };
  }
  const own = ownTree(report);
  const closest = describeCandidates(ranked);
  const none: Finding = {
    rule: 'evaluate.no-framework',
    severity: 'warning',
    message: closest
      ? `未找到适用的指标体系：最接近的是${closest}，均不足以重新计分；按报告所填得分核对`
      : '未找到适用的指标体系：没有该类报告的指标体系；按报告所填得分核对',
  };
  return {
    choice: null,
    candidates: ranked,
    basis: 'stated',
    scored: null,
    indicators: own.indicators,
    total: own.total,
    grade: own.grade,
    gradeLabel: own.grade,
    ...s,
    findings: merged([none], audit),
    scoringFindings: [none],
  };
};

/**
 * The audit alone, its leaf checks by the framework `evaluate` would choose (the `audit` command, the
 * dashboards): the same choice, without scoring.
 */
export const auditEvaluated = (
  report: Report,
  candidates: readonly Framework[],
  options: ChooseOptions & Omit<AuditOptions, 'framework'> = {},
): Finding[] =>
  auditReport(report, {
    ...options,
    framework: chooseFitting(report, candidates, options).choice?.framework ?? null,
  });
