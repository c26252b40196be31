/**
 * The public JSON of `jixiao score` (DESIGN.md): one object per file, scores as numbers, snake_case keys.
 * `total` and `grade` are recomputed from the leaves when a framework fits (`basis: "framework"`); when
 * none fits (`basis: "stated"`, `framework: null`, the closest in `candidates`) they are the report's own
 * leaf scores added up; `stated_*` are as the report says.
 */

import type { FileScore } from '../app/score-files.ts';
import type { ScoredNode, ScoredReport } from '../core/scoring/types.ts';
import type { Change, NextGrade } from '../core/scoring/what-if.ts';

const num = (s: string | null): number | null => (s === null ? null : Number(s));

export type ScoredNodeJson = {
  name: string;
  level: number;
  report_name: string | null;
  weight: number;
  stated_score: number | null;
  score: number;
  difference: number | null;
  rule: string | null;
  lost: { points: number; reason: string }[];
  notes: string[];
  fallback: boolean;
  children: ScoredNodeJson[];
};

export const nodeJson = (n: ScoredNode): ScoredNodeJson => ({
  name: n.name,
  level: n.level,
  report_name: n.reportName,
  weight: Number(n.weight),
  stated_score: num(n.stated),
  score: Number(n.computed),
  difference: num(n.difference),
  rule: n.rule,
  lost: n.lost.map((l) => ({ points: Number(l.points), reason: l.reason })),
  notes: n.notes,
  fallback: n.fallback,
  ...(n.formula !== undefined ? { formula_score: Number(n.formula) } : {}),
  children: n.children.map(nodeJson),
});

/** Every leaf that lost points, with its path: where the points went. */
export const lostPoints = (
  nodes: readonly ScoredNode[],
  path: string[] = [],
): { indicator: string; points: string; reason: string }[] =>
  nodes.flatMap((n) =>
    n.children.length > 0
      ? lostPoints(n.children, [...path, n.name])
      : n.lost.map((l) => ({ indicator: [...path, n.name].join(' / '), points: l.points, reason: l.reason })),
  );

const changeJson = (c: Change) => ({ ...c, gain: Number(c.gain) });

const nextJson = (g: NextGrade | null) =>
  g && {
    grade: g.grade,
    min: Number(g.min),
    needed: Number(g.needed),
    single: g.single.map(changeJson),
    combined: g.combined?.map(changeJson) ?? null,
  };

const totalsJson = (s: ScoredReport) => ({ total: Number(s.total), grade: s.grade });

const share = (x: number): number => Math.round(x * 1000) / 1000;

export const fileScoreJson = (r: FileScore) => {
  if (!r.ok) return { file: r.file, error: r.message };
  const e = r.evaluation;
  const c = e.choice;
  return {
    file: r.file,
    total: num(e.total),
    grade: e.grade,
    grade_label: e.gradeLabel,
    stated_total: num(e.statedTotal),
    stated_grade: e.statedGrade,
    basis: e.basis,
    framework: c
      ? {
          id: c.framework.id,
          name: c.framework.name,
          version: c.framework.version,
          chosen: c.how,
          reason: c.reason,
          fit: share(c.fit),
        }
      : null,
    candidates: e.candidates.map((x) => ({ id: x.id, name: x.name, fit: share(x.fit) })),
    indicators: e.indicators.map(nodeJson),
    lost: lostPoints(e.indicators).map((l) => ({ ...l, points: Number(l.points) })),
    unmatched: e.scored?.unmatched ?? [],
    findings: e.scoringFindings,
    ...(r.whatIf
      ? {
          what_if: {
            set: r.whatIf.settings,
            ...totalsJson(r.whatIf.scored),
            lost: lostPoints(r.whatIf.scored.indicators).map((l) => ({ ...l, points: Number(l.points) })),
          },
        }
      : {}),
    next_grade: nextJson(r.nextGrade),
  };
};
