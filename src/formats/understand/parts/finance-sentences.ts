/**
 * The income and expenditure sentences of 部门整体支出情况: "预算收入A万元，调整预算数B万元，决算数C万元。
 * 其中，财政拨款…；年初结转和结余…" and "预算支出A万元，决算支出X万元（其中，基本支出…，项目支出…），
 * 年末结转和结余Y万元".
 */
import { Decimal } from 'decimal.js';
import type { DepartmentReport, Money } from '../../../core/model/index.ts';
import { type Para, srcOf } from '../blocks.ts';
import { type MoneyHit, moneyIn } from '../numbers.ts';
import { missing, type ReadContext, warn } from './context.ts';

type Income = NonNullable<DepartmentReport['income']>;
type Expenditure = NonNullable<DepartmentReport['expenditure']>;
type Slot = 'budget' | 'adjusted' | 'final';

export const moneyOf = (p: Para, h: MoneyHit): Money => ({
  value: h.value,
  unit: h.unit,
  src: srcOf(p, h.start, h.end),
});

/** What the words before a figure call it: 调整预算 → adjusted, 决算 → final, 预算 → budget. */
const slotOf = (label: string): Slot | null => {
  if (/调整/.test(label)) return 'adjusted';
  if (/决算|实际|完成|执行/.test(label)) return 'final';
  if (/预算|年初/.test(label)) return 'budget';
  return null;
};

const CHANGE = /增加|减少|增长|下降|同比|较上年|比上年|上升|持平/;

/** Assigns each figure of a clause to budget/adjusted/final by its label; an unlabeled one to the first free slot. */
const slots = (
  p: Para,
  text: string,
  hits: readonly MoneyHit[],
  from: number,
): Record<Slot, Money | null> => {
  const out: Record<Slot, Money | null> = { budget: null, adjusted: null, final: null };
  let prev = from;
  for (const h of hits) {
    const label =
      text
        .slice(prev, h.start)
        .split(/[，,；;。]/)
        .pop() ?? '';
    prev = h.end;
    // A change (同比增加 402.30万元, 较上年减少) is no budget, adjusted or final figure.
    if (CHANGE.test(label)) continue;
    const slot = slotOf(label) ?? (['budget', 'adjusted', 'final'] as const).find((s) => !out[s]);
    if (slot && !out[slot]) out[slot] = moneyOf(p, h);
  }
  return out;
};

const INCOME_PARTS: readonly [Income['components'][number]['key'], RegExp][] = [
  ['fiscal', /一般公共预算(?:财政)?拨款(?:收入)?|财政拨款(?:收入)?|财政补助(?:收入)?/g],
  ['carryOverStart', /(?:年初|上年)结转(?:和|及|与)?结余|(?:年初|上年)结转|年初结余/g],
  [
    'other',
    /(?:事业|经营|其他|附属单位上缴|上级补助|政府性基金(?:预算)?(?:拨款)?|国有资本经营(?:预算)?(?:拨款)?)收入/g,
  ],
];

const pick = (paras: readonly Para[], re: RegExp, not?: RegExp): Para | undefined =>
  paras.find((p) => re.test(p.text) && !not?.test(p.text) && moneyIn(p.text).length > 0 && !p.tableTitle);

export const readIncome = (ctx: ReadContext, paras: readonly Para[]): Income | null => {
  const p = pick(paras, /收入/, /三公/);
  if (!p) {
    missing(ctx, 'income', ctx.headings.income?.src);
    return null;
  }
  const text = p.text;
  const split = text.search(/其中/);
  const headEnd = split < 0 ? text.length : split;
  const head = slots(p, text, moneyIn(text, 0, headEnd), 0);
  const names: { key: Income['components'][number]['key']; name: string; start: number; end: number }[] = [];
  if (split >= 0) {
    for (const [key, re] of INCOME_PARTS) {
      re.lastIndex = split;
      for (const m of text.matchAll(re)) {
        if (m.index < split || names.some((n) => m.index < n.end && n.start < m.index + m[0].length))
          continue;
        names.push({ key, name: m[0], start: m.index, end: m.index + m[0].length });
      }
    }
  }
  names.sort((a, b) => a.start - b.start);
  const components = names.map((n, i) => {
    const end = names[i + 1]?.start ?? text.length;
    const s = slots(p, text, moneyIn(text, n.end, end), n.end);
    return { key: n.key, name: n.name, ...s };
  });
  afterFinal(components, head);
  if (!head.budget && !head.adjusted && !head.final)
    warn(ctx, 'read.value-missing', '部门整体收入句中未读到预算数、调整预算数或决算数', [srcOf(p)]);
  return { year: yearFact(p), ...head, components, src: srcOf(p) };
};

/**
 * "…决算数C万元，其中财政拨款收入A万元，上年结转B万元": figures without a label of their own follow the
 * figure the 其中 comes after. Told by the amounts: when one is larger than the budget it cannot be a
 * part of it, and the unlabeled figures are all the final's.
 */
const afterFinal = (components: Income['components'], head: Record<Slot, Money | null>): void => {
  const only = components.filter((c) => c.budget && !c.adjusted && !c.final);
  const { budget, final } = head;
  if (!budget || !final) return;
  const over = only.some(
    (c) => new Decimal(c.budget!.value).gt(budget.value) && new Decimal(c.budget!.value).lte(final.value),
  );
  if (!over) return;
  for (const c of only) {
    c.final = c.budget;
    c.budget = null;
  }
};

const yearFact = (p: Para): Income['year'] => {
  const m = /(\d{4})\s*年/.exec(p.text);
  return m ? { value: Number(m[1]), src: srcOf(p, m.index, m.index + 4) } : null;
};

const EXPENDITURE_PARTS: readonly [Expenditure['parts'][number]['key'], RegExp][] = [
  ['basic', /基本支出/],
  ['project', /项目支出/],
  ['remitted', /上缴上级支出/],
  ['business', /经营支出/],
  ['affiliates', /对附属单位补助支出/],
];

const CARRY_OVER_END = /年末结转(?:和|及|与)?结余(?:资金)?|年末结余/;

export const readExpenditure = (ctx: ReadContext, paras: readonly Para[]): Expenditure | null => {
  const p = pick(paras, /支出/, /三公|收入/);
  if (!p) {
    missing(ctx, 'expenditure', ctx.headings.expenditure?.src);
    return null;
  }
  const text = p.text;
  const hits = moneyIn(text);
  // The 其中 parts: inside the parentheses that hold 其中, or up to the next ；。 or 年末结转.
  const q = text.search(/其中/);
  let partsEnd = -1;
  if (q >= 0) {
    const open =
      text.lastIndexOf('（', q) > text.lastIndexOf('）', q) ||
      text.lastIndexOf('(', q) > text.lastIndexOf(')', q);
    const close = open ? text.slice(q).search(/[）)]/) : -1;
    const stop = text.slice(q).search(/[；;。]|年末结转|年末结余/);
    partsEnd = q + (close >= 0 ? close : stop >= 0 ? stop : text.length - q);
  }
  const parts: Expenditure['parts'] = [];
  let carryOverEnd: Money | null = null;
  const head: MoneyHit[] = [];
  let prev = 0;
  for (const h of hits) {
    const label =
      text
        .slice(prev, h.start)
        .split(/[，,；;。（(]/)
        .pop() ?? '';
    prev = h.end;
    if (CARRY_OVER_END.test(label)) carryOverEnd ??= moneyOf(p, h);
    else if (q >= 0 && h.start > q && h.start < partsEnd) {
      const known = EXPENDITURE_PARTS.find(([, re]) => re.test(label));
      const name = label.replace(/^(?:其中|其)[，,：:]?/, '').replace(/(?:为|是|共)$/, '');
      parts.push({ key: known?.[0] ?? 'other', name: name || label, amount: moneyOf(p, h) });
    } else head.push(h);
  }
  const s = slots(p, text, head, 0);
  if (!s.budget && !s.adjusted && !s.final)
    warn(ctx, 'read.value-missing', '部门整体支出句中未读到预算数、调整预算数或决算数', [srcOf(p)]);
  return { year: yearFact(p), ...s, parts, carryOverEnd, src: srcOf(p) };
};
