/**
 * Where a leaf finds its inputs: what-if overrides first, then the inputs stated under its own heading, then
 * any input of that key elsewhere in the report, then facts read elsewhere (the 三公 paragraph).
 */
import { type Decimal, dec } from '../decimal.ts';
import { INPUT_TERMS, type InputKey } from '../glossary.ts';
import type { Comparator, DepartmentReport, IndicatorNode } from '../model/index.ts';

export type InputValue = {
  key: string;
  name: string;
  value: Decimal;
  unit: string | null;
  /** A comparator said with the figure (超90%以上 → '>'): the value is then a bound, not exact. */
  op?: Comparator | undefined;
  from: 'set' | 'node' | 'report';
};

/** What-if changes: input keys to values, and manual leaves (by name) to scores. */
export type Overrides = {
  inputs?: Readonly<Record<string, { value: string; unit: string | null }>>;
  scores?: Readonly<Record<string, string>>;
};

export type InputLookup = (key: string, node: IndicatorNode | null) => InputValue | undefined;

const nameOf = (key: string): string =>
  Object.hasOwn(INPUT_TERMS, key) ? (INPUT_TERMS[key as InputKey][0] ?? key) : key;

const collect = (nodes: readonly IndicatorNode[], out: Map<string, InputValue>): void => {
  for (const n of nodes) {
    for (const i of n.inputs) {
      if (!out.has(i.key))
        out.set(i.key, {
          key: i.key,
          name: i.name,
          value: dec(i.value),
          unit: i.unit,
          op: i.op,
          from: 'report',
        });
    }
    collect(n.children, out);
  }
};

/** Builds the lookup once per report (a map of every input stated anywhere). */
export const inputLookup = (report: DepartmentReport, overrides: Overrides = {}): InputLookup => {
  const anywhere = new Map<string, InputValue>();
  collect(report.indicators, anywhere);
  // The 三公 paragraph states the same figures an 经济性 evidence text may leave out.
  const derived = [
    ['threePublicActual', report.threePublic?.actual],
    ['threePublicBudget', report.threePublic?.budget],
  ] as const;
  for (const [key, money] of derived) {
    if (money && !anywhere.has(key)) {
      anywhere.set(key, {
        key,
        name: nameOf(key),
        value: dec(money.value),
        unit: money.unit,
        from: 'report',
      });
    }
  }
  return (key, node) => {
    const o = overrides.inputs?.[key];
    if (o) return { key, name: nameOf(key), value: dec(o.value), unit: o.unit, from: 'set' };
    const own = node?.inputs.find((i) => i.key === key);
    if (own) return { key, name: own.name, value: dec(own.value), unit: own.unit, op: own.op, from: 'node' };
    return anywhere.get(key);
  };
};

export const inputName = nameOf;

const MONEY_FACTORS: Record<string, string> = { 元: '1', 万元: '10000', 亿元: '100000000' };

/** Brings two amounts to one unit when both are money units; otherwise compares as written. */
export const sameUnit = (
  a: { value: Decimal; unit: string | null },
  b: { value: Decimal; unit: string | null },
): [Decimal, Decimal] => {
  const fa = a.unit ? MONEY_FACTORS[a.unit] : undefined;
  const fb = b.unit ? MONEY_FACTORS[b.unit] : undefined;
  if (fa && fb && fa !== fb) return [a.value.times(fa), b.value.times(fb)];
  return [a.value, b.value];
};

/** "64.94%" style display of an input. */
export const showInput = (v: { value: Decimal; unit: string | null; op?: Comparator | undefined }): string =>
  `${v.op && v.op !== '=' ? v.op : ''}${v.value.toFixed()}${v.unit ?? ''}`;
