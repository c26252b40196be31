/**
 * Text of any shape → the format-neutral {@link Document}. The text export of a .docx (one cell per line
 * after a TAB, rows separated by a blank line) is read as {@link splitTextLines} reads it, unchanged; the
 * other lines are shaped into paragraphs and tables as in src/formats/document/shape-paragraphs.ts.
 */
import type { DocBlock, DocTable, Document } from '../document/document.ts';
import {
  pushTable,
  type RunReader,
  type ShapeLine,
  shapeRun,
  startTables,
} from '../document/shape-paragraphs.ts';
import { splitTextLines } from './split-lines.ts';

type Line = ShapeLine;

/**
 * The document of a decoded text. Line numbers are 1-based lines of the text. `reader` (the
 * understanding step's form reader, given by src/formats/read/read-text.ts) may read a run of lines as
 * a table where their shapes alone cannot tell its rows (one cell per line, rows of different widths).
 */
export const textDocument = (text: string, encoding: string | null, reader?: RunReader): Document => {
  startTables('t');
  const t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const records = splitTextLines(t);
  const blocks: DocBlock[] = [];
  let run: (Line | null)[] = [];
  let lastLine = 0;
  const flush = () => {
    if (run.length) shapeRun(run, blocks, reader);
    run = [];
  };
  /**
   * Blank lines between the last record and line `no` join the run (they separate rows). Every line
   * between two records is blank: splitTextLines makes a record of every other line.
   */
  const blanksUpTo = (no: number) => {
    for (let k = lastLine + 1; k < no; k++) run.push(null);
  };
  let table: DocTable | null = null;
  for (const r of records) {
    const no = r.src.line!;
    if (r.src.table === undefined) {
      table = null;
      blanksUpTo(no);
      run.push({ no, text: r.text });
      lastLine = no;
      continue;
    }
    flush();
    lastLine = no;
    if (!table || table.id !== r.src.table) {
      table = {
        kind: 'table',
        id: r.src.table,
        rows: [],
        headerRows: 1,
        caption: [],
        src: { line: no, raw: '' },
      };
      pushTable(blocks, table);
    }
    const rowNo = r.src.row ?? 0;
    while (table.rows.length <= rowNo) table.rows.push({ cells: [] });
    table.rows[rowNo]!.cells.push({ text: r.text, src: r.src, rowSpan: 1, colSpan: 1 });
  }
  flush();
  // The TAB-led tables keep their numbers ("1", "2"…); the shaped ones are "t1", "t2"…: all distinct.
  return { format: 'text', encoding, blocks, warnings: [] };
};
