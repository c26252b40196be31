/**
 * The quantities stated in an indicator's evidence text: 政府采购执行率为64.94%, 目标共15个, 超90%以上,
 * 2022年年末结余结转率为0.03% (year 2022). Named by the glossary's INPUT_TERMS; other rates and sums
 * are kept under the key `other` with the words before them as the name.
 */
import { INPUT_TERMS } from '../../../core/glossary.ts';
import type { Comparator, IndicatorInput } from '../../../core/model/index.ts';
import { type Piece, srcOf } from '../blocks.ts';
import { decimalOf, opAfter, opBefore, UNITS } from '../numbers.ts';

const QUOTE = '[“”"\'‘’]?';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const KEY_OF = new Map<string, string>();
for (const [key, names] of Object.entries(INPUT_TERMS)) for (const n of names) KEY_OF.set(n, key);

/** Every term, longest first, each letter allowed to be followed by a quote mark (“三公”经费). */
const TERMS = new RegExp(
  [...KEY_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((t) => [...t].map(escapeRe).join(QUOTE))
    .join('|'),
  'g',
);

// Sticky: matched at an index of the line rather than on a slice of it.
const LEAD =
  /(?:的)?\s*(?:调查结果|测评结果|结果|平均|实际)?\s*(?:为|是|达到|达|共计|合计|共|计|约|：|:)?\s*/y;
const NUMBER = /([-−]?\d[\d,]*(?:\.\d+)?)\s*/y;
const YEAR_BEFORE = /(\d{4})\s*年度?\s*(?:年末|年初|全年|当年|度)?\s*(?:的)?\s*$/;
const OTHER = /(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*(%|‰|亿元|万元|元)/g;
const OTHER_NAME =
  /(?:年度|年末|年初|全年|当年|本年|度)?([\u4e00-\u9fa5]{2,12}?(?:率|数|额|费|资金|支出|收入|金额|进度))\s*(?:为|是|达到|达|共|约)?\s*$/;

const DIGIT = /\d/g;

type Figure = { value: string; unit: string | null; op: Comparator | undefined; end: number };

/** The figure stated right after `at`: "为64.94%", "超90%以上", "共15个". */
const figureAt = (text: string, at: number): Figure | null => {
  LEAD.lastIndex = at;
  let i = at + (LEAD.exec(text)?.[0].length ?? 0);
  let op: Comparator | undefined;
  const before = opBefore(text, i);
  if (before) {
    op = before[0];
    i += before[1];
  }
  NUMBER.lastIndex = i;
  const n = NUMBER.exec(text);
  const value = n ? decimalOf(n[1]!) : null;
  if (!n || value === null) return null;
  i += n[0].length;
  const unit = UNITS.find((u) => text.startsWith(u, i)) ?? null;
  if (unit) i += unit.length;
  const after = opAfter(text, i);
  if (after) {
    op ??= after[0];
    i += after[1];
  }
  // A year ("2023年") or a date is not a quantity.
  if (unit === '年' || unit === '月' || unit === '日') return null;
  return { value, unit, op, end: i };
};

const yearBefore = (text: string, at: number): number | null => {
  const m = YEAR_BEFORE.exec(text.slice(Math.max(0, at - 12), at));
  return m ? Number(m[1]) : null;
};

const input = (p: Piece, key: string, name: string, start: number, f: Figure, year: number | null) => {
  const out: IndicatorInput = { key, name, value: f.value, unit: f.unit, year, src: srcOf(p, start, f.end) };
  if (f.op) out.op = f.op;
  return out;
};

/** The inputs stated in `p.text` from `from` on. */
export const inputsIn = (p: Piece, from = 0): IndicatorInput[] => {
  const text = p.text;
  // Every input is a figure: a text without a digit (many evidence lines) has none.
  DIGIT.lastIndex = from;
  if (!DIGIT.test(text)) return [];
  const out: { at: number; input: IndicatorInput }[] = [];
  const taken: [number, number][] = [];
  TERMS.lastIndex = from;
  for (let m = TERMS.exec(text); m; m = TERMS.exec(text)) {
    const name = m[0].replace(/[“”"'‘’]/g, '');
    const f = figureAt(text, m.index + m[0].length);
    if (!f) continue;
    out.push({
      at: m.index,
      input: input(p, KEY_OF.get(name) ?? 'other', name, m.index, f, yearBefore(text, m.index)),
    });
    taken.push([m.index, f.end]);
    TERMS.lastIndex = f.end;
  }
  OTHER.lastIndex = from;
  for (let m = OTHER.exec(text); m; m = OTHER.exec(text)) {
    const at = m.index;
    if (taken.some(([s, e]) => at >= s && at < e)) continue;
    const named = OTHER_NAME.exec(text.slice(Math.max(from, at - 16), at));
    if (!named) continue;
    const start = at - named[0].length + named[0].indexOf(named[1]!);
    const f = figureAt(text, at);
    if (f) out.push({ at: start, input: input(p, 'other', named[1]!, start, f, yearBefore(text, start)) });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.input);
};
