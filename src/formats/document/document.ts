/**
 * The format-neutral document: what every reader (text of any shape, .docx, .doc/.wps via LibreOffice,
 * HTML, PDF, .xlsx) produces, and what the understanding step turns into the report model. Readers
 * only say what the file shows (paragraphs, tables, their places); what a paragraph or table *means*
 * (a part heading, the 部门整体支出表) is the understanding step's business.
 *
 * Sources: every block and cell carries a {@link Source}: `line` (a text line, a .docx paragraph
 * number, an HTML element's order number or a PDF line's number, 1-based), `page` (PDF; 1-based),
 * `table`/`row`/`column` for cells (0-based, header row 0), and `raw`, the text exactly as read.
 */
import type { Finding } from '../../core/findings.ts';
import type { Source } from '../../core/model/index.ts';

/** A paragraph: one line of the text export, a `w:p`, an HTML block, a PDF text line group. */
export type DocParagraph = {
  kind: 'paragraph';
  /** The text as read (not normalized: the understanding step normalizes once). No line breaks. */
  text: string;
  src: Source;
  /**
   * The heading level the file gives by style (Word 标题 1–9 / outline level, HTML h1–h6, a PDF line in a
   * larger font), 1 = highest; absent when the file says nothing. Numbering (一、（一）1.) is read from
   * the text by the understanding step, not here.
   */
  styleLevel?: number;
  /** Centred or set apart like a title (cover, document title), when the file says so. */
  centered?: boolean;
};

/**
 * A table cell placed in the grid: `src.row`/`src.column` are its first row and column. A merged cell
 * is given once, at its first row and column, with its spans; the cells it covers are absent.
 */
export type DocCell = {
  /** Its paragraphs joined by `\n`; '' for an empty cell. */
  text: string;
  src: Source;
  rowSpan: number;
  colSpan: number;
};

export type DocRow = { cells: DocCell[] };

export type DocTable = {
  kind: 'table';
  /** The same for every cell of the table (`src.table` of its cells): "1", "2", … in document order. */
  id: string;
  rows: DocRow[];
  /** How many rows at the top are the header (`<th>`/`<thead>`, Word's repeated header row, or guessed). */
  headerRows: number;
  /**
   * Its title and unit lines (“表1 部门整体支出表”, “单位：万元”), nearest last: taken from the paragraphs
   * just above it, or from a first row that holds only such a line, and never left as a data row.
   */
  caption: DocParagraph[];
  src: Source;
};

export type DocBlock = DocParagraph | DocTable;

export const DOCUMENT_FORMATS = ['text', 'docx', 'doc', 'wps', 'html', 'pdf', 'xlsx', 'xls'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type Document = {
  format: DocumentFormat;
  /** The text encoding found (text and HTML), null for binary formats. */
  encoding: string | null;
  blocks: DocBlock[];
  /** What the reader met and could not use (a damaged part, a dropped page header …). */
  warnings: Finding[];
};
