import type { Source } from '../../core/model/index.ts';

/**
 * One record of a report as read from a file: the input of the understanding step's record readers
 * (src/formats/understand), made by every reader (from a `Document` by `documentLines`, or directly
 * by the .docx and .xlsx line readers).
 *
 * - A **paragraph** (a line of the text export, a `w:p` of a .docx body) is one record whose `src`
 *   has no `table`. `src.line` is its 1-based line (for a .docx: its paragraph number).
 * - A **table cell** is one record whose `src.table` names its table (any string, the same for every
 *   cell of one table, e.g. `"1"`, `"2"` in document order), with `src.row` and `src.column` 0-based
 *   (the header row is row 0). Cells of one table come consecutively, row by row, left to right. A new
 *   row is simply a change of `src.row`; a paragraph or another `src.table` ends the table.
 *   A cell holding several paragraphs is one record with its paragraphs joined by `\n`. An empty cell
 *   is a record with `text: ''` (it may also be left out: columns are placed by `src.column`, not by
 *   position). A merged cell is given once, at its first row and column.
 * - `styleLevel` is the heading level a paragraph's style gives (Word 标题 1–9 / outline level, HTML h1–h6,
 *   a PDF line in a larger font), 1 = highest; absent when the file says nothing (text never says).
 * - `text` is the text as read: the parser itself removes `[bookmark: …]` marks, full-width digits,
 *   ideographic spaces and the like. `src.raw` is the same text as read and is kept unchanged in every
 *   `src` the model carries.
 */
export type SourceLine = { text: string; src: Source; styleLevel?: number };
