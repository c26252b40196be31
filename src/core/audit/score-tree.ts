/**
 * The score tree: every stated subtotal is the sum of its stated children, weights add up to the parent
 * and to 100, 0 ≤ score ≤ weight, the stated total is the sum of level 1 and the grade fits it. A
 * parent that agrees with its children once a child's own fault is corrected is not reported again:
 * one fault, one finding, at its root.
 */
import { type Decimal, dec, decimalPlaces, decString, sum } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import type { DepartmentReport, Grade, IndicatorNode, Source } from '../model/index.ts';
import { at } from './support.ts';

/** 优 90–100, 良 80–90, 中 60–80, 差 below 60 (DOMAIN.md §2). */
export const GRADE_BANDS: readonly { grade: Grade; min: number }[] = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
];
export const gradeOf = (total: Decimal): Grade => GRADE_BANDS.find((b) => total.gte(b.min))?.grade ?? '差';

/** What a leaf's score should be by its own stated inputs, when a rule says so (see leaf-inputs.ts). */
export type LeafExpectation = (node: IndicatorNode) => { expected: Decimal; finding: Finding } | null;

const nodeName = (n: IndicatorNode): string => `${n.label ?? ''}${n.name}`;

/**
 * A stated score against the sum of the children's: equal; within half a unit of the stated figure's last
 * decimal (38.6 for 38.64: 尾差); or different. A score written without decimals ("10") is exact.
 */
const fitsSum = (stated: string, total: Decimal): 'equal' | 'rounding' | 'differ' => {
  if (dec(stated).eq(total)) return 'equal';
  const p = decimalPlaces(stated);
  if (p === 0) return 'differ';
  return total.toDecimalPlaces(p).eq(dec(stated)) ? 'rounding' : 'differ';
};

const outOfRange = (n: IndicatorNode): boolean => {
  if (n.statedScore === null || n.weight === null) return false;
  // Parsed once: this is asked of every child of every scored node.
  const s = dec(n.statedScore.value);
  return s.isNegative() || s.gt(dec(n.weight.value));
};

type Walk = { out: Finding[]; leafCheck: LeafExpectation };

/** Checks a node and its subtree; returns the score the node really has (its corrected value). */
const walkScores = (node: IndicatorNode, w: Walk): Decimal | null => {
  const before = w.out.length;
  const result = walkSums(node, w);
  // A score outside 0…weight is its own finding unless its sum already says what it should be.
  let own = false;
  for (let i = before; i < w.out.length && !own; i++) {
    const f = w.out[i]!;
    own = f.rule === 'score.subtotal' && f.locations?.[0] === node.statedScore?.src;
  }
  if (node.statedScore && node.weight && !own) {
    const s = dec(node.statedScore.value);
    if (s.isNegative() || s.gt(dec(node.weight.value))) {
      w.out.push(
        finding('score.range', {
          message: `${nodeName(node)}：自评得分 ${decString(s)} 超出 0 至指标分值 ${decString(node.weight.value)} 的范围`,
          expected: `0–${decString(node.weight.value)}`,
          actual: decString(s),
          locations: at(node.statedScore.src, node.weight.src),
        }),
      );
    }
  }
  return result;
};

const walkSums = (node: IndicatorNode, w: Walk): Decimal | null => {
  const stated = node.statedScore ? dec(node.statedScore.value) : null;
  const scored = node.children.filter((c) => c.statedScore);
  if (scored.length === 0 || scored.length < node.children.length) {
    const leaf = node.children.length === 0 ? w.leafCheck(node) : null;
    if (leaf) {
      w.out.push(leaf.finding);
      return leaf.expected;
    }
    // Children without scores: walk them for their own checks, but the node stands as stated.
    for (const c of node.children) walkScores(c, w);
    return stated;
  }
  const childTrue = node.children.map((c) => walkScores(c, w) ?? dec(c.statedScore!.value));
  // A child outside 0…weight is reported there; its true score is unknown, so the sum is not checked.
  if (node.children.some(outOfRange)) return stated;
  const statedSum = sum(scored.map((c) => c.statedScore!.value));
  const trueSum = sum(childTrue);
  if (!node.statedScore) return trueSum;
  const byStated = fitsSum(node.statedScore.value, statedSum);
  const byTrue = fitsSum(node.statedScore.value, trueSum);
  if (byStated === 'equal' || byTrue === 'equal') return trueSum;
  const children = node.children.map((c) => `${c.name} ${decString(c.statedScore!.value)}`).join(' + ');
  w.out.push(
    finding('score.subtotal', {
      severity: byStated === 'rounding' || byTrue === 'rounding' ? 'info' : 'error',
      message: `${nodeName(node)}：自评得分 ${decString(node.statedScore.value)} 不等于下级得分之和（${children} = ${decString(statedSum)}）`,
      expected: decString(trueSum),
      actual: decString(node.statedScore.value),
      locations: at(node.statedScore.src, ...node.children.map((c) => c.statedScore?.src)),
    }),
  );
  return trueSum;
};

/** Weights: children add up to the parent's weight. Returns the node's real weight. */
const walkWeights = (node: IndicatorNode, out: Finding[]): Decimal | null => {
  const weighted = node.children.filter((c) => c.weight);
  if (weighted.length === 0 || weighted.length < node.children.length) {
    for (const c of node.children) walkWeights(c, out);
    return node.weight ? dec(node.weight.value) : null;
  }
  const childTrue = node.children.map((c) => walkWeights(c, out) ?? dec(c.weight!.value));
  const statedSum = sum(weighted.map((c) => c.weight!.value));
  const trueSum = sum(childTrue);
  if (!node.weight) return trueSum;
  const w = dec(node.weight.value);
  if (w.eq(statedSum) || w.eq(trueSum)) return trueSum;
  out.push(
    finding('score.weight-sum', {
      message: `${nodeName(node)}：指标分值 ${decString(w)} 不等于下级分值之和（${node.children.map((c) => `${c.name} ${decString(c.weight!.value)}`).join(' + ')} = ${decString(statedSum)}）`,
      expected: decString(trueSum),
      actual: decString(w),
      locations: at(node.weight.src, ...node.children.map((c) => c.weight?.src)),
    }),
  );
  return trueSum;
};

export const scoreTreeRules = (report: DepartmentReport, leafCheck: LeafExpectation): Finding[] => {
  const out: Finding[] = [];
  const top = report.indicators;
  if (top.length === 0) return out;
  const w: Walk = { out, leafCheck };
  const topTrue = top.map((n) => walkScores(n, w) ?? (n.statedScore ? dec(n.statedScore.value) : null));
  const topWeights = top.map((n) => walkWeights(n, out));

  if (topWeights.every((x) => x !== null) && top.every((n) => n.weight)) {
    const weights = sum(top.map((n) => n.weight!.value));
    if (!weights.eq(100) && !sum(topWeights as Decimal[]).eq(100)) {
      out.push(
        finding('score.weight-total', {
          message: `一级指标分值之和为 ${decString(weights)}（${top.map((n) => `${n.name} ${decString(n.weight!.value)}`).join(' + ')}），应为 100`,
          expected: '100',
          actual: decString(weights),
          locations: at(...top.map((n) => n.weight!.src)),
        }),
      );
    }
  }

  const c = report.conclusion;
  let shownTotal: { value: Decimal; src?: Source | undefined } | null = c?.statedTotal
    ? { value: dec(c.statedTotal.value), src: c.statedTotal.src }
    : null;
  if (c?.statedTotal && top.every((n) => n.statedScore)) {
    const statedSum = sum(top.map((n) => n.statedScore!.value));
    const trueSum = sum(topTrue.map((x, i) => x ?? dec(top[i]!.statedScore!.value)));
    const a = fitsSum(c.statedTotal.value, statedSum);
    const b = fitsSum(c.statedTotal.value, trueSum);
    if (a !== 'equal' && b !== 'equal') {
      out.push(
        finding('score.total', {
          severity: a === 'rounding' || b === 'rounding' ? 'info' : 'error',
          message: `自评结论总分 ${decString(c.statedTotal.value)} 不等于一级指标得分之和（${top.map((n) => `${n.name} ${decString(n.statedScore!.value)}`).join(' + ')} = ${decString(statedSum)}）`,
          expected: decString(trueSum),
          actual: decString(c.statedTotal.value),
          locations: at(c.statedTotal.src, ...top.map((n) => n.statedScore!.src)),
        }),
      );
      shownTotal = { value: trueSum, src: c.statedTotal.src };
    }
  }
  if (c?.statedGrade && c.statedTotal) {
    const byStated = gradeOf(dec(c.statedTotal.value));
    const byTrue = shownTotal ? gradeOf(shownTotal.value) : byStated;
    if (byStated !== c.statedGrade.value && byTrue !== c.statedGrade.value) {
      out.push(
        finding('score.grade', {
          message: `自评结论：总分 ${decString(c.statedTotal.value)} 对应等级“${byStated}”，报告写“${c.statedGrade.value}”（优 ≥90，良 80–90，中 60–80，差 <60）`,
          expected: byStated,
          actual: c.statedGrade.value,
          locations: at(c.statedGrade.src, c.statedTotal.src),
        }),
      );
    }
  }
  return out;
};
