/**
 * The table cells of a 项目支出绩效自评表 as rows, whatever the file: the text export (cells one per line,
 * merged cells sometimes left out), a .docx (merged cells once, at their grid column) or an .xlsx.
 */
import type { Source } from '../../../core/model/index.ts';
import { normalizeLine } from '../../document/normalize.ts';
import type { SourceLine } from '../../document/source-line.ts';

export type Cell = { text: string; key: string; column: number; src: Source };
export type Row = { table: string; row: number; cells: Cell[] };

/** Anything labelKey changes: most lines hold none, and are their own key. */
const KEY_NOISE = /[()\s：:]/;

/** A cell's text without noise, and a key for comparing labels: no spaces, colons or brackets' widths. */
export const labelKey = (s: string): string =>
  KEY_NOISE.test(s)
    ? s
        .replace(/\(/g, '（')
        .replace(/\)/g, '）')
        .replace(/[\s：:]/g, '')
    : s;

export const cellText = (raw: string): string => normalizeLine(raw).text;

/** Groups table cells into rows in document order; paragraphs are returned apart. */
export const tableRows = (lines: readonly SourceLine[]): { rows: Row[]; paragraphs: SourceLine[] } => {
  const rows: Row[] = [];
  const paragraphs: SourceLine[] = [];
  let last: Row | undefined;
  for (const l of lines) {
    const { table, row, column } = l.src;
    if (table === undefined || row === undefined || column === undefined) {
      paragraphs.push(l);
      last = undefined;
      continue;
    }
    if (!last || last.table !== table || last.row !== row) {
      last = { table, row, cells: [] };
      rows.push(last);
    }
    const text = cellText(l.text);
    last.cells.push({ text, key: labelKey(text), column, src: l.src });
  }
  return { rows, paragraphs };
};

/**
 * Places a row's cells under a header row's columns. A text export may leave out the leading cells that
 * are merged down from the rows above (the row then starts at 0 with fewer cells than the header): such a
 * row is aligned on the right. Rows from a .docx or .xlsx keep their grid columns.
 */
export const alignTo = (row: Row, header: Row): Map<number, Cell> => {
  const out = new Map<number, Cell>();
  const cols = row.cells.map((c) => c.column);
  const contiguous = cols.every((c, i) => c === i);
  const headerLast = Math.max(...header.cells.map((c) => c.column));
  const shift = contiguous && cols.length > 0 && cols.length <= headerLast ? headerLast + 1 - cols.length : 0;
  for (const c of row.cells) out.set(c.column + shift, c);
  return out;
};

/** The first cell of a row whose key matches, and the cells after it. */
export const findCell = (row: Row, test: RegExp): Cell | undefined => row.cells.find((c) => test.test(c.key));

/** The value beside a label: the next non-empty cell in the row that is not itself a label. */
export const valueAfter = (row: Row, label: Cell, isLabel: (key: string) => boolean): Cell | undefined =>
  row.cells.find((c) => c.column > label.column && c.text !== '' && !isLabel(c.key));
