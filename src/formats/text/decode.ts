/**
 * Decodes a text file whose encoding is not known: a BOM (UTF-8, UTF-16) decides; otherwise strict
 * UTF-8, and GB18030 (a superset of GBK and GB2312) when the bytes are not valid UTF-8.
 */
export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' };

const utf8 = new TextDecoder('utf-8');

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
