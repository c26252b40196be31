/**
 * The numbers of indicator headings as the form writes them: （一） for level 1, 1. for level 2, （1） for
 * level 3. Rows added or removed in the editor are numbered by their place.
 */
import type { IndicatorNode } from '../../core/model/department-report.ts';

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (up to 99). */
export const chineseNumeral = (n: number): string => {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
};

/** The label of the node at `index` (0-based) among its siblings of `level`. */
export const labelFor = (level: IndicatorNode['level'], index: number): string => {
  const n = index + 1;
  if (level === 1) return `（${chineseNumeral(n)}）`;
  return level === 2 ? `${n}.` : `（${n}）`;
};

/** The siblings numbered again by their place (after one was removed). */
export const relabel = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
  nodes.map((n, i) => ({ ...n, label: labelFor(n.level, i) }));
