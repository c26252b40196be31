/**
 * Decodes an HTML page as a browser would: a BOM decides; otherwise the charset its `<meta>` declares in
 * the first 4 KB (read with the HTML parser, not by pattern); otherwise UTF-8 when the bytes are valid
 * UTF-8, else GB18030 (government sites that declare nothing are GBK). GB2312 and GBK are decoded as
 * GB18030, their superset, as browsers do.
 */
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { decodeText } from '../text/decode.ts';

export type DecodedHtml = { text: string; encoding: string };

type Node = DefaultTreeAdapterTypes.Node;

const PRESCAN_BYTES = 4096;

/** Charset labels as pages write them → the name TextDecoder knows and the model records. */
const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** `text/html; charset=gb2312` → `gb2312` (the content attribute of `http-equiv`). */
const charsetOfContent = (content: string): string | null => {
  const at = content.toLowerCase().indexOf('charset');
  if (at < 0) return null;
  const rest = content
    .slice(at + 'charset'.length)
    .trimStart()
    .replace(/^=\s*/, '');
  const value = rest.replace(/^["']/, '').split(/[\s;"']/)[0] ?? '';
  return value || null;
};

/** The charset the page's `<meta>` elements declare, or null. */
const declaredCharset = (head: string): string | null => {
  const stack: Node[] = [parse(head)];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && n.tagName === 'meta') {
      const attrs = new Map(n.attrs.map((a) => [a.name, a.value]));
      const charset = attrs.get('charset') ?? charsetOfContent(attrs.get('content') ?? '');
      if (charset) return charset.trim().toLowerCase();
    }
    if ('childNodes' in n) stack.push(...[...n.childNodes].reverse());
  }
  return null;
};

/** `hint`: the charset named outside the page (an .mhtml part's header), ahead of its `<meta>`. */
export const decodeHtml = (bytes: Uint8Array, hint: string | null = null): DecodedHtml => {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return decodeText(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const declared = (hint && CHARSETS[hint] ? hint : null) ?? declaredCharset(head);
  const encoding = declared ? CHARSETS[declared] : undefined;
  // A page that says UTF-8 but is not (saved again by an editor in GBK) is read by its bytes.
  if (encoding && encoding !== 'utf-8') {
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  return decodeText(bytes);
};
