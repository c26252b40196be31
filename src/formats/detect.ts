/** What kind of file some bytes are, by their content first and their name second. */
export type DetectedFormat =
  | 'docx'
  | 'xlsx'
  | 'zip'
  | 'json'
  | 'html'
  | 'text'
  | 'pdf'
  | 'ole'
  | 'binary'
  | 'empty';

/** Tags that open an HTML page or fragment (a page saved from a website, Word's "网页" export). */
const HTML_START = /^<(!doctype html|html|head|body|meta|title|table|div|p|h[1-6])[\s>/]/;

const latin1 = new TextDecoder('latin1');

/** Bytes that a latin1 (windows-1252) decoding turns into whitespace for `\s`: TAB to CR, space, NBSP. */
const isSpaceByte = (b: number): boolean => (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;

/** Whether `needle` (lower-case ASCII) occurs in bytes[from, to), ASCII letters matched in either case. */
const hasAscii = (bytes: Uint8Array, from: number, to: number, needle: string): boolean => {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i + needle.length <= to; i++) {
    if ((bytes[i]! | 0x20) !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      const c = needle.charCodeAt(j);
      const b = bytes[i + j]!;
      if (b !== c && !(c >= 0x61 && c <= 0x7a && b === c - 0x20)) continue outer;
    }
    return true;
  }
  return false;
};

/** HTML by its start; .mhtml (a page saved as one file) by its MIME headers. */
const looksLikeHtml = (bytes: Uint8Array, from: number): boolean => {
  const to = Math.min(bytes.length, from + 2048);
  if (hasAscii(bytes, from, to, 'mime-version:') && hasAscii(bytes, from, to, 'multipart/related'))
    return true;
  // Most files are not HTML: the first byte that is not whitespace is not `<`, and no tag can start.
  let i = from;
  while (i < to && isSpaceByte(bytes[i]!)) i++;
  if (bytes[i] !== 0x3c) return false;
  const head = latin1.decode(bytes.subarray(from, to)).toLowerCase();
  // Comments (`<!-- saved from url=… -->`) and an XML declaration may come first.
  const start = head.replace(/^(\s*(<!--[\s\S]*?-->|<\?xml[^>]*>))*\s*/, '');
  return HTML_START.test(start);
};

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** True when a zip's central directory names this entry (cheap check without unzipping). */
const zipHasEntry = (b: Uint8Array, name: string): boolean => {
  const needle = new TextEncoder().encode(name);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

export const detectFormat = (bytes: Uint8Array): DetectedFormat => {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (zipHasEntry(bytes, 'word/')) return 'docx';
    if (zipHasEntry(bytes, 'xl/')) return 'xlsx';
    return 'zip';
  }
  // Encrypted Office files and old .doc/.xls are OLE compound documents.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] === 0x7b) return 'json';
  if (looksLikeHtml(bytes, i)) return 'html';
  // Text has no NUL bytes (UTF-16 files, which have them, are handled by the text reader's BOM check).
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  // Buffer's indexOf is a memchr; a Uint8Array's includes walks byte by byte in JavaScript's builtins.
  if (!utf16 && Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8192, bytes.length)).indexOf(0) !== -1)
    return 'binary';
  return 'text';
};
