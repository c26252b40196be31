/** Reading a typed 指标值: comparator, number and a unit written inside the value ("≥28.8万元"). */
import { isDecimalString } from '../decimal.ts';
import type { Comparator } from '../model/index.ts';

const OPS: Record<string, Comparator> = {
  '≥': '≥',
  '>=': '≥',
  '＞': '>',
  '>': '>',
  '=': '=',
  '＝': '=',
  '≤': '≤',
  '<=': '≤',
  '＜': '<',
  '<': '<',
};

export type ParsedValue = { op: Comparator | null; number: string | null; unit: string; text: string };

const toHalfWidth = (s: string): string =>
  s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/，/g, ',');

/** The parts of a value as typed; `number` is null when it does not start with a number. */
export const parseValue = (raw: string): ParsedValue => {
  const text = toHalfWidth(raw.trim());
  const m = /^(≥|>=|＞|>|＝|=|≤|<=|＜|<)?\s*(-?\d+(?:\.\d+)?)\s*(.*)$/u.exec(text);
  if (!m) return { op: null, number: null, unit: '', text };
  const [, op, n, rest] = m;
  return { op: op ? (OPS[op] ?? null) : null, number: n ?? null, unit: (rest ?? '').trim(), text };
};

export const isNumber = (s: string): boolean => isDecimalString(toHalfWidth(s.trim()));

/** Cells people type when they have nothing to say. */
const PLACEHOLDERS = new Set([
  '*',
  '/',
  '-',
  '—',
  '——',
  '…',
  '……',
  '无',
  '略',
  '待定',
  '暂无',
  '同上',
  '见附件',
]);

export const isPlaceholder = (s: string): boolean => {
  const t = s.replace(/\s/g, '');
  return PLACEHOLDERS.has(t) || /^[xX×＊*]{1,4}$/u.test(t) || /^(指标|目标)\d*$/u.test(t);
};
