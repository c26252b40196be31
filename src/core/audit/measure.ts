/** Comparing target and achieved values: comparators, comparable units, met or not. */
import { type Decimal, dec } from '../decimal.ts';
import { meetsBy } from '../direction.ts';
import { keptByName } from '../kept.ts';
import type { Comparator, Measure } from '../model/index.ts';

const MONEY: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
const COUNT = new Set([
  '个',
  '座',
  '家',
  '项',
  '件',
  '台',
  '户',
  '所',
  '处',
  '条',
  '批',
  '套',
  '场',
  '期',
  '次',
  '家次',
]);
const PERSON = new Set(['人', '人次', '名']);
const PERCENT = new Set(['%', '％', '百分比']);

export type UnitKind = 'money' | 'count' | 'person' | 'percent' | 'other';

export const unitKind = (unit: string | null): UnitKind | null => {
  if (unit === null || unit === '') return null;
  if (unit in MONEY) return 'money';
  if (COUNT.has(unit)) return 'count';
  if (PERSON.has(unit)) return 'person';
  if (PERCENT.has(unit)) return 'percent';
  return 'other';
};

/**
 * Two units describe the same kind of quantity: equal, both money, both counts (个/座/家), both people
 * (人/人次). A missing unit is comparable with a count or a person count (tables often drop "个").
 */
export const comparableUnits = (a: string | null, b: string | null): boolean => {
  if (a === b) return true;
  const ka = unitKind(a);
  const kb = unitKind(b);
  if (ka === null || kb === null) {
    const k = ka ?? kb;
    return k === 'count' || k === 'person';
  }
  if (ka === 'other' || kb === 'other') return false;
  return ka === kb;
};

/** The value in a common scale for its unit kind (money in 元), for comparing across 万元/亿元. */
export const scaled = (value: string, unit: string | null): Decimal => {
  const f = unit !== null ? MONEY_FACTOR[unit] : undefined;
  return f ? dec(value).times(f) : dec(value);
};
/** MONEY as decimals, made once. */
const MONEY_FACTOR: Record<string, Decimal> = { 元: dec(1), 万元: dec(1e4), 亿元: dec(1e8) };

/**
 * Met or not by target and actual under `op` (the reading of direction.ts; the written comparator, else
 * ≥), when both are numbers in comparable units; otherwise null.
 */
export const computedMet = (
  target: Measure,
  actual: Measure,
  op: Comparator = target.op ?? '≥',
): boolean | null => {
  if (target.value === null || actual.value === null) return null;
  if (!comparableUnits(target.unit, actual.unit)) return null;
  return meetsBy(op, scaled(actual.value, actual.unit), scaled(target.value, target.unit));
};

/** A stated status as met (完成), not met (未完成, 部分完成) or unknown. */
export const statedMet = (status: string | null | undefined): boolean | null => {
  if (!status) return null;
  const s = status.replace(/\s/g, '');
  if (/未完成|未达|部分|没有完成|未实现/u.test(s)) return false;
  if (/完成|达成|实现|达到/u.test(s)) return true;
  return null;
};

const NAME_PUNCT = /[\s“”"'‘’（）()、，,。:：]/gu;

/**
 * A name without spacing and punctuation, for matching rows of two tables. The same indicator names
 * come back report after report, so the forms are kept (bounded: kept.ts).
 */
export const normName = keptByName((name) => name.replace(NAME_PUNCT, ''));
