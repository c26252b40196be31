/** Finds the headings of the report's parts, in their order, tolerating missing and renamed ones. */
import { type Block, type Para, paraHeading } from '../blocks.ts';
import type { HeadingKind } from '../headings.ts';

export const PART_KEYS = [
  'basic',
  'duties',
  'orgUnits',
  'staffing',
  'work',
  'spending',
  'income',
  'expenditure',
  'threePublic',
  'targets',
  'conclusion',
  'analysis',
  'problems',
  'other',
] as const;
export type PartKey = (typeof PART_KEYS)[number] | 'title';

type Matcher = {
  re: RegExp;
  not?: RegExp;
  kinds: readonly HeadingKind[];
  /** Also accept a short line without a number. */
  bare: boolean;
};

const ANY: readonly HeadingKind[] = ['chapter', 'section', 'item', 'sub'];
const HIGH: readonly HeadingKind[] = ['chapter', 'section'];

const MATCHERS: Record<(typeof PART_KEYS)[number], Matcher> = {
  basic: { re: /基本情况|部门概况|单位概况/, kinds: HIGH, bare: true },
  duties: { re: /主要职责|部门职责|职能职责|主要职能|职责职能/, kinds: ANY, bare: true },
  orgUnits: { re: /内设机构|机构设置|机构构成/, kinds: ANY, bare: true },
  staffing: { re: /人员编制|人员构成|人员情况|编制情况/, kinds: ANY, bare: true },
  work: { re: /工作任务|重点工作|年度.{0,6}工作/, kinds: ['chapter', 'section', 'item'], bare: true },
  spending: { re: /支出情况/, not: /绩效/, kinds: HIGH, bare: false },
  income: { re: /收入情况|整体收入/, kinds: ANY, bare: true },
  expenditure: { re: /支出情况/, not: /绩效|三公/, kinds: ['item', 'sub'], bare: true },
  threePublic: { re: /三公/, kinds: ANY, bare: true },
  targets: { re: /绩效目标/, not: /实现|完成|设置|自评|分析/, kinds: HIGH, bare: true },
  conclusion: { re: /自评结论|评价结论|绩效结论/, kinds: ANY, bare: true },
  analysis: { re: /自评分析|评价分析|绩效分析|自评情况|指标分析/, kinds: ANY, bare: true },
  problems: { re: /问题/, kinds: HIGH, bare: true },
  other: { re: /其他(?:需要|需)?(?:说明|事项)/, kinds: HIGH, bare: true },
};

type Head = { kind: HeadingKind | null; text: string; length: number };

/** Index of the first 。：: at or after `from` (the text's length when none): a scan, not a split. */
const stopAt = (text: string, from: number): number => {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1a || c === 0x3a) return i;
  }
  return text.length;
};

/** The heading text without its number, up to the first full stop; null when too long to be a heading. */
const headOf = (p: Para): Head | null => {
  const h = paraHeading(p);
  const start = h ? h.length : 0;
  const end = stopAt(p.text, start);
  if (end - start > 40) return null;
  return { kind: h?.kind ?? null, text: p.text.slice(start, end), length: p.text.length };
};

const matches = (h: Head, m: Matcher): boolean => {
  if (h.kind ? !m.kinds.includes(h.kind) : !m.bare || h.length > 24) return false;
  return m.re.test(h.text) && !m.not?.test(h.text);
};

/** Block index of each part's heading, found in document order; a part not found is absent. */
export const findAnchors = (blocks: readonly Block[]): Partial<Record<PartKey, number>> => {
  // Each line is looked at once, not once per part: a long file of short lines stays cheap.
  const heads = blocks.map((b) => (b.kind === 'p' && !b.tableTitle ? headOf(b) : null));
  const found: Partial<Record<PartKey, number>> = {};
  let from = 0;
  for (const key of PART_KEYS) {
    const m = MATCHERS[key];
    for (let i = from; i < blocks.length; i++) {
      const h = heads[i];
      if (h && matches(h, m)) {
        found[key] = i;
        from = i + 1;
        break;
      }
    }
  }
  return found;
};
