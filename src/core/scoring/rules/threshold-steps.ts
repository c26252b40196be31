/** 分档: the first configured step that holds for the input decides the share of the weight. */
import { dec } from '../../decimal.ts';
import { inputName, showInput } from '../inputs.ts';
import type { LeafOutcome, Lever } from '../types.ts';
import { fallbackToStated, type LeafContext, outcome, type RuleOf } from './context.ts';
import { compare } from './target-completion.ts';

export const scoreThresholdSteps = (rule: RuleOf<'threshold-steps'>, ctx: LeafContext): LeafOutcome => {
  const v = ctx.input(rule.input, ctx.node);
  if (!v) return fallbackToStated(ctx, `数据项「${inputName(rule.input)}」`);
  const W = ctx.weight;
  // A bound such as 超90% is scored at its value: for steps of the same direction that is the safe reading.
  const shown = `${v.name} ${showInput(v)}`;
  const hit = rule.steps.find((s) => compare(v.value, s.op, dec(s.value)));
  const ratio = dec(hit ? hit.ratio : (rule.otherwise ?? '0'));
  const score = W.times(ratio);
  const band = hit ? `${hit.op}${hit.value}` : '其余情况';
  const notes = [`${shown}，属「${band}」档，得 ${ratio.times(100).toFixed()}%`];
  const best = rule.steps[0]!;
  const lost = ratio.lt(1) ? [{ reason: `${shown}，未达到满分档「${best.op}${best.value}」` }] : [];
  const levers: Lever[] = [];
  const up = best.op === '≥' || best.op === '>';
  const down = best.op === '≤' || best.op === '<';
  if (ratio.lt(1) && (up || down)) {
    // The best step's boundary is as far as the input ever needs to move.
    const edge = dec(best.value);
    const step = dec('0.01');
    levers.push({
      key: rule.input,
      current: v.value,
      unit: v.unit,
      direction: up ? 'up' : 'down',
      bound: best.op === '>' ? edge.plus(step) : best.op === '<' ? edge.minus(step) : edge,
      step,
    });
  }
  return outcome(score, { notes, lost, levers });
};
