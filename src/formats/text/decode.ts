/**
 * Decodes a text file whose encoding is not known: a BOM (UTF-8, UTF-16) decides; otherwise strict
 * UTF-8, and GB18030 (a superset of GBK and GB2312) when the bytes are not UTF-8 — judged line by line,
 * so that one bad byte in a UTF-8 file costs its line, not the whole file (see {@link byLine}).
 */
import { scratchUnits } from '../document/scratch.ts';

export type Decoded = {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /**
   * Lines (1-based) of a UTF-8 file that were not UTF-8: read as GB18030 when the whole line looks so,
   * else with U+FFFD for the bad bytes. Absent when there are none.
   */
  badLines?: number[];
};

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');
/** Reused between calls (up to 1 MB) so that reading a report does not allocate one per file. */
const unitsFor = scratchUnits(512 * 1024);

/**
 * Well-formed UTF-8 of one- to three-byte sequences (all of Chinese text) decoded in JavaScript into
 * `units`, which is more than twice as fast as TextDecoder here: the number of units, or -1 at anything
 * else (a four-byte sequence, an invalid one), left to TextDecoder. The loop is a function of its own: in
 * one with the decode after it, V8 compiled the loop first (on-stack replacement, before the decode had
 * ever run) and that code left for the interpreter at the decode on every call, 1,800 times in a
 * worker's first seconds (--trace-deopt).
 */
const bmpUnits = (bytes: Uint8Array, units: Uint16Array): number => {
  const n = bytes.length;
  let k = 0;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      units[k++] = b0;
      i++;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < n) {
      const b1 = bytes[i + 1]!;
      if ((b1 & 0xc0) !== 0x80) return -1;
      units[k++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < n) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return -1;
      const c = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // Overlong forms and encoded surrogates are invalid UTF-8.
      if (c < 0x800 || (c >= 0xd800 && c < 0xe000)) return -1;
      units[k++] = c;
      i += 3;
    } else return -1;
  }
  return k;
};

/** The text of {@link bmpUnits}, or null. */
const decodeBmpUtf8 = (bytes: Uint8Array): string | null => {
  const units = unitsFor(bytes.length);
  const k = bmpUnits(bytes, units);
  return k < 0 ? null : utf16.decode(units.subarray(0, k));
};

export const decodeText = (bytes: Uint8Array): Decoded => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bmp = decodeBmpUtf8(bytes);
  if (bmp !== null) return { text: bmp, encoding: 'utf-8' };
  // The lenient decoder is several times faster than the strict one; every invalid sequence comes out
  // as U+FFFD, so only a text containing U+FFFD needs the strict check (it may also be written in it).
  const text = utf8.decode(bytes);
  if (!text.includes('\uFFFD')) return { text, encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return byLine(bytes);
  }
};

const gb18030 = new TextDecoder('gb18030');

/**
 * How much of a line is UTF-8: bytes in well-formed three- and four-byte sequences (Chinese in UTF-8),
 * and bytes in no well-formed sequence. ASCII and two-byte sequences count for neither: ASCII is the same
 * in both encodings, and a GBK character often happens to be a two-byte UTF-8 sequence, a three-byte one
 * only about once in sixty.
 */
const utf8Share = (b: Uint8Array, from: number, to: number): { good: number; bad: number } => {
  let good = 0;
  let bad = 0;
  let i = from;
  while (i < to) {
    const b0 = b[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    const n = b0 >= 0xc2 && b0 < 0xe0 ? 2 : b0 >= 0xe0 && b0 < 0xf0 ? 3 : b0 >= 0xf0 && b0 < 0xf5 ? 4 : 0;
    let ok = n > 0 && i + n <= to;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok && n === 3) {
      const c = ((b0 & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6);
      ok = c >= 0x800 && (c < 0xd800 || c >= 0xe000);
    }
    if (ok && n === 4) {
      const c = ((b0 & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12);
      ok = c >= 0x10000 && c < 0x110000;
    }
    if (ok) {
      if (n > 2) good += n;
      i += n;
    } else {
      bad++;
      i++;
    }
  }
  return { good, bad };
};

/** A line mostly UTF-8 has a few damaged bytes (one broken character costs 1–3); else it is GBK. */
const MOSTLY_UTF8 = 0.5;

/**
 * Bytes that are not UTF-8 as a whole, line by line (lines end at LF, CR or CRLF, which are the same
 * bytes in UTF-8 and GB18030). When lines in another encoding outnumber the UTF-8 ones, the file is
 * GB18030 (as an old GBK export is). Otherwise it is UTF-8: a line mostly UTF-8 keeps its text with
 * U+FFFD for each bad byte, a line mostly not is read as GB18030 (pasted in from elsewhere), and both
 * are named in `badLines`.
 */
const byLine = (bytes: Uint8Array): Decoded => {
  type Line = { from: number; to: number; end: number; kind: 'ascii' | 'utf8' | 'damaged' | 'other' };
  const lines: Line[] = [];
  let utf8Lines = 0;
  let otherLines = 0;
  for (let from = 0; from < bytes.length; ) {
    let to = from;
    while (to < bytes.length && bytes[to] !== 0x0a && bytes[to] !== 0x0d) to++;
    const end = bytes[to] === 0x0d && bytes[to + 1] === 0x0a ? to + 2 : Math.min(bytes.length, to + 1);
    const { good, bad } = utf8Share(bytes, from, to);
    const kind =
      good + bad === 0
        ? 'ascii'
        : bad === 0
          ? 'utf8'
          : good / (good + bad) >= MOSTLY_UTF8
            ? 'damaged'
            : 'other';
    if (kind === 'other') otherLines++;
    else if (kind !== 'ascii') utf8Lines++;
    lines.push({ from, to, end, kind });
    from = end;
  }
  if (otherLines > utf8Lines) return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  const parts: string[] = [];
  const badLines: number[] = [];
  for (const [k, line] of lines.entries()) {
    const content = bytes.subarray(line.from, line.to);
    parts.push(line.kind === 'other' ? gb18030.decode(content) : utf8.decode(content));
    parts.push(utf8.decode(bytes.subarray(line.to, line.end)));
    if (line.kind === 'damaged' || line.kind === 'other') badLines.push(k + 1);
  }
  return { text: parts.join(''), encoding: 'utf-8', badLines };
};
