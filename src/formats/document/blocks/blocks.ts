/**
 * The report as a neutral sequence of blocks (title, headings, paragraphs, captions, tables). Every
 * writer (docx, HTML, xlsx, and PDF through HTML) renders these, so the wording and figures are the same in
 * each format.
 */
import { decFixed, decimalPlaces } from '../../../core/decimal.ts';
import type { Finding } from '../../../core/findings.ts';

export type Cell = {
  text: string;
  /** A decimal string when the cell holds a number (right-aligned, a number in .xlsx). */
  number?: string | undefined;
  colSpan?: number | undefined;
  rowSpan?: number | undefined;
  /** A total row or header cell: bold. */
  strong?: boolean | undefined;
};

export type TableBlock = {
  kind: 'table';
  /** Stable name (expenditure, targets, achievements, indicators): sheet names, test anchors. */
  id: string;
  header: Cell[][];
  rows: Cell[][];
  /** Relative column widths. */
  widths: number[];
};

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'caption'; text: string }
  /** The unit label of the next table, right-aligned: 单位：万元. */
  | { kind: 'unit'; text: string }
  | TableBlock
  /** A derived table on a page of its own (the scored indicator tree), not part of the report's text. */
  | { kind: 'appendix'; title: string; table: TableBlock }
  | { kind: 'errors'; findings: Finding[] };

/** Each cell of a table as text, rows in order: headers then body. */
export const tableText = (t: TableBlock): string[][] =>
  [...t.header, ...t.rows].map((r) => r.map((c) => c.text));

/** A table number with 2 decimals, or more when the report states more (a value is never rounded away). */
export const tableNumber = (value: string): string => decFixed(value, Math.max(2, decimalPlaces(value)));
