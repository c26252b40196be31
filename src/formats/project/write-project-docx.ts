/** The project form as a .docx: title lines, then one Word table in the form's grid (merged cells as Word merges them). */

import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Finding } from '../../core/findings.ts';
import { xmlSafe } from '../xml-safe.ts';
import type { FormGrid, FormRow } from './form-rows.ts';

const FONT = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };
/** A4 width less 2.5 cm margins, in twentieths of a point. */
const TABLE_WIDTH = 9000;

const run = (text: string, bold = false, size = 21) => new TextRun({ text, bold, size, font: FONT });

/** Grid column of each cell of a row. */
const columnsOf = (row: FormRow): number[] => {
  let col = 0;
  return row.map((c) => {
    const at = col;
    col += c.span ?? 1;
    return at;
  });
};

const mergedBelow = (rows: readonly FormRow[], i: number, col: number): boolean => {
  const next = rows[i + 1];
  if (!next) return false;
  const cols = columnsOf(next);
  return next.some((c, j) => c.mergeUp === true && cols[j] === col);
};

const tableOf = (grid: FormGrid): Table =>
  new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    rows: grid.rows.map((row, i) => {
      const cols = columnsOf(row);
      return new TableRow({
        children: row.map((cell, j) => {
          const span = cell.span ?? 1;
          const restart = !cell.mergeUp && mergedBelow(grid.rows, i, cols[j]!);
          return new TableCell({
            width: { size: Math.round((TABLE_WIDTH / grid.columns) * span), type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            verticalMerge: cell.mergeUp
              ? VerticalMergeType.CONTINUE
              : restart
                ? VerticalMergeType.RESTART
                : undefined,
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({
                alignment: cell.head ? AlignmentType.CENTER : AlignmentType.LEFT,
                children: cell.mergeUp ? [] : [run(cell.text, cell.head === true)],
              }),
            ],
          });
        }),
      });
    }),
  });

/** Writes the form; audit errors (unless allowed) come first, as in the 部门整体 documents. */
export const writeProjectDocx = async (
  givenGrid: FormGrid,
  givenErrors: readonly Finding[] = [],
): Promise<Uint8Array> => {
  // Characters XML cannot carry would make a document Word refuses.
  const grid = xmlSafe(givenGrid);
  const errors = xmlSafe(givenErrors);
  const errorParagraphs = errors.length
    ? [
        new Paragraph({ children: [run('审核发现的错误', true, 28)] }),
        ...errors.map((f) => new Paragraph({ children: [run(`[${f.rule}] ${f.message}`)] })),
        new Paragraph({ children: [], pageBreakBefore: false }),
      ]
    : [];
  const doc = new Document({
    creator: 'jixiao',
    sections: [
      {
        children: [
          ...errorParagraphs,
          ...grid.title.map(
            (t, i) =>
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(t, i === 0, i === 0 ? 32 : 24)],
              }),
          ),
          tableOf(grid),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};
