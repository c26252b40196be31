/**
 * Scores and audits of a stored version: the framework it is scored against, the engine's tree with each
 * node's path (the key of a 审核得分), the reviewed total after the bureau's re-scores, and the audit's
 * findings with their written explanations.
 */
import { auditReport } from '../core/audit/index.ts';
import { dec, decString, sum } from '../core/decimal.ts';
import type { Finding } from '../core/findings.ts';
import { BUILTIN_FRAMEWORKS, chooseFramework, type Framework } from '../core/framework/index.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import { gradeOf, type ScoredNode, type ScoredReport, scoreReport } from '../core/scoring/index.ts';
import { findingKey } from '../core/workflow.ts';
import type { Comment, ReportFigures, Rescore } from './store.ts';

/** Below this share of matched headings the framework is not the report's: no computed total. */
const MIN_OVERLAP = 0.5;

export type Scoring = { scored: ScoredReport; overlap: number; reason: string; framework: Framework };

/** Scores against the best of `frameworks` (the built-in ones unless given; see framework-choice.ts). */
export const scoreDocument = (
  document: ReportDocument,
  frameworks: readonly Framework[] = BUILTIN_FRAMEWORKS,
): Scoring | null => {
  const choice = chooseFramework(document, frameworks);
  if (!choice) return null;
  return {
    scored: scoreReport(document, choice.framework),
    overlap: choice.overlap,
    reason: choice.reason,
    framework: choice.framework,
  };
};

/** The columns the store keeps beside each version (stated and computed totals, grade). */
export const figuresOf = (document: ReportDocument, scoring = scoreDocument(document)): ReportFigures => {
  const fits = scoring && scoring.overlap >= MIN_OVERLAP;
  const stated = scoring?.scored.statedTotal ?? null;
  return {
    statedTotal: stated === null ? null : decString(stated),
    computedTotal: fits ? decString(scoring.scored.total) : null,
    grade: fits ? scoring.scored.grade : (scoring?.scored.statedGrade ?? null),
  };
};

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
  framework: ScoredReport['framework'];
  reason: string;
  overlap: number;
  total: string;
  grade: ScoredReport['grade'];
  statedTotal: string | null;
  statedGrade: ScoredReport['statedGrade'];
  /** After the bureau's re-scores (equal to total when there are none). */
  reviewedTotal: string;
  reviewedGrade: ScoredReport['grade'];
  indicators: PathNode[];
  unmatched: string[];
  findings: Finding[];
};

export const versionScore = (scoring: Scoring, rescores: readonly Rescore[]): VersionScore => {
  const byPath = new Map(rescores.map((r) => [r.indicatorPath, r]));
  const indicators = withPaths(scoring.scored.indicators, byPath, '');
  const reviewedTotal = decString(sum(indicators.map((n) => n.reviewed)));
  const s = scoring.scored;
  return {
    framework: s.framework,
    reason: scoring.reason,
    overlap: scoring.overlap,
    total: s.total,
    grade: s.grade,
    statedTotal: s.statedTotal,
    statedGrade: s.statedGrade,
    reviewedTotal,
    reviewedGrade: gradeOf(dec(reviewedTotal)),
    indicators,
    unmatched: s.unmatched,
    findings: s.findings,
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

/** The audit's findings, each with its key and the newest written explanation given for it. */
export const auditWithExplanations = (
  document: ReportDocument,
  comments: readonly Comment[],
): ExplainedFinding[] => {
  const notes = new Map<string, Comment>();
  for (const c of comments)
    if (c.kind === 'finding-explanation' && c.findingRule) notes.set(c.findingRule, c);
  return auditReport(document).map((f) => {
    const key = findingKey(f);
    const c = notes.get(key);
    return { ...f, key, explanation: c ? { body: c.body, authorId: c.authorId, at: c.createdAt } : null };
  });
};
