/**
 * An HTML page → the format-neutral {@link Document}: block elements and `<br>` end paragraphs, h1–h6
 * give a style level, `<table>` becomes a table with its row and column spans placed in the grid, and
 * a government site's chrome (see chrome.ts) is left out. Tables used for page layout (a table in a
 * cell, one cell only, headings in cells) are read as the flow of text they hold.
 *
 * Bounded: past {@link MAX_DEPTH} nested elements, {@link MAX_ELEMENTS} elements or
 * {@link MAX_GRID_CELLS} table grid cells the page is refused with a reason, not walked further.
 */

import {
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  defaultTreeAdapter,
  parse,
  type TreeAdapter,
} from 'parse5';
import type { FailureCode } from '../../core/result.ts';
import { takeCaption } from '../document/caption.ts';
import type { DocBlock, DocCell, DocParagraph, DocRow, DocTable, Document } from '../document/document.ts';
import { attrOf, isChromeElement, isChromeText, SKIP_TAGS } from './chrome.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export const MAX_DEPTH = 400;
export const MAX_ELEMENTS = 400_000;
export const MAX_GRID_CELLS = 1_000_000;

export type HtmlProblem = { code: FailureCode; zh: string; en: string };
export type HtmlDocument = { ok: true; doc: Document } | { ok: false; problem: HtmlProblem };

/** Raised inside the walk to stop it; turned into an {@link HtmlProblem} at the top. */
class Refused extends Error {
  constructor(readonly problem: HtmlProblem) {
    super(problem.en);
  }
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'center',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'address',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
  'tr',
  'td',
  'th',
  'caption',
  'tbody',
  'thead',
  'tfoot',
]);

const HEADING = /^h([1-6])$/;

const isElement = (n: Node): n is Element => 'tagName' in n;

/**
 * What jixiao's own HTML writer adds to a report and is no part of it (the score table computed from the
 * indicators, the audit's error page), as the .docx reader skips the same parts by their style.
 */
const isDerived = (el: Element): boolean =>
  el.tagName === 'section' && /^(appendix|errors)$/.test(attrOf(el, 'class') ?? '');

const collapse = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ').trim();

const isCentered = (el: Element): boolean =>
  el.tagName === 'center' ||
  attrOf(el, 'align')?.toLowerCase() === 'center' ||
  /text-align\s*:\s*center/i.test(attrOf(el, 'style') ?? '');

type Style = { level?: number; centered?: boolean };

/** Collects paragraphs from a flow of elements: the page body, or one table cell. */
class Flow {
  readonly blocks: DocBlock[] = [];
  private buf = '';
  private readonly styles: Style[] = [{}];
  private pre = 0;

  constructor(
    private readonly page: Page,
    private readonly inCell: boolean,
  ) {}

  flush(): void {
    const text = collapse(this.buf);
    this.buf = '';
    if (!text || (!this.inCell && isChromeText(text))) return;
    const style = this.styles[this.styles.length - 1] ?? {};
    const p: DocParagraph = { kind: 'paragraph', text, src: { line: ++this.page.line, raw: text } };
    if (style.level) p.styleLevel = style.level;
    if (style.centered) p.centered = true;
    this.blocks.push(p);
  }

  walk(n: Node, depth: number): void {
    if (depth > MAX_DEPTH) {
      throw new Refused(TOO_DEEP);
    }
    if (n.nodeName === '#text' && 'value' in n) {
      if (this.pre === 0) this.buf += n.value;
      else {
        const [first, ...rest] = n.value.split('\n');
        this.buf += first;
        for (const line of rest) {
          this.flush();
          this.buf += line;
        }
      }
      return;
    }
    if (!isElement(n)) {
      if ('childNodes' in n) for (const c of n.childNodes) this.walk(c, depth + 1);
      return;
    }
    if (++this.page.elements > MAX_ELEMENTS) {
      throw new Refused(TOO_MANY);
    }
    const tag = n.tagName;
    if (SKIP_TAGS.has(tag)) return;
    if (!this.inCell && (tag === 'header' || tag === 'footer') && !this.page.inArticle) return;
    if (!this.inCell && tag !== 'body' && tag !== 'html' && this.page.stripByClass && isChromeElement(n))
      return;
    if (isDerived(n)) return;
    if (tag === 'br') {
      this.flush();
      return;
    }
    if (tag === 'table' && !isLayoutTable(n)) {
      this.flush();
      const table = readTable(this.page, n, depth);
      if (!table) return;
      if (this.inCell) {
        // A table inside a data cell: its text, row by row.
        for (const row of table.rows) this.buf += `${row.cells.map((c) => c.text).join(' ')}\n`;
        return;
      }
      takeCaption(this.blocks, table);
      this.blocks.push(table);
      return;
    }
    const block = BLOCK_TAGS.has(tag) || tag === 'table';
    if (!block) {
      for (const c of n.childNodes) this.walk(c, depth + 1);
      return;
    }
    this.flush();
    const heading = HEADING.exec(tag);
    const outer = this.styles[this.styles.length - 1] ?? {};
    const style: Style = { ...outer };
    if (heading) style.level = Number(heading[1]);
    if (isCentered(n)) style.centered = true;
    this.styles.push(style);
    const article = tag === 'article' || tag === 'main';
    if (article) this.page.inArticle++;
    if (tag === 'pre') this.pre++;
    for (const c of n.childNodes) this.walk(c, depth + 1);
    this.flush();
    if (tag === 'pre') this.pre--;
    if (article) this.page.inArticle--;
    this.styles.pop();
  }

  /** A cell's text: its paragraphs joined by "\n". */
  cellText(): string {
    this.flush();
    return this.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
  }
}

type Page = {
  line: number;
  tables: number;
  elements: number;
  gridCells: number;
  inArticle: number;
  stripByClass: boolean;
};

/** The table's own rows (not those of tables nested in its cells). */
const ownRows = (table: Element): Element[] => {
  const rows: Element[] = [];
  for (const c of table.childNodes) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      for (const r of c.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
};

const ownCells = (row: Element): Element[] =>
  row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));

const hasDescendant = (n: Element, test: (e: Element) => boolean, limit = { left: 20_000 }): boolean => {
  for (const c of n.childNodes) {
    if (!isElement(c) || --limit.left < 0) continue;
    if (test(c) || hasDescendant(c, test, limit)) return true;
  }
  return false;
};

const countDescendants = (n: Element, test: (e: Element) => boolean, limit = { left: 20_000 }): number => {
  let k = 0;
  for (const c of n.childNodes) {
    if (!isElement(c) || --limit.left < 0) continue;
    if (test(c)) k++;
    k += countDescendants(c, test, limit);
  }
  return k;
};

/**
 * A table that lays out the page rather than holding data: one cell only, or a cell that holds a table,
 * a heading or many paragraphs (old government sites put the whole article in a layout table).
 */
const isLayoutTable = (table: Element): boolean => {
  const cells = ownRows(table).flatMap(ownCells);
  if (cells.length <= 1) return true;
  return cells.some(
    (c) =>
      hasDescendant(c, (e) => e.tagName === 'table' || HEADING.test(e.tagName)) ||
      countDescendants(c, (e) => e.tagName === 'p' || e.tagName === 'div') >= 12,
  );
};

const spanOf = (el: Element, name: string, max: number): number => {
  const v = Number.parseInt(attrOf(el, name) ?? '1', 10);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, max) : name === 'rowspan' && v === 0 ? max : 1;
};

/** The table with its cells placed in the grid (spans resolved), or null when it holds no text. */
const readTable = (page: Page, el: Element, depth: number): DocTable | null => {
  const rows = ownRows(el);
  const id = String(++page.tables);
  const taken: Set<number>[] = rows.map(() => new Set());
  const out: DocRow[] = [];
  let headerRows = 0;
  let leadingTh = true;
  for (const [r, tr] of rows.entries()) {
    const cells: DocCell[] = [];
    let col = 0;
    const tds = ownCells(tr);
    for (const td of tds) {
      while (taken[r]!.has(col)) col++;
      const rowSpan = spanOf(td, 'rowspan', rows.length - r);
      const colSpan = spanOf(td, 'colspan', 1000);
      page.gridCells += rowSpan * colSpan;
      if (page.gridCells > MAX_GRID_CELLS) {
        throw new Refused({
          code: 'read.html-too-large',
          zh: '网页中的表格过大，不像自评报告',
          en: 'the HTML tables are too large',
        });
      }
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr]!.add(col + dc);
      const flow = new Flow(page, true);
      for (const c of td.childNodes) flow.walk(c, depth + 2);
      const text = flow.cellText();
      cells.push({ text, src: { table: id, row: r, column: col, raw: text }, rowSpan, colSpan });
      col += colSpan;
    }
    const head = tr.parentNode && isElement(tr.parentNode) && tr.parentNode.tagName === 'thead';
    if (leadingTh && tds.length > 0 && (head || tds.every((td) => td.tagName === 'th'))) headerRows++;
    else leadingTh = false;
    out.push({ cells });
  }
  if (!out.some((row) => row.cells.some((c) => c.text !== ''))) return null;
  const table: DocTable = {
    kind: 'table',
    id,
    rows: out,
    headerRows,
    caption: [],
    src: { line: page.line + 1, raw: '' },
  };
  const caption = [...el.childNodes].find((c): c is Element => isElement(c) && c.tagName === 'caption');
  if (caption) {
    const flow = new Flow(page, true);
    flow.walk(caption, depth + 1);
    const text = collapse(flow.cellText());
    if (text) table.caption.push({ kind: 'paragraph', text, src: { line: ++page.line, raw: text } });
  }
  return table;
};

/** A disclosure header (索引号, 发布机构 …) set as a table above the article. */
const isDisclosureTable = (b: DocBlock): boolean =>
  b.kind === 'table' && b.rows.some((r) => r.cells.some((c) => /^索引号\s*[:：]?/.test(c.text)));

const TOO_DEEP: HtmlProblem = {
  code: 'read.html-too-deep',
  zh: `网页元素嵌套超过 ${MAX_DEPTH} 层，不像自评报告`,
  en: `HTML nested more than ${MAX_DEPTH} levels deep`,
};
const TOO_MANY: HtmlProblem = {
  code: 'read.html-too-large',
  zh: `网页元素超过 ${MAX_ELEMENTS} 个，不像自评报告`,
  en: `more than ${MAX_ELEMENTS} HTML elements`,
};

/**
 * The parser's tree builder, counting elements and nesting as it builds: the parser's own work grows with
 * the nesting (it searches the open elements for each tag), so a hostile page is stopped while parsed.
 */
const boundedTreeAdapter = (): TreeAdapter<DefaultTreeAdapterMap> => {
  const depth = new WeakMap<object, number>();
  let elements = 0;
  const place = (parent: object, node: object) => {
    const d = (depth.get(parent) ?? 0) + 1;
    if (d > MAX_DEPTH) throw new Refused(TOO_DEEP);
    depth.set(node, d);
  };
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++elements > MAX_ELEMENTS) throw new Refused(TOO_MANY);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    appendChild(parent, node) {
      place(parent, node);
      defaultTreeAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, reference) {
      place(parent, node);
      defaultTreeAdapter.insertBefore(parent, node, reference);
    },
  };
};

const walkPage = (html: string, encoding: string, stripByClass: boolean): Document => {
  const page: Page = { line: 0, tables: 0, elements: 0, gridCells: 0, inArticle: 0, stripByClass };
  const flow = new Flow(page, false);
  flow.walk(parse(html, { treeAdapter: boundedTreeAdapter() }), 0);
  flow.flush();
  return { format: 'html', encoding, blocks: flow.blocks.filter((b) => !isDisclosureTable(b)), warnings: [] };
};

export const htmlDocument = (html: string, encoding: string): HtmlDocument => {
  try {
    const doc = walkPage(html, encoding, true);
    // A site that names its content box like chrome ("main-header-content"): read it without the class test.
    if (doc.blocks.length < 3) {
      const all = walkPage(html, encoding, false);
      if (all.blocks.length >= 10 * Math.max(1, doc.blocks.length)) return { ok: true, doc: all };
    }
    return { ok: true, doc };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.problem };
    // parse5 recurses nowhere, so a stack overflow here is ours: say so rather than crash a batch.
    if (e instanceof RangeError) {
      return {
        ok: false,
        problem: { code: 'read.html-too-deep', zh: '网页结构过深，无法读取', en: 'HTML structure too deep' },
      };
    }
    throw e;
  }
};
