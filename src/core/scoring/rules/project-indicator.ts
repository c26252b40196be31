/**
 * The per-indicator formulas of 项目支出 tables (DOMAIN.md §3.2), T = 指标值, A = 实际完成值, W = 分值:
 * positive (≥): A ≥ T → W, else A/T × W; equal (=): T = 0 → W when A ≤ 0 else 0, T > 0 as positive;
 * reverse (≤): A ≤ T → W, T < A < 2T → (1 − (A−T)/T) × W, A ≥ 2T → 0; qualitative: the stated score held
 * to the band of the 实际完成值 phrase. A negative A counts as 0.
 */
import { type Decimal, dec } from '../../decimal.ts';
import { type DefinedDirection, readDirection } from '../../direction.ts';
import { normalizeName } from '../../framework/names.ts';
import type { INDICATOR_DIRECTIONS } from '../../framework/rule-schema.ts';
import type { Measure } from '../../model/index.ts';
import { sameUnit } from '../inputs.ts';
import type { LeafOutcome } from '../types.ts';
import { fallbackToStated, type LeafContext, outcome } from './context.ts';

export type Direction = Exclude<(typeof INDICATOR_DIRECTIONS)[number], 'auto'>;

const MONEY_UNITS = new Set(['元', '万元', '亿元']);

/** The formula of a row: by its comparator, else by its name's meaning (direction.ts), else positive. */
export const directionOf = (target: Measure, name = '', defined?: DefinedDirection): Direction => {
  if (target.value === null) return 'qualitative';
  switch (readDirection(name, target, defined).op) {
    case '≤':
    case '<':
      return 'reverse';
    case '=':
      return 'equal';
    default:
      return 'positive';
  }
};

/** The score of a quantitative indicator, unrounded, within [0, W]. */
export const quantitativeScore = (
  dir: Exclude<Direction, 'qualitative'>,
  T: Decimal,
  A0: Decimal,
  W: Decimal,
): Decimal => {
  const A = A0.lt(0) ? dec(0) : A0;
  const zero = dec(0);
  if (dir === 'reverse' || (dir === 'equal' && T.lte(0))) {
    if (T.lte(0)) return A.lte(0) ? W : zero;
    if (A.lte(T)) return W;
    if (A.gte(T.times(2))) return zero;
    return dec(1).minus(A.minus(T).div(T)).times(W);
  }
  // positive, and equal with T > 0 (treated as positive by the formula)
  if (T.lte(0)) return W;
  if (A.gte(T)) return W;
  return A.div(T).times(W);
};

/** The three 实际完成值 phrases of qualitative rows and their score bands, as shares of W. */
export const QUALITATIVE_BANDS = [
  { test: /未达成|较差|未完成/, label: '未达成年度指标且效果较差', min: '0', max: '0.6' },
  { test: /部分达成|部分完成|一定效果/, label: '部分达成年度指标并具有一定效果', min: '0.6', max: '0.8' },
  { test: /达成|完成|实现|达到/, label: '达成年度指标', min: '0.8', max: '1' },
] as const;

const bandOf = (text: string) => QUALITATIVE_BANDS.find((b) => b.test.test(text));

/** Finds the target and actual of an indicator row: the goal table row of the same name, else its inputs. */
const measuresOf = (ctx: LeafContext): { target: Measure; actual: Measure } | undefined => {
  const name = normalizeName(ctx.node?.name ?? ctx.name);
  const row = ctx.report.achievements?.rows.find((r) => normalizeName(r.name.value) === name);
  if (row) return { target: row.target, actual: row.actual };
  const t = ctx.input('target', ctx.node);
  const a = ctx.input('actual', ctx.node);
  if (t && a) {
    const m = (v: typeof t): Measure => ({
      text: `${v.value.toFixed()}${v.unit ?? ''}`,
      op: null,
      value: v.value.toFixed(),
      unit: v.unit,
    });
    return { target: m(t), actual: m(a) };
  }
  return undefined;
};

export const scoreProjectIndicator = (
  direction: (typeof INDICATOR_DIRECTIONS)[number],
  ctx: LeafContext,
): LeafOutcome => {
  const W = ctx.weight;
  const m = measuresOf(ctx);
  if (!m) return fallbackToStated(ctx, '指标值和实际完成值');
  const dir =
    direction === 'auto' ? directionOf(m.target, ctx.node?.name ?? ctx.name, ctx.defined) : direction;
  const shown = `指标值 ${m.target.text}，实际完成值 ${m.actual.text}`;
  if (dir === 'qualitative' || m.actual.value === null || m.target.value === null) {
    const band = bandOf(m.actual.text);
    if (!band) return fallbackToStated(ctx, '可判断档次的实际完成值');
    const lo = W.times(band.min);
    const hi = W.times(band.max);
    const s = ctx.stated;
    const top = band.max === '1' ? hi : hi.minus('0.01');
    const score = s === null ? lo : s.lt(lo) ? lo : s.gt(top) ? top : s;
    const notes = [
      `${shown}：「${band.label}」，得分应在 ${lo.toFixed()}–${hi.toFixed()} 分${band.max === '1' ? '' : '（不含上限）'}`,
    ];
    if (s === null) notes.push('未填写得分，按档次下限计');
    else if (!s.eq(score)) notes.push(`自评得分 ${s.toFixed()} 分不在档次内，按 ${score.toFixed()} 分计`);
    const lost = score.lt(W) ? [{ reason: `${shown}（${band.label}）` }] : [];
    return outcome(score, { notes, lost });
  }
  const [ua, ut] = [m.actual.unit, m.target.unit];
  // 85个 against ≥90%: no formula applies; the stated score stands (the audit says why).
  if (ua && ut && ua !== ut && !(MONEY_UNITS.has(ua) && MONEY_UNITS.has(ut))) {
    return fallbackToStated(ctx, '单位一致的指标值和实际完成值');
  }
  const [A, T] = sameUnit(
    { value: dec(m.actual.value), unit: m.actual.unit },
    { value: dec(m.target.value), unit: m.target.unit },
  );
  const score = quantitativeScore(dir, T, A, W);
  const names = { positive: '正向', reverse: '反向', equal: '等于' } as const;
  const notes = [`${shown}，${names[dir]}指标${A.lt(0) ? '（实际值为负，按 0 计）' : ''}`];
  const miss = dir === 'reverse' || T.lte(0) ? '超过指标值' : '未达到指标值';
  const lost = score.lt(W) ? [{ reason: `${shown}，${miss}` }] : [];
  return outcome(score, { notes, lost });
};
