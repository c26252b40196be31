import type { SourceLine } from './source-line.ts';

/** A table cell line of the text export: a TAB after optional indentation. */
const CELL = /^[ \u3000\u00a0]*\t/;
const BLANK = /^[\s\u3000\u00a0\ufeff]*$/;

/**
 * Splits the text export of a .docx into {@link SourceLine} records: one per non-blank line; table
 * cells are the lines that start with a TAB (one cell per line), rows separated by a blank line, tables
 * by two blank lines or a paragraph.
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
