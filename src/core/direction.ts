/**
 * Which way a target is met — the reading the audit, scoring and the editor share. The comparator where
 * the report writes one; else the framework's definition of the indicator; else the indicator's meaning
 * (glossary: 天数, 控制率, 事故 … less is better; 办结率, 满意度 … more is better); else "at least" (≥),
 * marked as assumed, so that a status contradicting it is never called an error.
 */
import type { Decimal } from './decimal.ts';
import { COUNT_UNITS, DURATION_UNITS, LESS_IS_BETTER_TERMS, MORE_IS_BETTER_TERMS } from './glossary.ts';
import type { Comparator, Measure } from './model/index.ts';

export const DIRECTION_SOURCES = ['written', 'framework', 'meaning', 'assumed'] as const;
export type DirectionSource = (typeof DIRECTION_SOURCES)[number];

export type Reading = {
  op: Comparator;
  by: DirectionSource;
  /** Why, in Chinese: 按所写“≤” / 按指标含义（“天数”越少越好）/ 未注明方向，按“≥”理解. */
  reason: string;
};

/** A framework's word on an indicator: 'less' when it is a ceiling (not-exceed), 'more' otherwise. */
export type DefinedDirection = (name: string) => 'less' | 'more' | null;

const longest = (name: string, terms: readonly string[]): string =>
  terms.reduce((best, t) => (name.includes(t) && t.length > best.length ? t : best), '');

type Meaning = { direction: 'less' | 'more'; term: string } | null;

const meaningOf = (name: string): Meaning => {
  const n = name.replace(/[\s“”"‘’]/gu, '');
  const less = longest(n, LESS_IS_BETTER_TERMS);
  const more = longest(n, MORE_IS_BETTER_TERMS);
  if (!less && !more) return null;
  return less.length > more.length ? { direction: 'less', term: less } : { direction: 'more', term: more };
};

/**
 * Names seen, with what they say: indicator names repeat across every report and every rule that reads
 * a target, and scanning the vocabulary each time was the evaluation's largest single cost. Bounded;
 * dropping it only costs the scan again.
 */
const MEANINGS_MAX = 10_000;
const meanings = new Map<string, Meaning>();

/** The direction an indicator's name says, by the glossary's vocabulary; null when it says none. */
export const directionByMeaning = (name: string): Meaning => {
  const hit = meanings.get(name);
  if (hit !== undefined) return hit;
  const m = meaningOf(name);
  if (meanings.size >= MEANINGS_MAX) meanings.clear();
  meanings.set(name, m);
  return m;
};

/** How a target of the indicator `name` is read. */
export const readDirection = (name: string, target: Measure, defined?: DefinedDirection): Reading => {
  if (target.op) return { op: target.op, by: 'written', reason: `按所写“${target.op}”` };
  const fw = defined?.(name) ?? null;
  if (fw)
    return fw === 'less'
      ? { op: '≤', by: 'framework', reason: '按指标体系的定义（不超过目标值）' }
      : { op: '≥', by: 'framework', reason: '按指标体系的定义（不低于目标值）' };
  const m = directionByMeaning(name);
  if (m)
    return m.direction === 'less'
      ? { op: '≤', by: 'meaning', reason: `按指标含义（“${m.term}”越低越好，目标值为上限）` }
      : { op: '≥', by: 'meaning', reason: `按指标含义（“${m.term}”越高越好）` };
  const unit = target.unit ?? '';
  if ((COUNT_UNITS as readonly string[]).includes(unit))
    return { op: '≥', by: 'meaning', reason: `按计量单位（以“${unit}”计的数量越多越好）` };
  if ((DURATION_UNITS as readonly string[]).includes(unit))
    return { op: '≤', by: 'meaning', reason: `按计量单位（以“${unit}”计的用时越短越好，目标值为上限）` };
  return { op: '≥', by: 'assumed', reason: '未注明方向，按“≥”理解' };
};

/** Whether `actual` meets `target` under `op`; equality counts as met (DOMAIN.md §3.3). */
export const meetsBy = (op: Comparator, actual: Decimal, target: Decimal): boolean => {
  switch (op) {
    case '≥':
      return actual.gte(target);
    case '>':
      return actual.gt(target);
    case '=':
      return actual.eq(target);
    case '≤':
      return actual.lte(target);
    case '<':
      return actual.lt(target);
  }
};
