/**
 * The body of a .docx (word/document.xml) as the format-neutral Document's blocks: one paragraph per
 * line of a `w:p` (with the heading level its style gives, and centring), one table per `w:tbl` (merged
 * cells once, at their first grid column and row, with their row and column spans; several paragraphs of
 * a cell joined by "\n"), with Word's automatic numbering written back in front of the text. Also as the
 * records the text reader parses ({@link documentLines}).
 */
import type { DocBlock, DocCell, DocParagraph, DocRow, DocTable } from '../document/document.ts';
import type { SourceLine } from '../document/source-line.ts';
import { APPENDIX_STYLE, AUDIT_STYLE } from './docx-style.ts';
import { type NumberingDefs, type NumPr, numberer } from './numbering.ts';
import { attr, child, childrenOf, tagOf, textOf, type XmlNode } from './ooxml-xml.ts';

/** Paragraph style id → the numbering it carries (w:style/w:pPr/w:numPr), following w:basedOn. */
export const readStyleNumbering = (root: XmlNode[]): Map<string, NumPr> => {
  const raw = new Map<string, { numPr?: NumPr; basedOn?: string }>();
  const styles = root.find((n) => tagOf(n) === 'w:styles');
  for (const s of styles ? childrenOf(styles) : []) {
    if (tagOf(s) !== 'w:style') continue;
    const numPr = child(child(s, 'w:pPr') ?? {}, 'w:numPr');
    const based = child(s, 'w:basedOn');
    raw.set(attr(s, 'w:styleId') ?? '', {
      ...(numPr ? { numPr: readNumPr(numPr) } : {}),
      ...(based ? { basedOn: attr(based, 'w:val') ?? '' } : {}),
    });
  }
  const out = new Map<string, NumPr>();
  for (const id of raw.keys()) {
    let s = raw.get(id);
    for (let hops = 0; s && hops < 10; hops++) {
      if (s.numPr) {
        out.set(id, s.numPr);
        break;
      }
      s = s.basedOn ? raw.get(s.basedOn) : undefined;
    }
  }
  return out;
};

/**
 * Paragraph style id → the heading level it gives (1-based): its outline level (w:outlineLvl, 0-based),
 * else a built-in heading name ("heading 2", "标题 2"), following w:basedOn.
 */
export const readStyleLevels = (root: XmlNode[]): Map<string, number> => {
  const raw = new Map<string, { level?: number; basedOn?: string }>();
  const styles = root.find((n) => tagOf(n) === 'w:styles');
  for (const s of styles ? childrenOf(styles) : []) {
    if (tagOf(s) !== 'w:style' || attr(s, 'w:type') !== 'paragraph') continue;
    const outline = attr(child(child(s, 'w:pPr') ?? {}, 'w:outlineLvl') ?? {}, 'w:val');
    const name = attr(child(s, 'w:name') ?? {}, 'w:val') ?? '';
    const named = /^(heading|标题)\s*([1-9])$/i.exec(name.trim());
    const level =
      outline !== undefined && Number(outline) < 9
        ? Number(outline) + 1
        : named
          ? Number(named[2])
          : undefined;
    const based = child(s, 'w:basedOn');
    raw.set(attr(s, 'w:styleId') ?? '', {
      ...(level ? { level } : {}),
      ...(based ? { basedOn: attr(based, 'w:val') ?? '' } : {}),
    });
  }
  const out = new Map<string, number>();
  for (const id of raw.keys()) {
    let s = raw.get(id);
    for (let hops = 0; s && hops < 10; hops++) {
      if (s.level) {
        out.set(id, s.level);
        break;
      }
      s = s.basedOn ? raw.get(s.basedOn) : undefined;
    }
  }
  return out;
};

const readNumPr = (n: XmlNode): NumPr => ({
  numId: attr(child(n, 'w:numId') ?? {}, 'w:val') ?? '0',
  ilvl: Number(attr(child(n, 'w:ilvl') ?? {}, 'w:val') ?? 0),
});

/** Parts of a run or paragraph that hold no reading text. */
const SKIP = new Set([
  'w:pPr',
  'w:rPr',
  'w:del',
  'w:moveFrom',
  'w:instrText',
  'w:delText',
  'w:drawing',
  'w:pict',
  'w:object',
  'mc:AlternateContent',
  'w:fldData',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
]);

/**
 * Complex fields open across runs and paragraphs (w:fldChar begin … separate … end). The text of a TOC
 * field's result is the table of contents: headings again, with page numbers, not report text.
 */
type Fields = { open: string[] };

const inToc = (f: Fields) => f.open.some((instr) => /^\s*TOC\b/i.test(instr));

const runText = (f: Fields, nodes: XmlNode[]): string => {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:fldChar') {
      const type = attr(n, 'w:fldCharType');
      if (type === 'begin') f.open.push('');
      else if (type === 'end') f.open.pop();
      continue;
    }
    if (tag === 'w:instrText') {
      const i = f.open.length - 1;
      if (i >= 0) f.open[i] += childrenOf(n).map(textOf).join('');
      continue;
    }
    if (!tag || SKIP.has(tag) || tag === '#text') continue;
    if (tag === 'w:t') out += inToc(f) ? '' : childrenOf(n).map(textOf).join('');
    else if (tag === 'w:tab' || tag === 'w:ptab') out += ' ';
    else if (tag === 'w:br' || tag === 'w:cr') out += attr(n, 'w:type') === 'page' ? '' : '\n';
    else if (tag === 'w:noBreakHyphen') out += '-';
    else if (tag === 'w:fldSimple' && /^\s*TOC\b/i.test(attr(n, 'w:instr') ?? '')) continue;
    else out += runText(f, childrenOf(n));
  }
  return out;
};

type Walk = {
  fields: Fields;
  blocks: DocBlock[];
  paragraph: number;
  tables: number;
  number: (p: NumPr) => string;
  styles: Map<string, NumPr>;
  levels: Map<string, number>;
};

const styleOf = (p: XmlNode): string | undefined => {
  const pPr = child(p, 'w:pPr');
  return pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
};

const DERIVED: readonly (string | undefined)[] = [AUDIT_STYLE, APPENDIX_STYLE];

/** jixiao's own error page and 附表 (see error-page.ts) are derived, not part of the report. */
const isAuditPage = (n: XmlNode): boolean => {
  if (tagOf(n) === 'w:p') return DERIVED.includes(styleOf(n));
  const tr = child(n, 'w:tr');
  const tc = tr ? child(tr, 'w:tc') : undefined;
  const p = tc ? child(tc, 'w:p') : undefined;
  return p !== undefined && DERIVED.includes(styleOf(p));
};

const paragraphText = (w: Walk, p: XmlNode): string => {
  const pPr = child(p, 'w:pPr');
  const direct = pPr ? child(pPr, 'w:numPr') : undefined;
  const styleId = pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
  const numPr = direct ? readNumPr(direct) : styleId ? w.styles.get(styleId) : undefined;
  const text = runText(w.fields, childrenOf(p));
  const prefix = numPr && numPr.numId !== '0' ? w.number(numPr) : '';
  // A number alone (an empty numbered paragraph, a TOC line) is no text.
  return text.trim() === '' ? '' : prefix + text;
};

const cellText = (w: Walk, tc: XmlNode): string => {
  const parts: string[] = [];
  for (const n of childrenOf(tc)) {
    const tag = tagOf(n);
    if (tag === 'w:p') {
      w.paragraph++;
      parts.push(paragraphText(w, n));
    } else if (tag === 'w:tbl') {
      // A table nested in a cell: its cells' text, row by row, as more lines of the cell.
      for (const tr of childrenOf(n).filter((x) => tagOf(x) === 'w:tr')) {
        parts.push(
          childrenOf(tr)
            .filter((x) => tagOf(x) === 'w:tc')
            .map((x) => cellText(w, x))
            .join(' '),
        );
      }
    } else if (tag === 'w:sdt') {
      parts.push(cellText(w, child(n, 'w:sdtContent') ?? {}));
    }
  }
  return parts.filter((s) => s.trim() !== '').join('\n');
};

const table = (w: Walk, tbl: XmlNode): void => {
  const name = String(++w.tables);
  const rows: DocRow[] = [];
  /** The cell a vertical merge started, by grid column: continued cells add to its row span. */
  const open = new Map<number, DocCell>();
  let headerRows = 0;
  let header = true;
  for (const tr of childrenOf(tbl)) {
    if (tagOf(tr) !== 'w:tr') continue;
    const row = rows.length;
    const trPr = child(tr, 'w:trPr');
    if (header && trPr && child(trPr, 'w:tblHeader')) headerRows++;
    else header = false;
    let column = Number(attr(child(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0);
    const cells: DocCell[] = [];
    for (const tc of childrenOf(tr)) {
      if (tagOf(tc) !== 'w:tc') continue;
      const tcPr = child(tc, 'w:tcPr');
      const span = Number(attr(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1;
      const vMerge = child(tcPr ?? {}, 'w:vMerge');
      const line = w.paragraph + 1;
      const text = cellText(w, tc);
      // A vMerge without "restart" continues the cell above: that cell was given already.
      const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      const above = open.get(column);
      if (continued && above) above.rowSpan++;
      else if (!continued) {
        const cell: DocCell = {
          text,
          src: { line, table: name, row, column, raw: text },
          rowSpan: 1,
          colSpan: span,
        };
        cells.push(cell);
        if (vMerge) open.set(column, cell);
        else open.delete(column);
      }
      column += span;
    }
    rows.push({ cells });
  }
  const t: DocTable = {
    kind: 'table',
    id: name,
    rows,
    headerRows,
    caption: [],
    src: { line: w.paragraph, raw: '' },
  };
  w.blocks.push(t);
};

/** A paragraph's heading level (its style's, or a direct outline level) and centring. */
const paragraphStyle = (w: Walk, p: XmlNode): Pick<DocParagraph, 'styleLevel' | 'centered'> => {
  const pPr = child(p, 'w:pPr');
  if (!pPr) return {};
  const outline = attr(child(pPr, 'w:outlineLvl') ?? {}, 'w:val');
  const styleId = attr(child(pPr, 'w:pStyle') ?? {}, 'w:val');
  const level =
    outline !== undefined && Number(outline) < 9
      ? Number(outline) + 1
      : styleId
        ? w.levels.get(styleId)
        : undefined;
  const jc = attr(child(pPr, 'w:jc') ?? {}, 'w:val');
  return { ...(level ? { styleLevel: level } : {}), ...(jc === 'center' ? { centered: true } : {}) };
};

const body = (w: Walk, nodes: XmlNode[]): void => {
  for (const n of nodes) {
    const tag = tagOf(n);
    if ((tag === 'w:p' || tag === 'w:tbl') && isAuditPage(n)) {
      if (tag === 'w:p') w.paragraph++;
    } else if (tag === 'w:p') {
      const line = ++w.paragraph;
      const style = paragraphStyle(w, n);
      for (const text of paragraphText(w, n).split('\n')) {
        if (text.trim() !== '')
          w.blocks.push({ kind: 'paragraph', text, src: { line, raw: text }, ...style });
      }
    } else if (tag === 'w:tbl') table(w, n);
    else if (tag === 'w:sdt') body(w, childrenOf(child(n, 'w:sdtContent') ?? {}));
    else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:smartTag') body(w, childrenOf(n));
  }
};

/** The body's blocks: paragraphs and tables in document order. */
export const documentBlocks = (
  document: XmlNode[],
  numbering: NumberingDefs,
  styles: Map<string, NumPr>,
  levels: Map<string, number> = new Map(),
): DocBlock[] => {
  const w: Walk = {
    fields: { open: [] },
    blocks: [],
    paragraph: 0,
    tables: 0,
    number: numberer(numbering),
    styles,
    levels,
  };
  const doc = document.find((n) => tagOf(n) === 'w:document');
  const b = doc ? child(doc, 'w:body') : undefined;
  if (b) body(w, childrenOf(b));
  return w.blocks;
};

/** The blocks as records: paragraphs, and each table's cells row by row (merged cells once). */
export const blockLines = (blocks: readonly DocBlock[]): SourceLine[] =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [{ text: b.text, src: b.src }]
      : b.rows.flatMap((r) => r.cells.map((c) => ({ text: c.text, src: c.src }))),
  );

export const documentLines = (
  document: XmlNode[],
  numbering: NumberingDefs,
  styles: Map<string, NumPr>,
): SourceLine[] => blockLines(documentBlocks(document, numbering, styles));
