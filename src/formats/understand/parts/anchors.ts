/** Finds the headings of the report's parts, in their order, tolerating missing and renamed ones. */

import { SECTION_NAME_ENDINGS } from '../../../core/glossary.ts';
import type { HeadingKind } from '../../document/headings.ts';
import { type Block, type Para, paraHeading } from '../blocks.ts';

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

const ANY: readonly HeadingKind[] = ['part', 'chapter', 'section', 'item', 'sub'];
const HIGH: readonly HeadingKind[] = ['part', 'chapter', 'section'];

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

/**
 * A short paragraph's heading text; `bare`: it has neither a number nor a heading style and reads as a
 * heading all the same ({@link bareHeading}).
 */
type Head = { kind: HeadingKind | null; text: string; length: number; bare: boolean };

/** Index of the first 。：: at or after `from` (the text's length when none): a scan, not a split. */
const stopAt = (text: string, from: number): number => {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1a || c === 0x3a) return i;
  }
  return text.length;
};

/** A heading line with nothing after its name but a stop: "3.人员编制构成。", "五、其他需要说明的情况". */
export const headingOnly = (p: Para): boolean => {
  const h = paraHeading(p);
  const end = stopAt(p.text, h ? h.length : 0);
  return /^[\s。：:]*$/.test(p.text.slice(end));
};

/** Kinds a heading style's level stands for, the document's highest style level first. */
const STYLE_KINDS: readonly HeadingKind[] = ['chapter', 'section', 'item', 'sub'];

/** Longest text a paragraph in a heading style may have and still be a heading without a number. */
const STYLED_MAX = 40;

/**
 * The kind of an unnumbered paragraph set in a heading style (标题 1, Heading 2, a PDF line in a larger
 * font): the highest style level used below the title is a chapter (一、), the next a section (（一）) …
 * Null for a paragraph with no style level, and for body text in a heading style: too long, or a
 * sentence.
 */
const styleKinds = (blocks: readonly Block[]): ((p: Para) => HeadingKind | null) => {
  let top = Number.POSITIVE_INFINITY;
  let first = true;
  for (const b of blocks) {
    if (b.kind !== 'p') continue;
    // The first paragraph is the title, whatever its style.
    if (!first && b.styleLevel) top = Math.min(top, b.styleLevel);
    first = false;
  }
  return (p) => {
    const level = p.styleLevel;
    if (!level || p.text.length > STYLED_MAX || /[。；;，,]$/.test(p.text)) return null;
    return STYLE_KINDS[Math.min(STYLE_KINDS.length - 1, Math.max(0, level - top))]!;
  };
};

/**
 * The heading text without its number, up to the first full stop; null when too long to be a heading.
 * Its kind is its number's, else its heading style's (`styled`), else null.
 */
const headOf = (p: Para, styled: (p: Para) => HeadingKind | null): Head | null => {
  const h = paraHeading(p);
  const start = h ? h.length : 0;
  const end = stopAt(p.text, start);
  if (end - start > 40) return null;
  const kind = h?.kind ?? styled(p);
  const text = p.text.slice(start, end);
  return { kind, text, length: p.text.length, bare: kind === null && bareHeading(text, p.text.length) };
};

/** Longest line without a number or a heading style that may be a heading. */
const BARE_MAX = 24;
const NAME_END = new RegExp(`(?:${SECTION_NAME_ENDINGS.join('|')})$`);

/**
 * A line with neither a number nor a heading style is a heading when it is short and ends as a section's
 * name does (部门基本情况, 机构和人员): a short sentence (人员编制严格管理) is body text.
 */
const bareHeading = (text: string, length: number): boolean => length <= BARE_MAX && NAME_END.test(text);

const matches = (h: Head, m: Matcher): boolean => {
  if (h.kind ? !m.kinds.includes(h.kind) : !m.bare || !h.bare) return false;
  return m.re.test(h.text) && !m.not?.test(h.text);
};

/**
 * Other words for the parts, looked for anywhere (in any order) when the usual heading was not found
 * where the usual order expects it: 单位/机关 for 部门, 概况 for 基本情况, 职能 for 职责, 自评得分情况 or
 * 综合评分 for the conclusion …
 */
const SYNONYMS: Partial<Record<(typeof PART_KEYS)[number], RegExp>> = {
  basic: /基本情况|基本概况|(?:部门|单位|机关)(?:基本)?概况|^概况$/,
  duties: /职责|职能/,
  orgUnits: /机构/,
  staffing: /人员|(?<!预算)编制/,
  work: /工作任务|重点工作|工作开展|年度.{0,6}工作/,
  spending: /收支|支出情况/,
  income: /收入/,
  threePublic: /三公/,
  targets: /绩效目标/,
  conclusion: /结论|得分情况|综合评[分价]|自评结果|评价结果|自评等级/,
  analysis: /分析|自评情况|评价情况|指标(?:完成|评价)|绩效情况/,
  problems: /问题|不足/,
  other: /其他(?:需要|需)?(?:说明|事项)/,
};
const NOT: Partial<Record<(typeof PART_KEYS)[number], RegExp>> = {
  duties: /履[职行]/,
  orgUnits: /人员|编制/,
  staffing: /机构|预算/,
  targets: /实现|完成|设置|自评|分析/,
  analysis: /问题|原因分析/,
  spending: /绩效|三公/,
  conclusion: /分析/,
};
/** A heading that names two parts at once: 机构设置及人员情况, 机构和人员. */
const BOTH: Partial<Record<(typeof PART_KEYS)[number], RegExp>> = {
  orgUnits: /机构.{0,6}人员|人员.{0,6}机构|职[责能].{0,6}机构|机构.{0,6}职[责能]/,
  staffing: /机构.{0,6}人员|人员.{0,6}机构/,
};

/** 目录 and the entries after it (each ending in a page number, or found again later as a heading). */
const tableOfContents = (blocks: readonly Block[]): Set<number> => {
  const out = new Set<number>();
  const at = blocks.findIndex((b) => b.kind === 'p' && /^目\s*录$/.test(b.text));
  if (at < 0) return out;
  out.add(at);
  const later = (text: string, from: number) =>
    blocks.some((b, i) => i > from && b.kind === 'p' && b.text.replace(/\s/g, '') === text);
  for (let i = at + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'p') break;
    const entry = b.text.replace(/[.…·．\s-]*\d+$/, '').replace(/\s/g, '');
    if (entry === b.text.replace(/\s/g, '') && !later(entry, i)) break;
    out.add(i);
  }
  return out;
};

/**
 * Block index of each part's heading: first in the usual order (as the reports of the seed county
 * have them), then, for a part not found so, by its other words anywhere in the report. A heading that
 * names two parts (机构设置及人员情况) anchors both. A part not found is absent; a 目录 is skipped.
 */
export const findAnchors = (blocks: readonly Block[]): Partial<Record<PartKey, number>> => {
  const toc = tableOfContents(blocks);
  // Each line is looked at once, not once per part: a long file of short lines stays cheap.
  const styled = styleKinds(blocks);
  const heads = blocks.map((b, i) =>
    b.kind === 'p' && !b.tableTitle && !toc.has(i) ? headOf(b, styled) : null,
  );
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
  const used = new Set(Object.values(found));
  // Looked for again: headings only (short, not ending like a sentence), told once per line.
  let headings: (Head | null)[] | undefined;
  const heading = (i: number) => {
    headings ??= heads.map((h, k) => {
      const b = blocks[k]!;
      return h && (h.kind || h.bare) && b.kind === 'p' && !/[。；;，,]$/.test(b.text) ? h : null;
    });
    return headings[i] ?? null;
  };
  // The indicators of the analysis (（一）预算编制 …) are not parts' headings.
  const a = found.analysis;
  const aEnd = a === undefined ? -1 : Math.min(...[...used].filter((i) => i > a), blocks.length);
  const inAnalysis = (i: number) => a !== undefined && i > a && i < aEnd;
  for (const key of PART_KEYS) {
    if (found[key] !== undefined) continue;
    const both = BOTH[key];
    const re = SYNONYMS[key];
    let at = both ? heads.findIndex((_, i) => both.test(heading(i)?.text ?? '')) : -1;
    if (at < 0 && re)
      at = heads.findIndex((_, i) => {
        const h = heading(i);
        return h !== null && !used.has(i) && !inAnalysis(i) && re.test(h.text) && !NOT[key]?.test(h.text);
      });
    if (at >= 0) {
      found[key] = at;
      used.add(at);
    }
  }
  return found;
};
