/**
 * Noise removal on one line of text, keeping a map back to the raw text so that every value the model
 * carries can quote its `src.raw` exactly as read.
 */
import { scratchUnits } from './scratch.ts';

/** A line with the noise removed: full-width digits and ％．, odd spaces, `[bookmark: …]` marks, the ends trimmed. */
export type Normalized = {
  text: string;
  /**
   * `map[i]` is the index in the raw line of `text[i]`; `map[text.length]` is one past the last. Null
   * when nothing but the ends was removed: then `text[i]` is `raw[offset + i]`.
   */
  map: Int32Array | null;
  offset: number;
};

/**
 * Anything that makes a line need the full (slower) pass: one of these units, or a `[bookmark:` mark
 * ({@link needsMap}). A class alone is scanned faster than a class or a word.
 */
const MAP_UNIT =
  /[\t\u00a0\u2000-\u200d\u202f\u3000\ufeff\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
const MAP_UNIT_OR_SURROGATE =
  /[\t\u00a0\u2000-\u200d\u202f\u3000\ufeff\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ud800-\udfff]/;
const needsMap = (s: string): boolean => MAP_UNIT.test(s) || s.includes('[bookmark:');
const needsMapOrSurrogate = (s: string): boolean => MAP_UNIT_OR_SURROGATE.test(s) || s.includes('[bookmark:');

// No "[" inside, so an unclosed mark costs linear time.
const BOOKMARK = /\[bookmark:[^[\]\n]*\]/g;
const utf16 = new TextDecoder('utf-16le');
/** Noisy lines with surrogates take the full pass, whose decoder turns lone ones into U+FFFD. */
const SURROGATE = /[\ud800-\udfff]/;

/** The replacement of one UTF-16 code unit: itself, another one, or -1 to drop it. */
const mapUnit = (c: number): number => {
  if (c < 0x80) return c === 0x09 ? 0x20 : c;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xfee0; // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0; // Ａ-Ｚ ａ-ｚ
  if (c === 0xff05) return 0x25; // ％
  if (c === 0xff0e) return 0x2e; // ．
  if (c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f) return 0x20;
  if (c === 0xfeff || c === 0x200b || c === 0x200c || c === 0x200d) return -1;
  return c;
};

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0d || c === 0x0a;

/**
 * What the regex `\s` matches, told by the code unit (no regex call, no one-character string). Chinese
 * characters and full-width punctuation (above U+3000) are told by two comparisons, ASCII by three.
 */
export const isWhiteSpace = (c: number): boolean =>
  c > 0x3000
    ? c === 0xfeff
    : c <= 0x20
      ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
      : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000;

/** A unit the full pass removes at an end of the line: a space once mapped, or one it drops. */
const trimmedAtEnd = (c: number): boolean => {
  const m = mapUnit(c);
  return m < 0 || isSpace(m);
};

/** The full pass's output units, reused between lines (up to 64 K units): its text is copied out. */
const unitsFor = scratchUnits(64 * 1024);

/**
 * Spaces a PDF's text extraction puts inside words and figures: 收 入 预 算 数 (single characters set
 * apart), 1 752.00万元 (a thousands group set apart). Ordinary spaces between words are kept.
 */
const STRAY = /[\u4e00-\u9fa5](?: [\u4e00-\u9fa5]){2,}|(?<![\d.,])\d{1,3}(?: \d{3})+(?=[.,\u4e00-\u9fa5])/g;

/** Positions (in `raw`) of the stray spaces, or null when there are none. */
const straySpaces = (raw: string): Set<number> | null => {
  if (!raw.includes(' ')) return null;
  const out = new Set<number>();
  for (const m of raw.matchAll(STRAY)) {
    for (let i = m.index; i < m.index + m[0].length; i++) if (raw.charCodeAt(i) === 0x20) out.add(i);
  }
  return out.size ? out : null;
};

export const normalizeLine = (raw: string): Normalized => {
  const stray = straySpaces(raw);
  if (stray) return fullPass(raw, stray);
  const n = raw.length;
  // Most lines carry noise only at their ends (an indentation of U+3000): once trimmed, when nothing is
  // left to replace inside (and no surrogate, which the full pass decodes), the text is a slice of the line.
  let from = 0;
  let to = n;
  while (from < to && trimmedAtEnd(raw.charCodeAt(from))) from++;
  while (to > from && trimmedAtEnd(raw.charCodeAt(to - 1))) to--;
  const inner = from === 0 && to === n ? raw : raw.slice(from, to);
  // One scan for the usual line: nothing to replace, no surrogate (the ends, being spaces, hold none).
  if (!needsMapOrSurrogate(inner)) return { text: inner, map: null, offset: from };
  const plain = !SURROGATE.test(raw);
  if (!needsMap(inner) && (plain || !needsMap(raw))) return { text: inner, map: null, offset: from };
  return fullPass(raw, null);
};

/** Every unit mapped (and the `drop` positions left out), with the map back to the raw line. */
const fullPass = (raw: string, drop: Set<number> | null): Normalized => {
  const n = raw.length;
  const buf = unitsFor(n);
  const map = new Int32Array(n + 1);
  const marks: [number, number][] = [];
  if (raw.includes('[bookmark:'))
    for (const m of raw.matchAll(BOOKMARK)) marks.push([m.index, m.index + m[0].length]);
  let k = 0;
  let mark = 0;
  for (let i = 0; i < n; i++) {
    const span = marks[mark];
    if (span && i >= span[0]) {
      i = span[1] - 1;
      mark++;
      continue;
    }
    const c = mapUnit(raw.charCodeAt(i));
    if (c < 0 || drop?.has(i)) continue;
    buf[k] = c;
    map[k] = i;
    k++;
  }
  let a = 0;
  let b = k;
  while (a < b && isSpace(buf[a]!)) a++;
  while (b > a && isSpace(buf[b - 1]!)) b--;
  const end = b > a ? map[b - 1]! + 1 : (map[a] ?? n);
  const out = map.subarray(a, b + 1);
  out[b - a] = end;
  // The decoder, not String.fromCharCode(...kept): spreading a typed array costs microseconds per long
  // line. Without surrogates both give the same string (no BOM is left to strip: mapUnit drops it).
  const text = utf16.decode(buf.subarray(a, b));
  return { text, map: out, offset: 0 };
};

/** The raw text behind `text.slice(start, end)` of a normalized line. */
export const rawSlice = (raw: string, norm: Normalized, start: number, end: number): string => {
  if (end <= start) return '';
  const map = norm.map;
  if (!map) return raw.slice(norm.offset + start, norm.offset + Math.min(end, norm.text.length));
  const s = map[start] ?? 0;
  const e = end >= norm.text.length ? (map[norm.text.length] ?? raw.length) : (map[end - 1] ?? 0) + 1;
  return raw.slice(s, e);
};

/** The index in the raw line of `text[i]`. */
export const rawIndex = (norm: Normalized, i: number): number => (norm.map ? norm.map[i]! : norm.offset + i);

/** Parentheses and spacing made uniform, for comparing names: 资本性支出(基本建设) = 资本性支出（基本建设）. */
export const nameKey = (s: string): string =>
  s
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[\s“”"'‘’：:]/g, '');
