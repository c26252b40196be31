/**
 * Quantitative leaves against the inputs their evidence states (政府采购执行率 64.94% × 4 → 2.6;
 * 已实现13个 / 目标共15个 × 3 → 2.60), and the stated target counts and rate against the statuses of the
 * achievement table.
 */
import { type Decimal, dec, decimalPlaces, decString, roundHalfUp } from '../decimal.ts';
import type { DefinedDirection } from '../direction.ts';
import { type Finding, finding } from '../findings.ts';
import { definedDirections } from '../framework/directions.ts';
import { normalizeName } from '../framework/names.ts';
import type { Rule } from '../framework/rule-schema.ts';
import type { Framework, FrameworkNode } from '../framework/schema.ts';
import type { DepartmentReport, IndicatorNode } from '../model/index.ts';
import { inputLookup, scoreLeaf } from '../scoring/index.ts';
import { isJudgment } from '../scoring/judgment.ts';
import { statedMet } from './measure.ts';
import type { LeafExpectation } from './score-tree.ts';
import { AuditCache, at, treeInputs } from './support.ts';
import { metByRow } from './targets.ts';

type Quantitative = Extract<Rule, { kind: 'rate' | 'target-completion' }>;

const flatFramework = (nodes: readonly FrameworkNode[]): FrameworkNode[] =>
  nodes.flatMap((n) => [n, ...flatFramework(n.children ?? [])]);

/** A framework's leaves by every normalized name they go by; frameworks are immutable, so kept. */
const leafIndex = new WeakMap<Framework, Map<string, FrameworkNode>>();
const leavesOf = (f: Framework): Map<string, FrameworkNode> => {
  let m = leafIndex.get(f);
  if (!m) {
    m = new Map();
    for (const leaf of flatFramework(f.indicators).filter((x) => !x.children?.length)) {
      for (const name of [leaf.name, ...(leaf.aliases ?? [])]) {
        const key = normalizeName(name);
        if (!m.has(key)) m.set(key, leaf);
      }
    }
    leafIndex.set(f, m);
  }
  return m;
};

/**
 * The scoring rule of each quantitative leaf: the framework's when the report is evaluated against one
 * (chosen by `evaluate`, which decides whether it fits), else inferred from the inputs the leaf states.
 */
const rulesFor = (framework: Framework | null): ((n: IndicatorNode) => Quantitative | null) => {
  const leaves = framework ? leavesOf(framework) : null;
  return (n) => {
    const f = leaves?.get(normalizeName(n.name));
    if (f) return f.rule?.kind === 'rate' || f.rule?.kind === 'target-completion' ? f.rule : null;
    // Without the framework's word, a rule is inferred only for a leaf named after its input
    // (政府采购执行率 under 政府采购执行情况), never for a heading that merely quotes a rate.
    if (n.children.length > 0 || n.level === 1 || leaves) return null;
    const own = normalizeName(n.name);
    const has = (k: string) =>
      n.inputs.some(
        (i) =>
          i.key === k &&
          (own.includes(normalizeName(i.name).slice(0, 4)) || normalizeName(i.name).includes(own)),
      );
    if (has('targetsTotal') || has('targetCompletionRate')) return { kind: 'target-completion' };
    for (const input of ['procurementRate', 'budgetCompletionRate'] as const) {
      if (has(input)) return { kind: 'rate', input };
    }
    return null;
  };
};

const describeInputs = (n: IndicatorNode): string =>
  n.inputs.map((i) => `${i.name} ${decString(i.value)}${i.unit ?? ''}`).join('、');

/** Counts of met targets in the achievement table: by stated status, and by target and actual. */
export const metCounts = (
  report: DepartmentReport,
  defined: DefinedDirection | undefined,
  cache: AuditCache,
): { rows: number; counts: number[] } => cache.once('met-counts', () => countMet(report, defined, cache));

const countMet = (
  report: DepartmentReport,
  defined: DefinedDirection | undefined,
  cache: AuditCache,
): { rows: number; counts: number[] } => {
  const rows = report.achievements?.rows ?? [];
  const computed = metByRow(report, defined, cache);
  const byStatus = rows.map((r) => statedMet(r.status?.value));
  const counts: number[] = [];
  if (byStatus.every((x) => x !== null)) counts.push(byStatus.filter((x) => x).length);
  if ([...computed.values()].every((x) => x !== null))
    counts.push([...computed.values()].filter((x) => x).length);
  return { rows: rows.length, counts };
};

/**
 * Leaf check for the score tree, by the scoring engine's own rule: a warning, since the scoring rule is
 * the framework's choice. A target-rate leaf that fits the achievement table's stated statuses is not
 * blamed for a contradiction between a status and its figures (that is reported at the row).
 */
export const leafCheckFor = (
  report: DepartmentReport,
  framework: Framework | null,
  cache = new AuditCache(),
): LeafExpectation => {
  const defined = definedDirections(framework);
  const { rows, counts } = metCounts(report, defined, cache);
  const ruleOf = rulesFor(framework);
  const lookup = inputLookup(report);
  return (n) => {
    const rule = ruleOf(n);
    if (!rule || !n.statedScore || !n.weight) return null;
    const w = dec(n.weight.value);
    const stated = dec(n.statedScore.value);
    const o = scoreLeaf(rule, {
      name: n.name,
      path: n.name,
      weight: w,
      stated,
      node: n,
      report,
      input: lookup,
      defined,
    });
    if (o.fallback) return null;
    const raw = o.score.lt(0) ? dec(0) : o.score.gt(w) ? w : o.score;
    const computed = roundHalfUp(raw, 2);
    const places = Math.max(decimalPlaces(n.statedScore.value), 1);
    const fits = (v: Decimal) => stated.eq(v) || roundHalfUp(v, places).eq(stated);
    // 9.947 shown as 9.9 is right: round the unrounded score to the places the report writes.
    if (fits(computed) || fits(raw)) return null;
    // Below the formula with a written reason (因…扣2.5分): a judgment the reviewer respects.
    if (isJudgment(stated, computed, n.evidence)) return null;
    if (rule.kind === 'target-completion' && rows > 0) {
      if (counts.some((k) => fits(roundHalfUp(dec(k).div(rows).times(w), 2)))) return null;
    }
    const how = o.notes.at(-1) ?? describeInputs(n);
    return {
      expected: computed,
      finding: finding('score.leaf-inputs', {
        message: `${n.label ?? ''}${n.name}：自评得分 ${decString(stated)}，按评分规则（${how}）应为 ${decString(computed)}`,
        expected: decString(computed),
        actual: decString(stated),
        locations: at(n.statedScore.src, n.weight.src, ...n.inputs.map((i) => i.src)),
      }),
    };
  };
};

/** 目标共N个, 已实现k个, 完成率r% against each other and against the achievement table. */
export const targetCountRules = (
  report: DepartmentReport,
  defined?: DefinedDirection,
  cache = new AuditCache(),
): Finding[] => {
  const out: Finding[] = [];
  const inputs = treeInputs(report, cache);
  const total = inputs.find((i) => i.key === 'targetsTotal');
  const met = inputs.find((i) => i.key === 'targetsMet');
  const rate = inputs.find((i) => i.key === 'targetCompletionRate');
  const rows = report.achievements?.rows ?? [];
  const byRow = metByRow(report, defined, cache);
  const { counts } = metCounts(report, defined, cache);

  // The targets are those of the achievement table, or of the target table when that is all there is.
  const listed = rows.length > 0 ? rows.length : (report.targets?.rows.length ?? 0);
  const table = rows.length > 0 ? report.achievements : report.targets;
  if (total && listed > 0 && !dec(total.value).eq(listed)) {
    out.push(
      finding('score.targets-total', {
        message: `绩效目标完成率说明写目标共 ${decString(total.value)} 个，${rows.length > 0 ? '目标实现情况表' : '绩效目标表'}列有 ${listed} 项`,
        expected: String(listed),
        actual: decString(total.value),
        locations: at(total.src, table?.title?.src),
      }),
    );
  }
  const metCount = counts[counts.length - 1];
  if (met && rows.length > 0 && metCount !== undefined && !counts.some((k) => dec(met.value).eq(k))) {
    out.push(
      finding('score.targets-met', {
        message: `绩效目标完成率说明写已实现 ${decString(met.value)} 个，目标实现情况表中完成的有 ${metCount} 项`,
        expected: String(metCount),
        actual: decString(met.value),
        locations: at(met.src, ...rows.filter((r) => byRow.get(r) === false).map((r) => r.status?.src)),
      }),
    );
  }
  if (rate && total && met && !dec(total.value).isZero()) {
    const exact = dec(met.value).div(dec(total.value)).times(100);
    const places = decimalPlaces(rate.value);
    const fits = (x: Decimal) =>
      roundHalfUp(x, places).eq(dec(rate.value)) || roundHalfUp(x, 2).eq(dec(rate.value));
    // A rate that fits the achievement table's own counts is right; the stated count is what is wrong.
    const byTable = rows.length > 0 ? counts.map((k) => dec(k).div(rows.length).times(100)) : [];
    if (!fits(exact) && !byTable.some(fits)) {
      out.push(
        finding('score.targets-rate', {
          message: `绩效目标完成率写 ${decString(rate.value)}%，而已实现 ${decString(met.value)} / 目标 ${decString(total.value)} = ${roundHalfUp(exact, 2).toFixed(2)}%`,
          expected: roundHalfUp(exact, 2).toFixed(2),
          actual: decString(rate.value),
          locations: at(rate.src, met.src, total.src),
        }),
      );
    }
  }
  return out;
};
