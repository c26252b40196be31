/**
 * Word's automatic numbering (numbering.xml): the "1." / "（一）" prefixes that Word draws but does not
 * store in the text. Restored here so a numbered heading reads the same as a typed one.
 */
import { chineseNumber } from '../document/blocks/analysis-blocks.ts';
import { attr, child, childrenOf, tagOf, type XmlNode } from './ooxml-xml.ts';

type Level = { start: number; format: string; text: string };
type Num = { abstractId: string; starts: Map<number, number> };

export type NumberingDefs = { abstracts: Map<string, Level[]>; nums: Map<string, Num> };
export type NumPr = { numId: string; ilvl: number };

const val = (n: XmlNode | undefined, name = 'w:val') => (n ? attr(n, name) : undefined);

export const readNumbering = (root: XmlNode[]): NumberingDefs => {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map() };
  const numbering = root.find((n) => tagOf(n) === 'w:numbering');
  for (const n of numbering ? childrenOf(numbering) : []) {
    if (tagOf(n) === 'w:abstractNum') {
      const levels: Level[] = [];
      for (const l of childrenOf(n)) {
        if (tagOf(l) !== 'w:lvl') continue;
        const i = Number(attr(l, 'w:ilvl') ?? 0);
        levels[i] = {
          start: Number(val(child(l, 'w:start')) ?? 1),
          format: val(child(l, 'w:numFmt')) ?? 'decimal',
          text: val(child(l, 'w:lvlText')) ?? '',
        };
      }
      defs.abstracts.set(attr(n, 'w:abstractNumId') ?? '', levels);
    } else if (tagOf(n) === 'w:num') {
      const starts = new Map<number, number>();
      for (const o of childrenOf(n)) {
        const s = tagOf(o) === 'w:lvlOverride' ? val(child(o, 'w:startOverride')) : undefined;
        if (s !== undefined) starts.set(Number(attr(o, 'w:ilvl') ?? 0), Number(s));
      }
      defs.nums.set(attr(n, 'w:numId') ?? '', { abstractId: val(child(n, 'w:abstractNumId')) ?? '', starts });
    }
  }
  return defs;
};

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const roman = (n: number): string => {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
};
const letter = (n: number): string =>
  String.fromCharCode(96 + (((n - 1) % 26) + 1)).repeat(Math.ceil(n / 26));

export const formatNumber = (n: number, format: string): string => {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseNumber(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
};

/** Counts numbered paragraphs in document order and gives each its prefix. */
export const numberer = (defs: NumberingDefs) => {
  const counters = new Map<string, number[]>();
  const seen = new Set<string>();
  return (pr: NumPr): string => {
    const num = defs.nums.get(pr.numId);
    const levels = num ? defs.abstracts.get(num.abstractId) : undefined;
    const level = levels?.[pr.ilvl];
    if (!num || !levels || !level) return '';
    const key = num.abstractId;
    const c = counters.get(key) ?? [];
    if (!seen.has(pr.numId)) {
      // A w:num with a start override restarts the list where it is first used.
      seen.add(pr.numId);
      for (const [ilvl, start] of num.starts) c[ilvl] = start - 1;
    }
    c[pr.ilvl] = c[pr.ilvl] === undefined ? level.start : c[pr.ilvl]! + 1;
    c.length = pr.ilvl + 1;
    counters.set(key, c);
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return l ? formatNumber(c[i] ?? l.start, l.format) : '';
    });
  };
};
