import type { SourceLine } from './source-line.ts';

/** A table cell line of the text export: a TAB after optional indentation. */
const CELL = /^[ \u3000\u00a0]*\t/;
const BLANK = /^[\s\u3000\u00a0\ufeff]*$/;
/** A row of a table typed on one line: text, then at least two TABs (checked without a regex: lines can be long). */
const isTsvRow = (line: string): boolean => {
  const first = line.indexOf('\t');
  return first > 0 && line.indexOf('\t', first + 1) > 0 && line.slice(0, first).trim() !== '';
};

/**
 * Splits the text export of a .docx into {@link SourceLine} records: one per non-blank line; table
 * cells are the lines that start with a TAB (one cell per line), rows separated by a blank line, tables
 * by two blank lines or a paragraph. A line of three or more TAB-separated cells is a whole row.
 */
export const splitTextLines = (text: string): SourceLine[] => {
  const lines = text.split(/\r\n|\r|\n/);
  const out: SourceLine[] = [];
  let table = 0;
  let inTable = false;
  let row = 0;
  let column = 0;
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cell = CELL.exec(line);
    if (cell) {
      // Rows are separated by one blank line; the export ends a table with two.
      if (!inTable || blanks >= 2) {
        table++;
        inTable = true;
        row = 0;
        column = 0;
      } else if (blanks > 0) {
        row++;
        column = 0;
      }
      blanks = 0;
      const raw = line.slice(cell[0].length);
      out.push({ text: raw, src: { line: i + 1, table: String(table), row, column, raw } });
      column++;
    } else if (isTsvRow(line)) {
      // A whole row on one line, cells separated by TABs (text copied from Word or a spreadsheet).
      if (!inTable || blanks >= 2) {
        table++;
        inTable = true;
        row = 0;
      } else row++;
      blanks = 0;
      for (const [c, raw] of line.split('\t').entries())
        out.push({ text: raw, src: { line: i + 1, table: String(table), row, column: c, raw } });
      column = 0;
    } else if (BLANK.test(line)) {
      if (inTable) blanks++;
    } else {
      inTable = false;
      blanks = 0;
      out.push({ text: line, src: { line: i + 1, raw: line } });
    }
  }
  return out;
};
