/**
 * 绩效目标完成率: weight × met / total, where a goal is met only when its comparator holds for target and
 * actual (DOMAIN.md §3.3: no comparator reads as ≥, equality counts). Without a goal table the stated counts
 * (targetsMet / targetsTotal) or the stated rate are used.
 */
import { type Decimal, dec } from '../../decimal.ts';
import { type DefinedDirection, readDirection } from '../../direction.ts';
import type { AchievementRow, Comparator, Measure } from '../../model/index.ts';
import { sameUnit } from '../inputs.ts';
import type { LeafOutcome } from '../types.ts';
import { fallbackToStated, type LeafContext, outcome } from './context.ts';

export const compare = (a: Decimal, op: Comparator, b: Decimal): boolean => {
  switch (op) {
    case '≥':
      return a.gte(b);
    case '>':
      return a.gt(b);
    case '=':
      return a.eq(b);
    case '≤':
      return a.lte(b);
    case '<':
      return a.lt(b);
  }
};

const MET_WORDS = /^(已?完成|已?达成|已?实现|达到|是)$/;
const UNMET_WORDS = /未|没有|否|部分/;

/**
 * Whether a goal row is met: by its numbers when both are numeric, else by the stated status word.
 * null when neither tells (a qualitative row without status).
 */
export const targetMet = (
  row: Pick<AchievementRow, 'target' | 'actual' | 'status'> & { name?: AchievementRow['name'] },
  defined?: DefinedDirection,
): boolean | null => {
  const s = row.status?.value.trim();
  const stated = !s ? null : UNMET_WORDS.test(s) ? false : MET_WORDS.test(s) ? true : null;
  if (row.target.value !== null && row.actual.value !== null) {
    // The same reading as the audit's (direction.ts): an assumed "at least" does not overrule a status.
    const reading = readDirection(row.name?.value ?? '', row.target, defined);
    if (reading.by === 'assumed' && stated !== null) return stated;
    return measureMet(row.target, row.actual, reading.op);
  }
  return stated;
};

/** target and actual both numeric: actual (op) target; op as written, else ≥. */
export const measureMet = (target: Measure, actual: Measure, op: Comparator = target.op ?? '≥'): boolean => {
  const [a, t] = sameUnit(
    { value: dec(actual.value ?? '0'), unit: actual.unit },
    { value: dec(target.value ?? '0'), unit: target.unit },
  );
  return compare(a, op, t);
};

const describe = (r: AchievementRow): string =>
  `${r.name.value}（目标 ${r.target.text}，实际 ${r.actual.text}）`;

export const scoreTargetCompletion = (ctx: LeafContext): LeafOutcome => {
  const W = ctx.weight;
  const rows = ctx.report.achievements?.rows ?? [];
  const setMet = ctx.input('targetsMet', null);
  const setTotal = ctx.input('targetsTotal', null);
  let met: Decimal | undefined;
  let total: Decimal | undefined;
  const lost: { reason: string }[] = [];
  const notes: string[] = [];
  if (rows.length > 0) {
    const judged = rows.map((r) => ({ r, met: targetMet(r, ctx.defined) }));
    const unknown = judged.filter((j) => j.met === null);
    if (unknown.length === 0) {
      met = dec(judged.filter((j) => j.met).length);
      total = dec(rows.length);
      notes.push(`按绩效目标实现情况表：${rows.length} 个目标，完成 ${met.toFixed()} 个`);
      const missed = judged.filter((j) => !j.met).map((j) => describe(j.r));
      if (missed.length) lost.push({ reason: `未完成目标：${missed.join('；')}` });
    } else {
      notes.push(
        `目标表中 ${unknown.length} 个目标无法判断是否完成：${unknown.map((j) => j.r.name.value).join('、')}`,
      );
    }
  }
  // What-if counts override the table; stated counts stand in when there is no usable table.
  if (setMet?.from === 'set' || met === undefined) met = setMet?.value ?? met;
  if (setTotal?.from === 'set' || total === undefined) total = setTotal?.value ?? total;
  const counts = met !== undefined && total?.gt(0) ? { met: met.lt(0) ? dec(0) : met, total } : undefined;
  let rate = counts
    ? counts.met.div(counts.total).times(100)
    : ctx.input('targetCompletionRate', ctx.node)?.value;
  if (rate === undefined) return fallbackToStated(ctx, '绩效目标完成数据（目标表或目标数、完成数）');
  if (rate.lt(0)) rate = dec(0);
  // W × met / total directly when counted, so 3 × 13/15 is exactly 2.6.
  const raw = counts ? W.times(counts.met).div(counts.total) : W.times(rate).div(100);
  const score = raw.gt(W) ? W : raw;
  const shown = rate.toDecimalPlaces(2).toFixed(2);
  const ratio = counts ? `${counts.met.toFixed()}/${counts.total.toFixed()} = ` : '';
  notes.push(`绩效目标完成率 ${ratio}${shown}%，${W.toFixed()} × ${shown}%`);
  if (score.lt(W) && lost.length === 0) lost.push({ reason: `绩效目标完成率 ${shown}%，未全部完成` });
  const levers = counts
    ? [
        {
          key: 'targetsMet',
          current: counts.met,
          unit: '个',
          direction: 'up' as const,
          bound: counts.total,
          step: dec(1),
        },
      ]
    : [];
  return outcome(score, { notes, lost, levers });
};
