/**
 * "What would this do to our grade?": `--set 名称=值` parsed into overrides, and the smallest changes that
 * would lift a report to the next grade, found by re-scoring with the engine itself (so every rule's own
 * rounding and caps hold).
 */
import { type Decimal, dec, decString, roundHalfUp } from '../decimal.ts';
import type { Framework, FrameworkNode } from '../framework/schema.ts';
import { gradeBandsOf } from '../framework/schema.ts';
import { INPUT_TERMS, inputKeyOf } from '../glossary.ts';
import type { Grade } from '../model/department-report.ts';
import type { Report } from '../model/index.ts';
import { type Failure, failure, ok, type Result } from '../result.ts';
import { nextBand } from './grade.ts';
import { inputName, type Overrides } from './inputs.ts';
import { scoreReportTraced } from './score-report.ts';
import type { Lever, ScoredNode } from './types.ts';

/** One `--set`: an input by key, or a leaf's self-assessed score by its name. */
export type Setting =
  | { kind: 'input'; key: string; name: string; value: string; unit: string | null }
  | { kind: 'score'; name: string; value: string };

const VALUE = /^\s*(-?\d+(?:\.\d+)?)\s*(%|％|万元|亿元|元|个|分)?\s*$/;

/** The framework leaf a name (or alias) stands for. */
const leafNamed = (nodes: readonly FrameworkNode[], name: string): FrameworkNode | undefined => {
  for (const n of nodes) {
    const hit = n.children?.length
      ? leafNamed(n.children, name)
      : [n.name, ...(n.aliases ?? [])].includes(name)
        ? n
        : undefined;
    if (hit) return hit;
  }
  return undefined;
};

/** Reads `政府采购执行率=90%`, `procurementRate=90`, `效果性=18` (a manual leaf's score). */
export const parseSetting = (
  expr: string,
  framework: Framework,
): Result<Setting, Failure<'setting.invalid'>> => {
  const eq = expr.search(/[=＝]/);
  if (eq <= 0)
    return failure('setting.invalid', `--set 应写成 名称=值，实为「${expr}」`, 'expected NAME=VALUE');
  const name = expr.slice(0, eq).trim();
  const m = expr.slice(eq + 1).match(VALUE);
  if (!m)
    return failure('setting.invalid', `--set ${name} 的值「${expr.slice(eq + 1)}」不是数字`, 'not a number');
  const value = m[1]!;
  const unit = m[2] === '％' ? '%' : (m[2] ?? null);
  const key = Object.hasOwn(INPUT_TERMS, name) ? name : inputKeyOf(name);
  if (key) return ok({ kind: 'input', key, name: inputName(key), value, unit: unit ?? '%' });
  const leaf = leafNamed(framework.indicators, name);
  if (leaf) return ok({ kind: 'score', name: leaf.name, value });
  return failure(
    'setting.invalid',
    `--set 不认识「${name}」：应为数据项（如 政府采购执行率）或框架 ${framework.id} 的末级指标名称`,
    'unknown name',
  );
};

export const overridesOf = (settings: readonly Setting[]): Overrides => {
  const inputs: Record<string, { value: string; unit: string | null }> = {};
  const scores: Record<string, string> = {};
  for (const s of settings) {
    if (s.kind === 'input') inputs[s.key] = { value: s.value, unit: s.unit };
    else scores[s.name] = s.value;
  }
  return { inputs, scores };
};

/** One change that helps reach the next grade. */
export type Change = {
  /** The indicator path, 一级 / 二级 / 三级. */
  indicator: string;
  /** The input key moved, or null for a self-assessed score. */
  key: string | null;
  name: string;
  from: string;
  to: string;
  unit: string | null;
  /** Points it adds to the total. */
  gain: string;
};

export type NextGrade = {
  grade: Grade;
  min: string;
  /** Points still missing. */
  needed: string;
  /** Changes each of which alone reaches the grade, the smallest share of its headroom first. */
  single: Change[];
  /** When no single change is enough: a set of changes that together reach it, or null when none can. */
  combined: Change[] | null;
};

type Candidate = {
  path: string;
  name: string;
  key: string | null;
  unit: string | null;
  from: Decimal;
  /** The overrides with this candidate moved to `at` (within [from, bound]). */
  apply: (base: Overrides, at: Decimal) => Overrides;
  bound: Decimal;
  step: Decimal;
  dir: 1 | -1;
};

const withInput = (o: Overrides, key: string, v: Decimal, unit: string | null): Overrides => ({
  inputs: { ...o.inputs, [key]: { value: decString(v), unit } },
  scores: { ...o.scores },
});
const withScore = (o: Overrides, name: string, v: Decimal): Overrides => ({
  inputs: { ...o.inputs },
  scores: { ...o.scores, [name]: decString(v) },
});

const manualLeaves = (
  nodes: readonly ScoredNode[],
  path: string[],
  out: { path: string; node: ScoredNode }[] = [],
) => {
  for (const n of nodes) {
    const here = [...path, n.name];
    if (n.children.length) manualLeaves(n.children, here, out);
    else if (n.rule === 'manual' && dec(n.computed).lt(dec(n.weight)))
      out.push({ path: here.join(' / '), node: n });
  }
  return out;
};

/** The smallest number of steps k in [1, n] with reach(k), or undefined when even n does not reach. */
const smallestStep = (n: number, reach: (k: number) => boolean): number | undefined => {
  if (n < 1 || !reach(n)) return undefined;
  let lo = 1;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

/** The smallest changes that lift the report to the next grade band; null when it is at the top band. */
export const nextGradeChanges = (
  report: Report,
  framework: Framework,
  overrides: Overrides = {},
): NextGrade | null => {
  const { scored, trace } = scoreReportTraced(report, framework, { overrides });
  const total = dec(scored.total);
  const band = nextBand(total, gradeBandsOf(framework));
  if (!band) return null;
  const goal = dec(band.min);
  const score = (o: Overrides) => dec(scoreReportTraced(report, framework, { overrides: o }).scored.total);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const { path, lever } of trace.levers) {
    if (seen.has(lever.key)) continue;
    seen.add(lever.key);
    candidates.push(leverCandidate(path, lever));
  }
  for (const { path, node } of manualLeaves(scored.indicators, [])) {
    candidates.push({
      path,
      name: `${node.name}自评得分`,
      key: null,
      unit: '分',
      from: dec(node.computed),
      bound: dec(node.weight),
      step: dec('0.01'),
      dir: 1,
      apply: (base, at) => withScore(base, node.name, at),
    });
  }
  const changeTo = (c: Candidate, at: Decimal, gainFrom: Decimal, base: Overrides): Change => ({
    indicator: c.path,
    key: c.key,
    name: c.name,
    from: decString(c.from),
    to: decString(at),
    unit: c.unit,
    gain: decString(score(c.apply(base, at)).minus(gainFrom)),
  });
  const minimal = (c: Candidate, base: Overrides): Decimal | undefined => {
    const n = c.bound.minus(c.from).abs().div(c.step).ceil().toNumber();
    const at = (k: number) => {
      const v = c.from.plus(c.step.times(k).times(c.dir));
      return c.dir > 0 ? (v.gt(c.bound) ? c.bound : v) : v.lt(c.bound) ? c.bound : v;
    };
    const k = smallestStep(n, (k) => score(c.apply(base, at(k))).gte(goal));
    return k === undefined ? undefined : at(k);
  };
  const single: { change: Change; share: Decimal }[] = [];
  const needed = goal.minus(total);
  for (const c of candidates) {
    // A self-assessed score adds to the total point for point: no search needed.
    const at =
      c.key === null
        ? c.from.plus(needed).lte(c.bound)
          ? c.from.plus(needed)
          : undefined
        : minimal(c, overrides);
    if (!at) continue;
    const room = c.bound.minus(c.from).abs();
    single.push({
      change: changeTo(c, at, total, overrides),
      share: room.isZero() ? dec(1) : at.minus(c.from).abs().div(room),
    });
  }
  single.sort((a, b) => a.share.comparedTo(b.share));
  let combined: Change[] | null = null;
  if (single.length === 0) combined = combine(candidates, overrides, total, score, minimal, changeTo);
  return {
    grade: band.grade,
    min: band.min,
    needed: decString(roundHalfUp(needed)),
    single: single.map((s) => s.change),
    combined,
  };
};

const leverCandidate = (path: string, lever: Lever): Candidate => ({
  path,
  name: inputName(lever.key),
  key: lever.key,
  unit: lever.unit,
  from: lever.current,
  bound: lever.direction === 'up' ? lever.bound : lever.bound.toDecimalPlaces(2, 1 /* ROUND_DOWN */),
  step: lever.step,
  dir: lever.direction === 'up' ? 1 : -1,
  apply: (base, at) => withInput(base, lever.key, at, lever.unit),
});

/** Greedy: move the candidates that gain most to their bounds until the goal is in reach, the last minimally. */
const combine = (
  candidates: Candidate[],
  base: Overrides,
  total: Decimal,
  score: (o: Overrides) => Decimal,
  minimal: (c: Candidate, o: Overrides) => Decimal | undefined,
  changeTo: (c: Candidate, at: Decimal, gainFrom: Decimal, o: Overrides) => Change,
): Change[] | null => {
  const byGain = candidates
    .map((c) => ({ c, gain: score(c.apply(base, c.bound)).minus(total) }))
    .filter((x) => x.gain.gt(0))
    .sort((a, b) => b.gain.comparedTo(a.gain));
  let o = base;
  let now = total;
  const out: Change[] = [];
  for (const { c } of byGain) {
    const at = minimal(c, o);
    const to = at ?? c.bound;
    out.push(changeTo(c, to, now, o));
    o = c.apply(o, to);
    now = score(o);
    if (at) return out;
  }
  return null;
};
