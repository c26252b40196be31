/**
 * A report no framework fits is not rescored: its own tree is what it is judged on. Each leaf keeps its
 * stated score, a parent is the sum of its children, the total is the level-1 sum and the grade comes
 * from the default bands — never a 0 or a 差 because nothing matched. The tree's arithmetic (children
 * to parents, weights, total, grade) is checked by the audit's score-tree rules.
 */
import { type Decimal, dec, decString, sum } from '../decimal.ts';
import { projectScoringView } from '../framework/project-view.ts';
import type { Grade, IndicatorNode, Report } from '../model/index.ts';
import { gradeOf } from '../scoring/grade.ts';
import type { ScoredNode } from '../scoring/types.ts';

export type OwnTree = { indicators: ScoredNode[]; total: string | null; grade: Grade | null };

const nodeOf = (n: IndicatorNode): { node: ScoredNode; scored: boolean } => {
  const kids = n.children.map(nodeOf);
  const stated = n.statedScore ? dec(n.statedScore.value) : null;
  const weight = n.weight ? dec(n.weight.value) : sum(kids.map((k) => k.node.weight));
  const scoredKids = kids.filter((k) => k.scored);
  const computed: Decimal | null =
    kids.length > 0 && scoredKids.length > 0 ? sum(scoredKids.map((k) => k.node.computed)) : stated;
  return {
    scored: computed !== null,
    node: {
      name: n.name,
      level: n.level,
      reportName: n.name,
      weight: decString(weight),
      stated: stated === null ? null : decString(stated),
      computed: decString(computed ?? dec(0)),
      difference: stated === null || computed === null ? null : decString(computed.minus(stated)),
      rule: null,
      lost: [],
      notes: kids.length === 0 && stated !== null ? ['按报告所填得分'] : [],
      fallback: kids.length === 0,
      children: kids.map((k) => k.node),
    },
  };
};

/** The report's own tree, total and grade, as far as it states them. */
export const ownTree = (report: Report): OwnTree => {
  const view = report.kind === 'project' ? projectScoringView(report) : report;
  const tops = view.indicators.map(nodeOf);
  const statedTotal = view.conclusion?.statedTotal?.value ?? null;
  const statedGrade = view.conclusion?.statedGrade?.value ?? null;
  const scored = tops.filter((t) => t.scored);
  const total =
    scored.length > 0 ? decString(sum(scored.map((t) => t.node.computed))) : (statedTotal ?? null);
  const grade = total === null ? statedGrade : gradeOf(total);
  return { indicators: tops.map((t) => t.node), total, grade };
};
