/**
 * Parsing OOXML parts safely: no DOCTYPE at all (Word never writes one, and it is how external and
 * expanding entities get in), entities left unexpanded by the parser and decoded here (only the five
 * XML ones and character references), values kept as strings.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A node in fast-xml-parser's preserveOrder form: one tag key with its children, attributes in ':@'. */
export type XmlNode = { [tag: string]: XmlNode[] | string | Record<string, string> | undefined };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const decodeEntities = (s: string): string =>
  s.includes('&')
    ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
        if (e[0] !== '#') return NAMED[e] ?? '';
        const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      })
    : s;

export type XmlResult = { ok: true; nodes: XmlNode[] } | { ok: false; reason: string };

export const parseXml = (bytes: Uint8Array): XmlResult => {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'DOCTYPE' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: valid.err.msg };
  try {
    return { ok: true, nodes: parser.parse(text) as XmlNode[] };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
};

/** The tag name of a node (its one key besides ':@' and '#text'). */
export const tagOf = (n: XmlNode): string | undefined => Object.keys(n).find((k) => k !== ':@');

export const childrenOf = (n: XmlNode): XmlNode[] => {
  const tag = tagOf(n);
  const c = tag ? n[tag] : undefined;
  return Array.isArray(c) ? c : [];
};

export const attr = (n: XmlNode, name: string): string | undefined => {
  const a = n[':@'];
  return a && typeof a === 'object' && !Array.isArray(a) ? (a as Record<string, string>)[name] : undefined;
};

export const textOf = (n: XmlNode): string => {
  const t = n['#text'];
  return typeof t === 'string' ? decodeEntities(t) : '';
};

export const child = (n: XmlNode, tag: string): XmlNode | undefined =>
  childrenOf(n).find((c) => tagOf(c) === tag);

/** First descendant with this tag, depth-first. */
export const find = (nodes: XmlNode[], tag: string): XmlNode | undefined => {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const d = find(childrenOf(n), tag);
    if (d) return d;
  }
  return undefined;
};
