/**
 * A workbook that is not a 项目支出 form → the format-neutral {@link Document}: the sheet jixiao writes
 * the report's text into (报告正文, see report-text-sheet.ts) when there is one, or else every sheet in
 * order. Each row is a paragraph (one cell of text) or a row of a table (several cells, or a merged cell
 * inside a table), as a text's TAB-separated lines are; a blank row ends a table. What the paragraphs and
 * tables mean is the understanding step's business, as for every other format.
 */
import type { DocBlock, DocCell, DocTable, Document } from '../document/document.ts';
import type { SourceLine } from '../document/source-line.ts';
import type { CellSpan } from './read-xlsx-lines.ts';
import { SHEET_NAMES } from './sheet-names.ts';

type SheetRow = { sheet: string; row: number; cells: { line: SourceLine; span: CellSpan }[] };

/** The records grouped by sheet and row, in the workbook's order. */
const rowsOf = (lines: readonly SourceLine[], spans: readonly CellSpan[]): SheetRow[] => {
  const rows: SheetRow[] = [];
  lines.forEach((line, i) => {
    const sheet = line.src.table ?? '';
    const row = line.src.row ?? 0;
    const last = rows.at(-1);
    const cell = { line, span: spans[i] ?? { rowSpan: 1, colSpan: 1 } };
    if (last && last.sheet === sheet && last.row === row) last.cells.push(cell);
    else rows.push({ sheet, row, cells: [cell] });
  });
  return rows;
};

const filled = (c: { line: SourceLine }) => c.line.text.trim() !== '';

export const xlsxDocument = (lines: readonly SourceLine[], spans: readonly CellSpan[]): Document => {
  const all = rowsOf(lines, spans);
  const text = all.filter((r) => r.sheet === SHEET_NAMES.text);
  const rows = text.length ? text : all;
  const blocks: DocBlock[] = [];
  let table: DocTable | null = null;
  let previous: SheetRow | null = null;
  for (const r of rows) {
    // A row left out by the file (or one of empty cells) and a new sheet end a table.
    const adjacent = previous !== null && previous.sheet === r.sheet && previous.row === r.row - 1;
    if (!adjacent) table = null;
    previous = r;
    if (!r.cells.some(filled)) {
      table = null;
      continue;
    }
    // Empty cells after the last one with text say nothing.
    let end = r.cells.length;
    while (end > 1 && !filled(r.cells[end - 1]!) && r.cells[end - 1]!.span.colSpan === 1) end--;
    const first = r.cells[0]!;
    const isRow = end > 1 || (table !== null && (first.span.colSpan > 1 || r.cells.length > 1));
    if (!isRow) {
      table = null;
      const cell = r.cells.find(filled)!;
      blocks.push({ kind: 'paragraph', text: cell.line.text, src: { line: r.row + 1, raw: cell.line.text } });
      continue;
    }
    if (!table) {
      table = {
        kind: 'table',
        id: String(blocks.filter((b) => b.kind === 'table').length + 1),
        rows: [],
        headerRows: 1,
        caption: [],
        src: { line: r.row + 1, raw: '' },
      };
      blocks.push(table);
    }
    const id = table.id;
    const row = table.rows.length;
    table.rows.push({
      cells: r.cells.slice(0, end).map(
        ({ line, span }): DocCell => ({
          text: line.text,
          src: { line: r.row + 1, table: id, row, column: line.src.column ?? 0, raw: line.text },
          rowSpan: span.rowSpan,
          colSpan: span.colSpan,
        }),
      ),
    });
  }
  return { format: 'xlsx', encoding: null, blocks, warnings: [] };
};
