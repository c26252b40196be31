/** 比率: weight × rate (a percent input), capped at the weight; below `zeroBelow` the leaf earns nothing. */
import { dec } from '../../decimal.ts';
import { inputName } from '../inputs.ts';
import type { LeafOutcome } from '../types.ts';
import { fallbackToStated, type LeafContext, outcome, pct, type RuleOf } from './context.ts';

/** Rates are read as percents ("64.94" with unit %, or with no unit). */
export const scoreRate = (rule: RuleOf<'rate'>, ctx: LeafContext): LeafOutcome => {
  const v = ctx.input(rule.input, ctx.node);
  if (!v) return fallbackToStated(ctx, `数据项「${inputName(rule.input)}」`);
  const W = ctx.weight;
  const rate = v.value.lt(0) ? dec(0) : v.value;
  const levers = [
    {
      key: rule.input,
      current: v.value,
      unit: v.unit,
      direction: 'up' as const,
      bound: dec(100),
      step: dec('0.01'),
    },
  ];
  const notes = [`${v.name} ${pct(v.value)}`];
  if (rule.zeroBelow !== undefined && rate.lt(dec(rule.zeroBelow))) {
    return outcome(dec(0), {
      notes,
      levers,
      lost: [{ reason: `${v.name} ${pct(v.value)} 低于 ${rule.zeroBelow}%，不得分` }],
    });
  }
  const raw = W.times(rate).div(100);
  const score = raw.gt(W) ? W : raw;
  notes.push(`${W.toFixed()} × ${pct(rate)} = ${raw.toFixed()}${raw.gt(W) ? `，封顶 ${W.toFixed()}` : ''}`);
  const lost = score.lt(W)
    ? [{ reason: `${v.name} ${pct(v.value)}，未达 100%，按 ${W.toFixed()} × ${pct(rate)} 计分` }]
    : [];
  return outcome(score, { notes, lost, levers });
};
