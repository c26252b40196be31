/** Report tables as real Word tables: header rows repeated on each page, numbers right-aligned. */
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Cell, TableBlock } from '../document/blocks/blocks.ts';
import { PAGE, SIZE } from './docx-style.ts';
import { bodyRun } from './runs.ts';

const tableCell = (
  cell: Cell,
  width: number,
  header: boolean,
  vMerge: 'restart' | 'continue' | undefined,
  style: string | undefined,
) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.colSpan,
    verticalMerge:
      vMerge === 'restart'
        ? VerticalMergeType.RESTART
        : vMerge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style,
        // Left is the default: said only when it is not.
        alignment: header ? AlignmentType.CENTER : cell.number ? AlignmentType.RIGHT : undefined,
        children:
          vMerge === 'continue' ? [] : [bodyRun(cell.text, header || Boolean(cell.strong), SIZE.table)],
      }),
    ],
  });

/** Row spans become vMerge restart/continue cells, as Word writes them. */
const tableRows = (t: TableBlock, total: number, style: string | undefined): TableRow[] => {
  const widthOf = (col: number, span = 1) => {
    const sum = t.widths.reduce((x, y) => x + y, 0);
    let w = 0;
    for (let i = col; i < col + span; i++) w += t.widths[i] ?? 0;
    return Math.round((w / sum) * total);
  };
  const pending = new Map<number, { left: number; cell: Cell }>();
  const rows = [...t.header.map((r) => ({ r, header: true })), ...t.rows.map((r) => ({ r, header: false }))];
  return rows.map(({ r, header }) => {
    const cells: TableCell[] = [];
    let col = 0;
    const queue = [...r];
    while (queue.length || pending.has(col)) {
      const carried = pending.get(col);
      if (carried) {
        cells.push(tableCell(carried.cell, widthOf(col, carried.cell.colSpan), header, 'continue', style));
        if (--carried.left === 0) pending.delete(col);
        col += carried.cell.colSpan ?? 1;
        continue;
      }
      const cell = queue.shift();
      if (!cell) break;
      const span = cell.rowSpan ?? 1;
      if (span > 1) pending.set(col, { left: span - 1, cell: { ...cell, rowSpan: 1 } });
      cells.push(
        tableCell(cell, widthOf(col, cell.colSpan), header, span > 1 ? 'restart' : undefined, style),
      );
      col += cell.colSpan ?? 1;
    }
    return new TableRow({ children: cells, ...(header ? { tableHeader: true } : {}), cantSplit: true });
  });
};

/** A report table as a Word table; `style` marks every cell paragraph (the error page's tables). */
export const docxTable = (t: TableBlock, style?: string): Table => {
  const total = PAGE.width - PAGE.left - PAGE.right;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: t.widths.map((w) => Math.round((w / t.widths.reduce((x, y) => x + y, 0)) * total)),
    // The cells' margins once for the table rather than in every cell.
    margins: { left: 80, right: 80 },
    rows: tableRows(t, total, style),
  });
};
