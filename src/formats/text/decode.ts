/**
 * Decodes a text file whose encoding is not known: a BOM (UTF-8, UTF-16) decides; otherwise strict
 * UTF-8, and GB18030 (a superset of GBK and GB2312) when the bytes are not valid UTF-8.
 */
import { scratchUnits } from './scratch.ts';

export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' };

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');
/** Reused between calls (up to 1 MB) so that reading a report does not allocate one per file. */
const unitsFor = scratchUnits(512 * 1024);

/**
 * Well-formed UTF-8 of one- to three-byte sequences (all of Chinese text) decoded in JavaScript, which
 * is more than twice as fast as TextDecoder here; null at anything else (a four-byte sequence, an
 * invalid one), left to TextDecoder.
 */
const decodeBmpUtf8 = (bytes: Uint8Array): string | null => {
  const n = bytes.length;
  const units = unitsFor(n);
  let k = 0;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      units[k++] = b0;
      i++;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < n) {
      const b1 = bytes[i + 1]!;
      if ((b1 & 0xc0) !== 0x80) return null;
      units[k++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < n) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return null;
      const c = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // Overlong forms and encoded surrogates are invalid UTF-8.
      if (c < 0x800 || (c >= 0xd800 && c < 0xe000)) return null;
      units[k++] = c;
      i += 3;
    } else return null;
  }
  return utf16.decode(units.subarray(0, k));
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
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
};
