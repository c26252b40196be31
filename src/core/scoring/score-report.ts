/**
 * Scores a report against a framework: each framework leaf is matched to the report's heading of the same
 * name, scored by its rule and rounded half-up to 2 decimals; a parent is the sum of its rounded children;
 * the grade comes from the framework's bands. Pure: the same numbers in the CLI, the server and the browser.
 */
import { type Decimal, dec, decString, roundHalfUp, sum } from '../decimal.ts';
import type { DefinedDirection } from '../direction.ts';
import type { Finding } from '../findings.ts';
import { definedDirections } from '../framework/directions.ts';
import { namesMatch } from '../framework/names.ts';
import { projectScoringView } from '../framework/project-view.ts';
import { type Framework, type FrameworkNode, gradeBandsOf } from '../framework/schema.ts';
import type { DepartmentReport, IndicatorNode, Report } from '../model/index.ts';
import { gradeOf } from './grade.ts';
import { type InputLookup, inputLookup, type Overrides } from './inputs.ts';
import { isJudgment, writtenDeduction } from './judgment.ts';
import { type LeafContext, scoreLeaf } from './rules/index.ts';
import type { LeafOutcome, Lever, LostPoints, ScoredNode, ScoredReport } from './types.ts';

export type ScoreOptions = { overrides?: Overrides };

/** Per-leaf levers (what the what-if search may move), kept beside the scored tree. */
export type ScoreTrace = { levers: { path: string; lever: Lever }[] };

type Walk = {
  report: DepartmentReport;
  input: InputLookup;
  /** The framework's per-indicator directions (`better`). */
  defined: DefinedDirection | undefined;
  overrides: Overrides;
  used: Set<IndicatorNode>;
  /** Headings scored as one leaf: sub-items a report writes under them belong to that leaf. */
  leafHeadings: Set<IndicatorNode>;
  all: IndicatorNode[];
  findings: Finding[];
  trace: ScoreTrace;
};

const flatten = (nodes: readonly IndicatorNode[], out: IndicatorNode[] = []): IndicatorNode[] => {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
};

/** The report heading for a framework node: among the matched parent's children first, then anywhere. */
const findHeading = (
  f: FrameworkNode,
  level: number,
  near: readonly IndicatorNode[],
  w: Walk,
): IndicatorNode | null => {
  const fits = (n: IndicatorNode) => !w.used.has(n) && namesMatch(n.name, f);
  // Elsewhere in the tree, a heading of the same level first: 预算编制 is both a 一级 and a 二级 name.
  const hit = near.find(fits) ?? w.all.find((n) => n.level === level && fits(n)) ?? w.all.find(fits) ?? null;
  if (hit) w.used.add(hit);
  return hit;
};

const statedOf = (name: string, n: IndicatorNode | null, w: Walk): Decimal | null => {
  const o = w.overrides.scores?.[name];
  if (o !== undefined) return dec(o);
  return n?.statedScore ? dec(n.statedScore.value) : null;
};

const clampRound = (score: Decimal, weight: Decimal): Decimal =>
  roundHalfUp(score.lt(0) ? dec(0) : score.gt(weight) ? weight : score);

/** Gives every lost-points reason its points, so that they add up to weight − score. */
const lostPoints = (o: LeafOutcome, weight: Decimal, computed: Decimal): LostPoints[] => {
  const gone = weight.minus(computed);
  if (gone.lte(0) || o.lost.length === 0) return [];
  const known = sum(o.lost.flatMap((l) => (l.points ? [l.points] : [])));
  const open = o.lost.filter((l) => !l.points);
  let left = gone.minus(known);
  return o.lost.map((l) => {
    if (l.points) return { points: decString(roundHalfUp(l.points)), reason: l.reason };
    const share = open.length === 1 ? left : roundHalfUp(gone.minus(known).div(open.length));
    const p = open.indexOf(l) === open.length - 1 ? left : share;
    left = left.minus(p);
    return { points: decString(roundHalfUp(p)), reason: l.reason };
  });
};

const node = (
  name: string,
  level: number,
  heading: IndicatorNode | null,
  weight: Decimal,
  stated: Decimal | null,
  computed: Decimal,
  more: Partial<ScoredNode>,
): ScoredNode => ({
  name,
  level,
  reportName: heading?.name ?? null,
  weight: decString(weight),
  stated: stated === null ? null : decString(stated),
  computed: decString(computed),
  difference: stated === null ? null : decString(computed.minus(stated)),
  rule: null,
  lost: [],
  notes: [],
  fallback: false,
  children: [],
  ...more,
});

const scoreFrameworkNode = (
  f: FrameworkNode,
  level: number,
  path: string[],
  near: readonly IndicatorNode[],
  w: Walk,
): ScoredNode => {
  const heading = findHeading(f, level, near, w);
  const here = [...path, f.name];
  const weight = dec(f.weight);
  const stated = statedOf(f.name, heading, w);
  if (f.children && f.children.length > 0) {
    const kids = f.children.map((c) => scoreFrameworkNode(c, level + 1, here, heading?.children ?? [], w));
    return node(f.name, level, heading, weight, stated, sum(kids.map((k) => k.computed)), { children: kids });
  }
  const rule = f.rule ?? { kind: 'manual' as const };
  if (rule.kind === 'indicator-rows' && heading && heading.children.length > 0) {
    return scoreRows(f, level, heading, weight, stated, here, w);
  }
  const ctx: LeafContext = {
    name: f.name,
    path: here.join(' / '),
    weight,
    stated,
    node: heading,
    report: w.report,
    input: w.input,
    defined: w.defined,
  };
  if (heading) w.leafHeadings.add(heading);
  const o = scoreLeaf(rule, ctx);
  const formula = clampRound(o.score, weight);
  if (rule.kind !== 'manual' && !o.fallback && stated && isJudgment(stated, formula, heading?.evidence)) {
    // A written judgment deduction below the formula's score is kept; the formula's is shown beside it.
    const d = writtenDeduction(heading?.evidence ?? '');
    const kept: LeafOutcome = {
      ...o,
      score: stated,
      lost: [{ reason: `自评扣分：${d?.reason ?? ''}` }],
      notes: [
        ...o.notes,
        `按评分规则为 ${formula.toFixed()} 分；报告写明${d?.reason ?? '扣分理由'}，按自评 ${stated.toFixed()} 分计`,
      ],
      levers: [],
    };
    return {
      ...leafNode(f.name, level, heading, weight, stated, rule.kind, kept, ctx.path, w),
      formula: decString(formula),
    };
  }
  return leafNode(f.name, level, heading, weight, stated, rule.kind, o, ctx.path, w);
};

const leafNode = (
  name: string,
  level: number,
  heading: IndicatorNode | null,
  weight: Decimal,
  stated: Decimal | null,
  kind: ScoredNode['rule'],
  o: LeafOutcome,
  path: string,
  w: Walk,
): ScoredNode => {
  const computed = clampRound(o.score, weight);
  w.findings.push(...o.findings);
  for (const lever of o.levers) w.trace.levers.push({ path, lever });
  return node(name, level, heading, weight, stated, computed, {
    rule: kind,
    lost: lostPoints(o, weight, computed),
    notes: o.notes,
    fallback: o.fallback,
  });
};

/** A heading of department-set rows (项目支出 产出/效益/满意度): its rows scored by their own weights. */
const scoreRows = (
  f: FrameworkNode,
  level: number,
  heading: IndicatorNode,
  weight: Decimal,
  stated: Decimal | null,
  path: string[],
  w: Walk,
): ScoredNode => {
  const rowWeights: Decimal[] = [];
  const walkRows = (n: IndicatorNode, lvl: number, p: string[]): ScoredNode => {
    w.used.add(n);
    const st = statedOf(n.name, n, w);
    const wt = n.weight ? dec(n.weight.value) : null;
    if (n.children.length > 0) {
      const kids = n.children.map((c) => walkRows(c, lvl + 1, [...p, n.name]));
      const s = sum(kids.map((k) => k.computed));
      return node(n.name, lvl, n, wt ?? sum(kids.map((k) => k.weight)), st, s, { children: kids });
    }
    const here = [...p, n.name].join(' / ');
    if (wt === null) {
      w.findings.push({
        rule: 'score.row-weight-missing',
        severity: 'warning',
        message: `「${here}」未填写分值，按 0 分计`,
      });
    }
    rowWeights.push(wt ?? dec(0));
    const ctx: LeafContext = {
      name: n.name,
      path: here,
      weight: wt ?? dec(0),
      stated: st,
      node: n,
      report: w.report,
      input: w.input,
      defined: w.defined,
    };
    return leafNode(
      n.name,
      lvl,
      n,
      wt ?? dec(0),
      st,
      'project-indicator',
      scoreLeaf({ kind: 'project-indicator', direction: 'auto' }, ctx),
      here,
      w,
    );
  };
  const kids = heading.children.map((c) => walkRows(c, level + 1, path));
  const total = sum(rowWeights);
  const notes: string[] = [];
  if (!total.eq(weight)) {
    notes.push(`各指标分值合计 ${total.toFixed()} 分，应为 ${weight.toFixed()} 分`);
    w.findings.push({
      rule: 'score.row-weights',
      severity: 'error',
      message: `「${path.join(' / ')}」下各指标分值合计 ${total.toFixed()} 分，不等于 ${weight.toFixed()} 分`,
      expected: weight.toFixed(),
      actual: total.toFixed(),
    });
  }
  const s = sum(kids.map((k) => k.computed));
  const computed = s.gt(weight) ? weight : s;
  if (s.gt(weight)) notes.push(`合计 ${s.toFixed()} 分超过权重，按 ${weight.toFixed()} 分计`);
  return node(f.name, level, heading, weight, stated, computed, {
    children: kids,
    rule: 'indicator-rows',
    notes,
  });
};

const unmatchedNames = (nodes: readonly IndicatorNode[], w: Walk, out: string[] = []): string[] => {
  for (const n of nodes) {
    if (!w.used.has(n)) out.push(n.name);
    if (!w.leafHeadings.has(n)) unmatchedNames(n.children, w, out);
  }
  return out;
};

/** Scores a report; also returns the levers the what-if search may move. */
export const scoreReportTraced = (
  input: Report,
  framework: Framework,
  options: ScoreOptions = {},
): { scored: ScoredReport; trace: ScoreTrace } => {
  // A 项目支出 form is scored through its indicator-tree view (framework/project-view.ts).
  const report = input.kind === 'project' ? projectScoringView(input, framework) : input;
  const overrides = options.overrides ?? {};
  const w: Walk = {
    report,
    input: inputLookup(report, overrides),
    defined: definedDirections(framework),
    overrides,
    used: new Set(),
    leafHeadings: new Set(),
    all: flatten(report.indicators),
    findings: [],
    trace: { levers: [] },
  };
  const indicators = framework.indicators.map((f) => scoreFrameworkNode(f, 1, [], report.indicators, w));
  const total = sum(indicators.map((n) => n.computed));
  const unmatched = unmatchedNames(report.indicators, w);
  for (const name of unmatched) {
    w.findings.push({
      rule: 'score.unmatched-heading',
      severity: 'info',
      message: `报告中的指标「${name}」不在框架 ${framework.id} 中，未计分`,
    });
  }
  const c = report.conclusion;
  return {
    scored: {
      framework: {
        id: framework.id,
        name: framework.name,
        version: framework.version,
        total: framework.total,
      },
      total: decString(total),
      grade: gradeOf(total, gradeBandsOf(framework)),
      statedTotal: c?.statedTotal ? c.statedTotal.value : null,
      statedGrade: c?.statedGrade ? c.statedGrade.value : null,
      indicators,
      unmatched,
      findings: w.findings,
    },
    trace: w.trace,
  };
};

/** Scores a report against a framework: the tree with stated and computed scores, total and grade. */
export const scoreReport = (report: Report, framework: Framework, options: ScoreOptions = {}): ScoredReport =>
  scoreReportTraced(report, framework, options).scored;
