/** Figures as written in report sentences and cells: decimals, money with its unit, target measures. */
import type { Comparator, Measure, MoneyUnit } from '../../core/model/index.ts';

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A decimal as written, thousands separators dropped: "7,532.81" → "7532.81"; null when it is not one. */
export const decimalOf = (s: string): string | null => {
  // Most figures are written plainly: nothing to remove or replace.
  if (PLAIN_DECIMAL.test(s)) return s;
  const t = s.replace(/[,，\s]/g, '');
  if (!/^[-−]?\d+(\.\d+)?$/.test(t)) return null;
  return t.replace('−', '-');
};

/** A money figure in a sentence: 1747.99万元, 7,532.81 元. */
// Starts only where a digit run starts, so a long run of digits costs linear time, not quadratic.
export const MONEY = /(?<![\d,.])(-?\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/g;

export type MoneyHit = { value: string; unit: MoneyUnit; start: number; end: number };

export const moneyIn = (text: string, from = 0, to = text.length): MoneyHit[] => {
  const out: MoneyHit[] = [];
  MONEY.lastIndex = from;
  for (let m = MONEY.exec(text); m && m.index < to; m = MONEY.exec(text)) {
    const value = decimalOf(m[1]!);
    if (value !== null)
      out.push({ value, unit: m[2] as MoneyUnit, start: m.index, end: m.index + m[0].length });
  }
  return out;
};

/** Comparators said in words or symbols, before or after the figure (sticky: matched where asked). */
type Ops = {
  /** Any of them: one test (no match object) for the usual figure, said without a comparator. */
  any: RegExp;
  each: readonly [RegExp, Comparator][];
};
const ops = (each: readonly [RegExp, Comparator][]): Ops => ({
  any: new RegExp(each.map(([re]) => re.source).join('|'), 'y'),
  each,
});
const OP_BEFORE = ops([
  [/(?:≥|>=|＞=|不低于|不少于|不小于|至少)/y, '≥'],
  [/(?:≤|<=|＜=|不高于|不超过|不多于|不大于|至多)/y, '≤'],
  [/(?:>|＞|超过|超出|高于|大于|多于|超)/y, '>'],
  [/(?:<|＜|低于|小于|少于)/y, '<'],
  [/(?:=|＝|等于)/y, '='],
]);
const OP_AFTER = ops([
  [/(?:以上|及以上)/y, '≥'],
  [/(?:以下|以内|及以下)/y, '≤'],
]);

/** The first of `ops` said at `at` in `s`: the comparator and the length it takes. */
const opAt = (list: Ops, s: string, at: number): [Comparator, number] | null => {
  list.any.lastIndex = at;
  if (!list.any.test(s)) return null;
  for (const [re, op] of list.each) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (m) return [op, m[0].length];
  }
  return null;
};

/** Reads a comparator at `at` (the start) of `s`: the comparator and the length it takes. */
export const opBefore = (s: string, at = 0): [Comparator, number] | null => opAt(OP_BEFORE, s, at);

export const opAfter = (s: string, at = 0): [Comparator, number] | null => opAt(OP_AFTER, s, at);

/** Units seen after target and evidence figures; longest first. */
export const UNITS = [
  '个百分点',
  '百分点',
  '百分比',
  '人次',
  '家次',
  '亿元',
  '万元',
  '万人',
  '万亩',
  '元',
  '%',
  '‰',
  '个',
  '座',
  '家',
  '人',
  '项',
  '次',
  '件',
  '户',
  '所',
  '场',
  '期',
  '天',
  '日',
  '年',
  '月',
  '亩',
  '台',
  '套',
  '条',
  '篇',
  '份',
  '批',
  '分',
  '名',
  '宗',
  '公里',
  '吨',
] as const;

const MEASURE = /^(-?\d[\d,]*(?:\.\d+)?)\s*(.*)$/;

/**
 * A target or achieved value: "≥50个" → ≥ 50 个; "500亿元" → 500 亿元; "10%以上" → ≥ 10 %; "4" → 4;
 * "效果明显" → a qualitative text (value null).
 */
export const parseMeasure = (text: string): Omit<Measure, 'src'> => {
  const t = text.trim();
  let rest = t;
  let op: Comparator | null = null;
  const before = opBefore(rest);
  if (before) {
    op = before[0];
    rest = rest.slice(before[1]).trim();
  }
  const m = MEASURE.exec(rest);
  const value = m ? decimalOf(m[1]!) : null;
  if (!m || value === null) return { text: t, op: null, value: null, unit: null };
  let tail = m[2]!.trim();
  let unit: string | null = null;
  const known = UNITS.find((u) => tail.startsWith(u));
  if (known) {
    unit = known;
    tail = tail.slice(known.length).trim();
  }
  const post = opAfter(tail);
  if (post) {
    op ??= post[0];
    tail = tail.slice(post[1]).trim();
  }
  // An unknown unit is kept as written; a note after a known unit stays only in `text`.
  if (!known && tail) unit = tail;
  return { text: t, op, value, unit };
};
