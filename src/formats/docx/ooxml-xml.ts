/**
 * Parsing OOXML parts safely: no DOCTYPE at all (Word never writes one, and it is how external and
 * expanding entities get in), so only the five XML entities and character references are known; strict
 * well-formedness (saxes); nesting bounded, so that walking the tree can never overflow the stack.
 */
import { SaxesParser } from 'saxes';

/**
 * A node in the "preserve order" form the readers walk: one tag key with its children, attributes in
 * ':@'; a text node is `{ '#text': string }`, already decoded.
 */
export type XmlNode = { [tag: string]: XmlNode[] | string | Record<string, string> | undefined };

/** Deeper than any real document part (tables in tables stay in the tens). */
const MAX_DEPTH = 256;

export type XmlResult = { ok: true; nodes: XmlNode[] } | { ok: false; reason: string };

/**
 * One pass of a strict streaming parser builds the tree: about three times faster than validating and
 * then parsing with fast-xml-parser (measured on a 200 KB document.xml), and it checks as it goes.
 */
export const parseXml = (bytes: Uint8Array): XmlResult => {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'DOCTYPE' };
  const root: XmlNode[] = [];
  const stack: XmlNode[][] = [root];
  const addText = (t: string) => {
    const siblings = stack[stack.length - 1]!;
    const last = siblings[siblings.length - 1];
    if (last && typeof last['#text'] === 'string') last['#text'] += t;
    else siblings.push({ '#text': t });
  };
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH)
      throw new Error(`元素嵌套超过 ${MAX_DEPTH} 层 (nesting deeper than ${MAX_DEPTH})`);
    const children: XmlNode[] = [];
    const node: XmlNode = { [tag.name]: children };
    const attributes = tag.attributes as Record<string, string>;
    for (const _ in attributes) {
      node[':@'] = attributes;
      break;
    }
    stack[stack.length - 1]!.push(node);
    stack.push(children);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  return { ok: true, nodes: root };
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
  return typeof t === 'string' ? t : '';
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
