import type { SourceLine } from './source-line.ts';

/** A space, an ideographic space or a no-break space. */
const isIndent = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;
/** Where a table cell's text starts: after a TAB that follows optional indentation; -1 when not a cell. */
const cellStart = (line: string): number => {
  let i = 0;
  while (isIndent(line.charCodeAt(i))) i++;
  return line.charCodeAt(i) === 0x09 ? i + 1 : -1;
};
const BLANK = /^[\s\u3000\u00a0\ufeff]*$/;
/** Blank: empty or only spaces; the regex runs only on a line that starts with a space. */
const isBlank = (line: string): boolean => line === '' || (BLANK.test(line.charAt(0)) && BLANK.test(line));
/** A row of a table typed on one line: text, then at least two TABs (checked without a regex: lines can be long). */
const isTsvRow = (line: string): boolean => {
  const first = line.indexOf('\t');
  return first > 0 && line.indexOf('\t', first + 1) > 0 && line.slice(0, first).trim() !== '';
};

/** The lines of a text, as `text.split(/\r\n|\r|\n/)` gives them, found with indexOf (several times faster). */
const linesOf = (text: string): string[] => {
  const lines: string[] = [];
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let start = 0;
  for (;;) {
    if (nl !== -1 && nl < start) nl = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    const end = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl;
    if (end === -1) break;
    lines.push(text.slice(start, end));
    start = end + (end === cr && nl === cr + 1 ? 2 : 1);
  }
  lines.push(text.slice(start));
  return lines;
};

/**
 * Splits the text export of a .docx into {@link SourceLine} records: one per non-blank line; table
 * cells are the lines that start with a TAB (one cell per line), rows separated by a blank line, tables
 * by two blank lines or a paragraph. A line of three or more TAB-separated cells is a whole row.
 */
export const splitTextLines = (text: string): SourceLine[] => {
  const lines = linesOf(text);
  const out: SourceLine[] = [];
  let table = 0;
  let inTable = false;
  let row = 0;
  let column = 0;
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cell = cellStart(line);
    if (cell >= 0) {
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
      const raw = line.slice(cell);
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
    } else if (isBlank(line)) {
      if (inTable) blanks++;
    } else {
      inTable = false;
      blanks = 0;
      out.push({ text: line, src: { line: i + 1, raw: line } });
    }
  }
  return out;
};
