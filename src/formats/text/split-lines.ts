import { isWhiteSpace } from '../document/normalize.ts';
import type { SourceLine } from '../document/source-line.ts';

/** A space, an ideographic space or a no-break space. */
const isIndent = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;

/**
 * Where the text of a table cell on the line `text[start, end)` starts: after a TAB that follows optional
 * indentation; -1 when the line is not a cell. Told before the line is sliced, so a cell is sliced once.
 */
const cellStart = (text: string, start: number, end: number): number => {
  let i = start;
  while (i < end && isIndent(text.charCodeAt(i))) i++;
  return i < end && text.charCodeAt(i) === 0x09 ? i + 1 : -1;
};

/** Blank: empty or only white space (/^\s*$/, told by code units). */
const isBlank = (line: string): boolean => {
  for (let i = 0; i < line.length; i++) if (!isWhiteSpace(line.charCodeAt(i))) return false;
  return true;
};

/** A row of a table typed on one line: text, then at least two TABs (checked without a regex: lines can be long). */
const isTsvRow = (line: string): boolean => {
  const first = line.indexOf('\t');
  return first > 0 && line.indexOf('\t', first + 1) > 0 && line.slice(0, first).trim() !== '';
};

/**
 * A further row of a TAB-separated table (the line just above was one): a row whose first cell is empty
 * starts with a TAB, and a short row (`自评等级→优`) may hold one TAB only.
 */
const isTsvContinuation = (line: string): boolean => {
  const first = line.indexOf('\t');
  if (first < 0) return false;
  return line.slice(0, first).trim() === '' ? line.indexOf('\t', first + 1) > 0 : true;
};

/** What {@link eachTextLine} tells of each record, in the order of the text. */
export type TextLineVisitor = {
  /** A paragraph: line `no` (1-based), its text as read. */
  paragraph: (no: number, text: string) => void;
  /** A table cell: its line, its text as read, its table (`"1"`, `"2"`…), row and column (0-based). */
  cell: (no: number, text: string, table: string, row: number, column: number) => void;
};

/**
 * Splits the text export of a .docx into {@link SourceLine} records: one per non-blank line; table
 * cells are the lines that start with a TAB (one cell per line), rows separated by a blank line, tables
 * by two blank lines or a paragraph. A line of three or more TAB-separated cells is a whole row.
 */
export const splitTextLines = (text: string): SourceLine[] => {
  const out: SourceLine[] = [];
  eachTextLine(text, {
    paragraph: (no, raw) => {
      out.push({ text: raw, src: { line: no, raw } });
    },
    cell: (no, raw, table, row, column) => {
      out.push({ text: raw, src: { line: no, table, row, column, raw } });
    },
  });
  return out;
};

/**
 * The records of {@link splitTextLines}, handed to `visit` one by one instead of made: the text reader
 * (text-document.ts) makes its paragraphs and cells from them directly, without a record in between.
 */
export const eachTextLine = (text: string, visit: TextLineVisitor): void => {
  // Every line break made \n (the lines stay the same as split(/\r\n|\r|\n/) gives): found with indexOf.
  const t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let table = 0;
  let tableId = '';
  let inTable = false;
  let row = 0;
  let column = 0;
  let blanks = 0;
  let lastWasTsv = false;
  let end = -1;
  for (let start = 0, no = 1; start <= t.length; start = end + 1, no++) {
    const next = t.indexOf('\n', start);
    end = next < 0 ? t.length : next;
    const continues = lastWasTsv && blanks === 0 && isTsvContinuation(t.slice(start, end));
    lastWasTsv = false;
    const cell = continues ? -1 : cellStart(t, start, end);
    if (cell >= 0) {
      // Rows are separated by one blank line; the export ends a table with two.
      if (!inTable || blanks >= 2) {
        tableId = String(++table);
        inTable = true;
        row = 0;
        column = 0;
      } else if (blanks > 0) {
        row++;
        column = 0;
      }
      blanks = 0;
      visit.cell(no, t.slice(cell, end), tableId, row, column);
      column++;
      continue;
    }
    const line = t.slice(start, end);
    if (continues || isTsvRow(line)) {
      lastWasTsv = true;
      // A whole row on one line, cells separated by TABs (text copied from Word or a spreadsheet).
      if (!inTable || blanks >= 2) {
        tableId = String(++table);
        inTable = true;
        row = 0;
      } else row++;
      blanks = 0;
      for (const [c, cell] of line.split('\t').entries()) {
        // Indentation before a row's first TAB is no cell text.
        visit.cell(no, c === 0 && cell.trim() === '' ? '' : cell, tableId, row, c);
      }
      column = 0;
    } else if (isBlank(line)) {
      if (inTable) blanks++;
    } else {
      inTable = false;
      blanks = 0;
      visit.paragraph(no, line);
    }
  }
};
