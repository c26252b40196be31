/**
 * The report's text as one sheet, in the order of the document: the title, headings and paragraphs one a
 * row (in column A), each table's rows as rows of cells (merged as in the document) with a blank row after
 * it. It is what makes the workbook import back: the .xlsx reader (xlsx/xlsx-document.ts) turns this sheet
 * into paragraphs and tables as it does any workbook's sheets, and the understanding step reads those.
 */
import type { Worksheet } from 'exceljs';
import type { Block, TableBlock } from '../document/blocks/blocks.ts';

const addTable = (ws: Worksheet, t: TableBlock): void => {
  const rows = [...t.header, ...t.rows];
  const width = Math.max(t.widths.length, ...rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const first = ws.rowCount + 1;
  // Cells covered by a merge from a row above: rows are laid out around them.
  const taken = new Set<string>();
  rows.forEach((cells, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    let c = 1;
    cells.forEach((cell, k) => {
      while (taken.has(`${r}:${c}`)) c++;
      // A row shorter than the table ends in a cell across the rest, as the documents draw it.
      const used = cells.slice(k).reduce((n, x) => n + (x.colSpan ?? 1), 0);
      const cols = k === cells.length - 1 && c + used - 1 < width ? width - c + 1 : (cell.colSpan ?? 1);
      const span = cell.rowSpan ?? 1;
      row.getCell(c).value = cell.text;
      if (cell.strong) row.getCell(c).font = { bold: true };
      if (cols > 1 || span > 1) ws.mergeCells(r, c, r + span - 1, c + cols - 1);
      for (let y = r; y < r + span; y++) for (let x = c; x < c + cols; x++) taken.add(`${y}:${x}`);
      c += cols;
    });
    row.commit();
  });
  ws.addRow([]);
};

/** Writes `blocks` (the report's, from document/blocks/report-blocks.ts) into `ws`; the error page is left out. */
export const addReportTextSheet = (ws: Worksheet, blocks: readonly Block[]): void => {
  for (const b of blocks) {
    switch (b.kind) {
      case 'errors':
        break;
      case 'table':
        addTable(ws, b);
        break;
      case 'appendix':
        ws.addRow([b.title]).font = { bold: true };
        addTable(ws, b.table);
        break;
      case 'title':
        ws.addRow([b.text]).font = { bold: true, size: 14 };
        break;
      case 'heading':
        ws.addRow([b.text]).font = { bold: true };
        break;
      default:
        ws.addRow([b.text]);
    }
  }
  ws.columns = [{ width: 60 }, ...Array.from({ length: 9 }, () => ({ width: 14 }))];
};
