/** A .docx file's body as {@link SourceLine} records, read defensively (see ../zip, ooxml-xml.ts). */

import type { Document } from '../document/document.ts';
import type { SourceLine } from '../document/source-line.ts';
import { type GuardedZip, openZipGuarded, type ZipProblem } from '../zip/index.ts';
import { type NumberingDefs, readNumbering } from './numbering.ts';
import { blockLines, documentBlocks, readStyleLevels, readStyleNumbering } from './ooxml-lines.ts';
import { attr, childrenOf, parseXml, tagOf, type XmlNode } from './ooxml-xml.ts';

export type DocxLines = { ok: true; lines: SourceLine[] } | { ok: false; problem: ZipProblem };

type Part = { ok: true; nodes: XmlNode[] | null } | { ok: false; problem: ZipProblem };

const readPart = (zip: GuardedZip, name: string): Part => {
  const raw = zip.read(name);
  if (!raw.ok) return raw;
  if (!raw.value) return { ok: true, nodes: null };
  const xml = parseXml(raw.value);
  if (!xml.ok) {
    const doctype = xml.reason === 'DOCTYPE';
    return {
      ok: false,
      problem: {
        code: doctype ? 'read.xml-doctype' : 'read.xml-syntax',
        zh: doctype ? `${name} 含 DOCTYPE 声明，拒绝读取` : `${name} 不是有效的 XML`,
        en: doctype ? `${name} declares a DOCTYPE; refused` : `${name} is not well-formed XML`,
      },
    };
  }
  return { ok: true, nodes: xml.nodes };
};

/** The main document part named by _rels/.rels (word/document.xml in almost every file). */
const mainPartName = (rels: XmlNode[] | null): string => {
  const root = rels?.find((n) => tagOf(n) === 'Relationships');
  for (const r of root ? childrenOf(root) : []) {
    if (attr(r, 'Type')?.endsWith('/officeDocument')) return (attr(r, 'Target') ?? '').replace(/^\//, '');
  }
  return 'word/document.xml';
};

export type DocxDocument = { ok: true; doc: Document } | { ok: false; problem: ZipProblem };

/** The .docx as the format-neutral Document (paragraphs with style levels, tables with spans). */
export const readDocxDocument = (bytes: Uint8Array): DocxDocument => {
  const opened = openZipGuarded(bytes);
  if (!opened.ok) return opened;
  const zip = opened.value;
  const rels = readPart(zip, '_rels/.rels');
  if (!rels.ok) return rels;
  const name = mainPartName(rels.nodes);
  if (!name.endsWith('.xml') || name.includes('..')) {
    return {
      ok: false,
      problem: { code: 'read.not-docx', zh: '压缩包不是 Word 文档', en: 'not a Word document' },
    };
  }
  const doc = readPart(zip, name);
  if (!doc.ok) return doc;
  if (!doc.nodes?.some((n) => tagOf(n) === 'w:document')) {
    return {
      ok: false,
      problem: {
        code: 'read.not-docx',
        zh: '压缩包中没有 Word 正文（word/document.xml）',
        en: 'no Word document body in the zip',
      },
    };
  }
  const numbering = readPart(zip, 'word/numbering.xml');
  if (!numbering.ok) return numbering;
  const styles = readPart(zip, 'word/styles.xml');
  if (!styles.ok) return styles;
  const defs: NumberingDefs = numbering.nodes
    ? readNumbering(numbering.nodes)
    : { abstracts: new Map(), nums: new Map() };
  const styleNums = styles.nodes ? readStyleNumbering(styles.nodes) : new Map();
  const levels = styles.nodes ? readStyleLevels(styles.nodes) : new Map();
  const blocks = documentBlocks(doc.nodes, defs, styleNums, levels);
  return { ok: true, doc: { format: 'docx', encoding: null, blocks, warnings: [] } };
};

export const readDocxLines = (bytes: Uint8Array): DocxLines => {
  const read = readDocxDocument(bytes);
  return read.ok ? { ok: true, lines: blockLines(read.doc.blocks) } : read;
};
