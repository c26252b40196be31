/**
 * Noise removal on one line of text, keeping a map back to the raw text so that every value the model
 * carries can quote its `src.raw` exactly as read.
 */

/** A line with the noise removed: full-width digits and ％．, odd spaces, `[bookmark: …]` marks, the ends trimmed. */
export type Normalized = {
  text: string;
  /** `map[i]` is the index in the raw line of `text[i]`; `map[text.length]` is one past the last. */
  map: Int32Array;
};

const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const utf16 = new TextDecoder('utf-16le');

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

export const normalizeLine = (raw: string): Normalized => {
  const n = raw.length;
  const buf = new Uint16Array(n);
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
    if (c < 0) continue;
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
  return { text: utf16.decode(buf.subarray(a, b)), map: out };
};

/** The raw text behind `text.slice(start, end)` of a normalized line. */
export const rawSlice = (raw: string, norm: Normalized, start: number, end: number): string => {
  if (end <= start) return '';
  const s = norm.map[start] ?? 0;
  const e =
    end >= norm.text.length ? (norm.map[norm.text.length] ?? raw.length) : (norm.map[end - 1] ?? 0) + 1;
  return raw.slice(s, e);
};

/** Parentheses and spacing made uniform, for comparing names: 资本性支出(基本建设) = 资本性支出（基本建设）. */
export const nameKey = (s: string): string =>
  s
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[\s“”"'‘’：:]/g, '');
