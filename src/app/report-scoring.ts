/**
 * Scores and audits of a stored version: the framework it is scored against, the engine's tree with each
 * node's path (the key of a 审核得分), the reviewed total after the bureau's re-scores, and the audit's
 * findings with their written explanations.
 */
import { type AuditOptions, auditReport } from '../core/audit/index.ts';
import { dec, decString, sum } from '../core/decimal.ts';
import { chooseFitting, type EvaluateOptions, type Evaluation, evaluate } from '../core/evaluation/index.ts';
import type { Finding } from '../core/findings.ts';
import { BUILTIN_FRAMEWORKS, type Framework, gradeBandsOf } from '../core/framework/index.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import { gradeLabelOf } from '../core/scoring/grade.ts';
import { gradeOf, type ScoredNode, type ScoredReport } from '../core/scoring/index.ts';
import { findingKey } from '../core/workflow.ts';
import type { Comment, ReportFigures, Rescore } from './store.ts';

/** The one evaluation of a document (core `evaluate`); the built-in frameworks unless given. */
export const scoreDocument = (
  document: ReportDocument,
  frameworks: readonly Framework[] = BUILTIN_FRAMEWORKS,
  options: EvaluateOptions = {},
): Evaluation => evaluate(document, frameworks, options);

/**
 * The columns the store keeps beside each version: the stated total, the computed total (only when a
 * framework fits: a report no framework fits has none) and the grade the evaluation gives.
 */
export const figuresOf = (
  document: ReportDocument,
  evaluation: Evaluation = scoreDocument(document),
): ReportFigures => ({
  statedTotal: evaluation.statedTotal === null ? null : decString(evaluation.statedTotal),
  computedTotal: evaluation.basis === 'framework' ? evaluation.total : null,
  grade: evaluation.grade,
});

export type PathNode = Omit<ScoredNode, 'children'> & {
  /** Names from the top, joined by " / ": what a re-score names. */
  path: string;
  /** The bureau's 审核得分 of this leaf, or the sum of the children's reviewed scores. */
  reviewed: string;
  rescore: { score: string; reason: string; reviewerId: string | null; at: Date } | null;
  children: PathNode[];
};

export const PATH_SEPARATOR = ' / ';

const withPaths = (
  nodes: readonly ScoredNode[],
  rescores: Map<string, Rescore>,
  prefix: string,
): PathNode[] =>
  nodes.map((n) => {
    const path = prefix ? `${prefix}${PATH_SEPARATOR}${n.name}` : n.name;
    const children = withPaths(n.children, rescores, path);
    const r = rescores.get(path);
    const reviewed = r
      ? r.score
      : children.length > 0
        ? decString(sum(children.map((c) => c.reviewed)))
        : n.computed;
    return {
      ...n,
      path,
      reviewed,
      rescore: r ? { score: r.score, reason: r.reason, reviewerId: r.reviewerId, at: r.createdAt } : null,
      children,
    };
  });

export type VersionScore = {
  /** Null when no framework fits the report (see `basis`, `candidates`). */
  framework: ScoredReport['framework'] | null;
  reason: string;
  overlap: number;
  basis: Evaluation['basis'];
  candidates: Evaluation['candidates'];
  total: string | null;
  grade: ScoredReport['grade'] | null;
  /** The framework's word for the grade (优秀, 合格 …), else the grade itself. */
  gradeLabel: string | null;
  statedTotal: string | null;
  statedGrade: ScoredReport['statedGrade'];
  /** After the bureau's re-scores (equal to total when there are none). */
  reviewedTotal: string;
  reviewedGrade: ScoredReport['grade'];
  reviewedGradeLabel: string;
  indicators: PathNode[];
  unmatched: string[];
  findings: Finding[];
};

export const versionScore = (e: Evaluation, rescores: readonly Rescore[]): VersionScore => {
  const byPath = new Map(rescores.map((r) => [r.indicatorPath, r]));
  const indicators = withPaths(e.indicators, byPath, '');
  const reviewedTotal = decString(sum(indicators.map((n) => n.reviewed)));
  const fw = e.choice?.framework;
  return {
    framework: e.scored?.framework ?? null,
    reason: e.choice?.reason ?? e.scoringFindings[0]?.message ?? '',
    overlap: e.choice?.fit ?? e.candidates[0]?.fit ?? 0,
    basis: e.basis,
    candidates: e.candidates,
    total: e.total,
    grade: e.grade,
    gradeLabel: e.gradeLabel,
    statedTotal: e.statedTotal,
    statedGrade: e.statedGrade,
    reviewedTotal,
    reviewedGrade: gradeOf(dec(reviewedTotal), fw ? gradeBandsOf(fw) : undefined),
    reviewedGradeLabel: gradeLabelOf(dec(reviewedTotal), fw ? gradeBandsOf(fw) : undefined),
    indicators,
    unmatched: e.scored?.unmatched ?? [],
    findings: e.scoringFindings,
  };
};

/** Every indicator path of a scored tree (to check a re-score names a real indicator). */
export const indicatorPaths = (nodes: readonly PathNode[], out: string[] = []): string[] => {
  for (const n of nodes) {
    out.push(n.path);
    indicatorPaths(n.children, out);
  }
  return out;
};

export type ExplainedFinding = Finding & {
  key: string;
  explanation: { body: string; authorId: string | null; at: Date } | null;
};

/**
 * The audit's findings, each with its key and the newest written explanation given for it; `approved`:
 * the approved targets of the report's year (targets differing from them are findings).
 */
export const auditWithExplanations = (
  document: ReportDocument,
  comments: readonly Comment[],
  framework: Framework | null = chooseFitting(document, BUILTIN_FRAMEWORKS).choice?.framework ?? null,
  approved: AuditOptions['approved'] = null,
): ExplainedFinding[] => {
  const notes = new Map<string, Comment>();
  for (const c of comments)
    if (c.kind === 'finding-explanation' && c.findingRule) notes.set(c.findingRule, c);
  return auditReport(document, { framework, approved }).map((f) => {
    const key = findingKey(f);
    const c = notes.get(key);
    return { ...f, key, explanation: c ? { body: c.body, authorId: c.authorId, at: c.createdAt } : null };
  });
};
