/**
 * The 三公经费 sentence (actual, change against the previous year and against the budget) against its
 * parts and against the 经济性 scoring text, whose inputs must say the same: actual + decrease = budget.
 */
import { type Decimal, dec, decString, sum } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import type { DepartmentReport, IndicatorInput } from '../model/index.ts';
import { AuditCache, agree, at, treeInputs } from './support.ts';
import { inWan } from './units.ts';

const inputWan = (i: IndicatorInput): Decimal =>
  i.unit === '元' || i.unit === '亿元' ? inWan(i.value, i.unit) : dec(i.value);

const same = (a: Decimal, b: Decimal) => agree(a.toFixed(), [b.toFixed()], 2);
const money = (d: Decimal): string => `${decString(d)}万元`;

export const threePublicRules = (report: DepartmentReport, cache = new AuditCache()): Finding[] => {
  const tp = report.threePublic;
  if (!tp?.actual) return [];
  const out: Finding[] = [];
  const actual = inWan(tp.actual.value, tp.actual.unit);
  const inputs = treeInputs(report, cache);
  const scoredActual = inputs.find((i) => i.key === 'threePublicActual');
  const scoredBudget = inputs.find((i) => i.key === 'threePublicBudget');

  if (tp.parts.length > 0) {
    const partsSum = sum(tp.parts.map((p) => inWan(p.amount.value, p.amount.unit)));
    const a = same(actual, partsSum);
    if (a !== 'equal') {
      out.push(
        finding('three-public.parts', {
          severity: a === 'rounding' ? 'info' : 'error',
          message: `三公经费合计 ${money(actual)} 不等于各项之和（${tp.parts.map((p) => `${p.name} ${decString(p.amount.value)}${p.amount.unit}`).join(' + ')} = ${money(partsSum)}）`,
          expected: decString(partsSum),
          actual: decString(actual),
          locations: at(tp.actual.src, ...tp.parts.map((p) => p.amount.src)),
        }),
      );
    }
  }

  const actualDiffers = scoredActual ? same(actual, inputWan(scoredActual)) : 'equal';
  if (scoredActual && actualDiffers !== 'equal') {
    out.push(
      finding('three-public.actual', {
        severity: actualDiffers === 'rounding' ? 'info' : 'error',
        message: `三公经费决算支出：支出情况写 ${money(actual)}，经济性评分说明写 ${money(inputWan(scoredActual))}`,
        expected: decString(actual),
        actual: decString(inputWan(scoredActual)),
        locations: at(tp.actual.src, scoredActual.src),
      }),
    );
  }

  // The budget the sentence implies: actual minus the signed change against the budget.
  const vsBudget = tp.changes.find((c) => /预算/u.test(c.against));
  const stated = tp.budget ? { value: inWan(tp.budget.value, tp.budget.unit), src: tp.budget.src } : null;
  if (vsBudget) {
    const change = inWan(vsBudget.amount.value, vsBudget.amount.unit);
    const signed =
      vsBudget.direction === 'decrease' ? change.neg() : vsBudget.direction === 'same' ? dec(0) : change;
    const word = vsBudget.direction === 'decrease' ? '减少' : vsBudget.direction === 'same' ? '持平' : '增加';
    const implied = actual.minus(signed);
    const saying = `三公经费决算 ${money(actual)} 较${vsBudget.against}${word} ${money(change)}，推得预算为 ${money(implied)}`;
    // The sentence against itself, when it also states the budget.
    const self = stated ? same(stated.value, implied) : 'equal';
    if (stated && self !== 'equal') {
      out.push(
        finding('three-public.budget', {
          severity: self === 'rounding' ? 'info' : 'error',
          message: `${saying}；同一句所写预算为 ${money(stated.value)}`,
          expected: decString(implied),
          actual: decString(stated.value),
          locations: at(tp.actual.src, vsBudget.amount.src, stated.src),
        }),
      );
    }
    if (scoredBudget && self === 'equal') {
      const budget = inputWan(scoredBudget);
      const fromScoring = scoredActual ? inputWan(scoredActual).minus(signed) : implied;
      const a = same(budget, implied);
      if (a !== 'equal' && same(budget, fromScoring) !== 'equal') {
        out.push(
          finding('three-public.budget', {
            severity: a === 'rounding' ? 'info' : 'error',
            message: `${saying}；经济性评分说明中的三公经费预算为 ${money(budget)}`,
            expected: decString(implied),
            actual: decString(budget),
            locations: at(tp.actual.src, vsBudget.amount.src, scoredBudget.src),
          }),
        );
      }
    }
  } else if (stated && scoredBudget && same(stated.value, inputWan(scoredBudget)) === 'differ') {
    out.push(
      finding('three-public.budget', {
        message: `三公经费预算：支出情况写 ${money(stated.value)}，经济性评分说明写 ${money(inputWan(scoredBudget))}`,
        expected: decString(stated.value),
        actual: decString(inputWan(scoredBudget)),
        locations: at(stated.src, scoredBudget.src),
      }),
    );
  }
  return out;
};
