/** 三公经费: "2023年三公经费决算合计支出X万元，较2022年增加了Y万元，较年初预算减少Z万元。" */
import type { DepartmentReport, Money } from '../../../core/model/index.ts';
import { type Para, srcOf } from '../blocks.ts';
import { moneyIn } from '../numbers.ts';
import { missing, type ReadContext } from './context.ts';
import { moneyOf } from './finance-sentences.ts';

type ThreePublic = NonNullable<DepartmentReport['threePublic']>;
type Change = ThreePublic['changes'][number];

const CHANGE =
  /(?:较|比|相比|与)\s*(.{1,14}?)\s*(?:相比|比较)?[，,]?\s*(增加|增长|上升|多支出|减少|下降|降低|节约|节省|少支出|持平|减)了?\s*(?:(-?\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元))?/g;

const PARTS =
  /因公出国[（(]境[）)]费用?|因公出国费用?|公务用车购置及运行维护费|公务用车购置费|公务用车运行(?:维护)?费|公务接待费/g;

/** What a change is against: "2022年" → "2022", "上年" → the year before, "年初预算数" → "年初预算". */
const againstOf = (said: string, year: number | null): string => {
  const t = said.replace(/[的\s]/g, '');
  const y = /^(\d{4})年度?(?:同期)?(?:决算数?|支出|实际支出)?$/.exec(t);
  if (y) return y[1]!;
  if (/^(?:上年|去年|上一?年度?)(?:同期)?(?:决算数?|支出)?$/.test(t) && year) return String(year - 1);
  if (/年初预算/.test(t)) return '年初预算';
  if (/调整预算/.test(t)) return '调整预算';
  if (/预算/.test(t)) return '预算';
  return t;
};

export const readThreePublic = (ctx: ReadContext, paras: readonly Para[]): ThreePublic | null => {
  const p = paras.find((x) => /三公/.test(x.text) && moneyIn(x.text).length > 0);
  if (!p) {
    missing(ctx, 'threePublic', ctx.headings.threePublic?.src);
    return null;
  }
  const text = p.text;
  const y = /(\d{4})\s*年/.exec(text.slice(0, Math.max(0, text.indexOf('三公')) + 1));
  const year = y ? { value: Number(y[1]), src: srcOf(p, y.index, y.index + 4) } : null;
  const taken: [number, number][] = [];
  const changes: Change[] = [];
  for (const m of text.matchAll(CHANGE)) {
    taken.push([m.index, m.index + m[0].length]);
    const word = m[2]!;
    const direction: Change['direction'] = /持平/.test(word)
      ? 'same'
      : /增|上升|多/.test(word)
        ? 'increase'
        : 'decrease';
    const figure = m[3] ? moneyIn(text, m.index, m.index + m[0].length)[0] : undefined;
    const amount: Money | null = figure
      ? moneyOf(p, figure)
      : direction === 'same'
        ? { value: '0', unit: '万元' }
        : null;
    if (amount) changes.push({ against: againstOf(m[1]!, year?.value ?? null), amount, direction });
  }
  const parts: ThreePublic['parts'] = [];
  for (const m of text.matchAll(PARTS)) {
    const end = m.index + m[0].length;
    const h = moneyIn(text, end, end + 8)[0];
    if (h && /^[为是共合计支出\s：:]*$/.test(text.slice(end, h.start))) {
      taken.push([m.index, h.end]);
      parts.push({ name: m[0], amount: moneyOf(p, h) });
    }
  }
  const free = moneyIn(text).filter((h) => !taken.some(([s, e]) => h.start >= s && h.start < e));
  let actual: Money | null = null;
  let budget: Money | null = null;
  for (const h of free) {
    const label =
      text
        .slice(0, h.start)
        .split(/[，,；;。]/)
        .pop() ?? '';
    if (/预算/.test(label) && !/决算|实际/.test(label)) budget ??= moneyOf(p, h);
    else actual ??= moneyOf(p, h);
  }
  return { year, actual, changes, budget, parts, src: srcOf(p) };
};
