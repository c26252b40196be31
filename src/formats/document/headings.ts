/**
 * Heading numbers as typed in these reports, in their small variations: 第一部分 / 一、 / （一） (一) /
 * 1. 1、 1． / （1） (1) 1） / ①. Labels are returned in one canonical form so that a variation does not
 * change the model. {@link HEADING_KINDS} is their usual hierarchy, highest first.
 */

export const HEADING_KINDS = ['part', 'chapter', 'section', 'item', 'sub', 'circled'] as const;
export type HeadingKind = (typeof HEADING_KINDS)[number];

export type Heading = {
  kind: HeadingKind;
  /** The number: 1 for 一、（一）1. （1）. */
  no: number;
  /** Canonical label: 一、 （一） 1. （1）. */
  label: string;
  /** Length of the label with the spaces after it, in the normalized text. */
  length: number;
};

const CN_DIGITS = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20; 0 when it is not a small Chinese numeral. */
export const chineseNumber = (s: string): number => {
  if (/^[一二三四五六七八九]$/.test(s)) return CN_DIGITS.indexOf(s);
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return 0;
  return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_DIGITS.indexOf(m[2]) : 0);
};

const CN = '[一二三四五六七八九十]{1,3}';
const CHAPTER = new RegExp(`^(${CN})\\s*[、.．,，]\\s*`);
const SECTION = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*`);
const ITEM = /^(\d{1,2})\s*[.、．,，](?!\d)\s*/;
const SUB = /^(?:[（(]\s*(\d{1,2})\s*[）)]|(\d{1,2})[）)])\s*[、.．]?\s*/;

/** First characters a heading can start with: most lines start with none, and skip the four regexes. */
const isParen = (c: number): boolean => c === 0xff08 || c === 0x28;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const CN_NUMERALS = '一二三四五六七八九十';

/** 第一部分 / 第二章 / 第三节. */
const PART = new RegExp(`^第\\s*(${CN})\\s*(?:部分|章|篇)\\s*[、.．:：]?\\s*`);

/** ① … ⑳ */
const circledNumber = (c: number): number => (c >= 0x2460 && c <= 0x2473 ? c - 0x245f : 0);

export const headingOf = (text: string): Heading | null => {
  const first = text.charCodeAt(0);
  if (first === 0x7b2c /* 第 */) {
    const m = PART.exec(text);
    const no = m ? chineseNumber(m[1]!) : 0;
    return no ? { kind: 'part', no, label: `第${m![1]}部分`, length: m![0].length } : null;
  }
  const circled = circledNumber(first);
  if (circled) {
    let length = 1;
    while (length < text.length && /[\s、.．]/.test(text.charAt(length))) length++;
    return { kind: 'circled', no: circled, label: text.charAt(0), length };
  }
  const paren = isParen(first);
  const digit = isDigit(first);
  if (!paren && !digit && !CN_NUMERALS.includes(text.charAt(0))) return null;
  let m = paren ? SECTION.exec(text) : null;
  if (m) {
    const no = chineseNumber(m[1]!);
    if (no) return { kind: 'section', no, label: `（${m[1]}）`, length: m[0].length };
  }
  m = paren || digit ? null : CHAPTER.exec(text);
  if (m) {
    const no = chineseNumber(m[1]!);
    if (no) return { kind: 'chapter', no, label: `${m[1]}、`, length: m[0].length };
  }
  m = paren || digit ? SUB.exec(text) : null;
  if (m) {
    const no = Number(m[1] ?? m[2]);
    if (no > 0) return { kind: 'sub', no, label: `（${no}）`, length: m[0].length };
  }
  m = digit ? ITEM.exec(text) : null;
  if (m) {
    const no = Number(m[1]);
    if (no > 0) return { kind: 'item', no, label: `${no}.`, length: m[0].length };
  }
  return null;
};
