/**
 * Text of any shape → the format-neutral {@link Document}. The text export of a .docx (one cell per line
 * after a TAB, rows separated by a blank line) is read as splitTextLines (split-lines.ts) reads it,
 * unchanged; the other lines are shaped into paragraphs and tables as in
 * src/formats/document/shape-paragraphs.ts.
 */
import type { DocBlock, DocTable, Document } from '../document/document.ts';
import {
  pushTable,
  type RunReader,
  type ShapeLine,
  shapeRun,
  startTables,
} from '../document/shape-paragraphs.ts';
import { eachTextLine } from './split-lines.ts';

type Line = ShapeLine;

/**
 * The document of a decoded text. Line numbers are 1-based lines of the text. `reader` (the
 * understanding step's form reader, given by src/formats/read/read-text.ts) may read a run of lines as
 * a table where their shapes alone cannot tell its rows (one cell per line, rows of different widths).
 */
export const textDocument = (text: string, encoding: string | null, reader?: RunReader): Document => {
  startTables('t');
  const blocks: DocBlock[] = [];
  let run: (Line | null)[] = [];
  let lastLine = 0;
  const flush = () => {
    if (run.length) shapeRun(run, blocks, reader);
    run = [];
  };
  let table: DocTable | null = null;
  // The records of splitTextLines, taken as they are found (no record made in between).
  eachTextLine(text, {
    paragraph: (no, line) => {
      table = null;
      // Blank lines between the last record and this one join the run (they separate rows). Every line
      // between two records is blank: eachTextLine tells of every other line.
      for (let k = lastLine + 1; k < no; k++) run.push(null);
      run.push({ no, text: line });
      lastLine = no;
    },
    cell: (no, raw, id, row, column) => {
      flush();
      lastLine = no;
      if (!table || table.id !== id) {
        table = {
          kind: 'table',
          id,
          rows: [],
          headerRows: 1,
          caption: [],
          src: { line: no, raw: '' },
        };
        pushTable(blocks, table);
      }
      while (table.rows.length <= row) table.rows.push({ cells: [] });
      table.rows[row]!.cells.push({
        text: raw,
        src: { line: no, table: id, row, column, raw },
        rowSpan: 1,
        colSpan: 1,
      });
    },
  });
  flush();
  // The TAB-led tables keep their numbers ("1", "2"…); the shaped ones are "t1", "t2"…: all distinct.
  return { format: 'text', encoding, blocks, warnings: [] };
};
