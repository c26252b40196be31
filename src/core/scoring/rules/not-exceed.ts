/**
 * 不超预算: each check holds when the actual does not exceed its limit (三公经费 ≤ 预算, 公用经费决算 ≤
 * 调整预算). The leaf earns weight × held / checked; checks whose figures are missing are left out, said.
 */
import { dec } from '../../decimal.ts';
import { inputName, sameUnit, showInput } from '../inputs.ts';
import type { LeafOutcome, Lever } from '../types.ts';
import { fallbackToStated, type LeafContext, outcome, type RuleOf } from './context.ts';

export const scoreNotExceed = (rule: RuleOf<'not-exceed'>, ctx: LeafContext): LeafOutcome => {
  const W = ctx.weight;
  const notes: string[] = [];
  const lost: { reason: string }[] = [];
  const levers: Lever[] = [];
  let checked = 0;
  let held = 0;
  for (const c of rule.checks) {
    const a = ctx.input(c.actual, ctx.node);
    const l = ctx.input(c.limit, ctx.node);
    if (!a || !l) {
      notes.push(
        `缺少「${inputName(a ? c.limit : c.actual)}」，未检查「${inputName(c.actual)}不超过${inputName(c.limit)}」`,
      );
      continue;
    }
    checked++;
    const [av, lv] = sameUnit(a, l);
    if (av.lte(lv)) {
      held++;
      notes.push(`${a.name} ${showInput(a)} ≤ ${l.name} ${showInput(l)}`);
    } else {
      lost.push({ reason: `${a.name} ${showInput(a)} 超过 ${l.name} ${showInput(l)}` });
      // Moving the actual down to the limit (in the actual's own unit) restores this check.
      const ratio = lv.div(av);
      levers.push({
        key: c.actual,
        current: a.value,
        unit: a.unit,
        direction: 'down',
        bound: a.value.times(ratio),
        step: dec('0.01'),
      });
    }
  }
  if (checked === 0)
    return fallbackToStated(ctx, `「${rule.checks.map((c) => inputName(c.actual)).join('、')}」及其预算数`);
  return outcome(W.times(held).div(checked), { notes, lost, levers });
};
