/** Writes the report blocks as a .docx (Word / WPS / LibreOffice), with real Word tables. */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Block, Cell, TableBlock } from './blocks.ts';
import { BODY_LINE, FONTS, PAGE, runFont, SIZE } from './docx-style.ts';
import { addFontFallbacks } from './font-table.ts';
import type { RenderInput } from './render-input.ts';
import { reportBlocks } from './report-blocks.ts';

const bodyRun = (text: string, bold = false, size: number = SIZE.body) =>
  new TextRun({ text, bold, size, font: runFont(FONTS.body.name) });

const paragraph = (block: Block): Paragraph[] => {
  const spacing = { line: BODY_LINE, lineRule: LineRuleType.EXACT };
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, after: BODY_LINE },
          children: [new TextRun({ text: block.text, size: SIZE.title, font: runFont(FONTS.title.name) })],
        }),
      ];
    case 'heading': {
      const font = block.level === 1 ? FONTS.heading1 : block.level === 2 ? FONTS.heading2 : FONTS.body;
      return [
        new Paragraph({
          spacing,
          indent: { firstLine: 640 },
          keepNext: true,
          children: [
            new TextRun({
              text: block.text,
              size: SIZE.body,
              bold: block.level === 3,
              font: runFont(font.name),
            }),
          ],
        }),
      ];
    }
    case 'paragraph':
      return [new Paragraph({ spacing, indent: { firstLine: 640 }, children: [bodyRun(block.text)] })];
    case 'caption':
      return [
        new Paragraph({
          spacing,
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [bodyRun(block.text, true)],
        }),
      ];
    case 'unit':
      return [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          children: [bodyRun(block.text, false, SIZE.table)],
        }),
      ];
    case 'table':
    case 'errors':
      return [];
  }
};

const tableCell = (cell: Cell, width: number, header: boolean, vMerge?: 'restart' | 'continue') =>
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
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : cell.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children:
          vMerge === 'continue' ? [] : [bodyRun(cell.text, header || Boolean(cell.strong), SIZE.table)],
      }),
    ],
  });

/** Row spans become vMerge restart/continue cells, as Word writes them. */
const tableRows = (t: TableBlock, total: number): TableRow[] => {
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
        cells.push(tableCell(carried.cell, widthOf(col, carried.cell.colSpan), header, 'continue'));
        if (--carried.left === 0) pending.delete(col);
        col += carried.cell.colSpan ?? 1;
        continue;
      }
      const cell = queue.shift();
      if (!cell) break;
      const span = cell.rowSpan ?? 1;
      if (span > 1) pending.set(col, { left: span - 1, cell: { ...cell, rowSpan: 1 } });
      cells.push(tableCell(cell, widthOf(col, cell.colSpan), header, span > 1 ? 'restart' : undefined));
      col += cell.colSpan ?? 1;
    }
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true });
  });
};

const table = (t: TableBlock): Table => {
  const total = PAGE.width - PAGE.left - PAGE.right;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: t.widths.map((w) => Math.round((w / t.widths.reduce((x, y) => x + y, 0)) * total)),
    rows: tableRows(t, total),
  });
};

const errorPage = (block: Extract<Block, { kind: 'errors' }>): (Paragraph | Table)[] => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        text: '审核发现错误（本报告尚不能提交）',
        bold: true,
        size: SIZE.body,
        color: 'C00000',
        font: runFont(FONTS.heading1.name),
      }),
    ],
  }),
  table({
    kind: 'table',
    id: 'errors',
    widths: [24, 76],
    header: [[{ text: '规则' }, { text: '说明' }]],
    rows: block.findings.map((f) => [{ text: f.rule }, { text: f.message }]),
  }),
  new Paragraph({ children: [new PageBreak()] }),
];

const pageNumberFooter = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: { left: 280, right: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.pageNumber,
            font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: 'SimSun', cs: 'SimSun' },
          }),
        ],
      }),
    ],
  });

export const blocksToDocument = (blocks: Block[]): Document => {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') children.push(table(b));
    else if (b.kind === 'errors') children.push(...errorPage(b));
    else children.push(...paragraph(b));
  }
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: runFont(FONTS.body.name),
            size: SIZE.body,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              footer: PAGE.footer,
            },
          },
        },
        // GB/T 9704: odd pages' numbers on the right, even pages' on the left.
        footers: {
          default: pageNumberFooter(AlignmentType.RIGHT),
          even: pageNumberFooter(AlignmentType.LEFT),
        },
        children,
      },
    ],
  });
};

/** The report as .docx bytes. */
export const writeDocx = async (input: RenderInput): Promise<Uint8Array> => {
  const bytes = await Packer.toBuffer(blocksToDocument(reportBlocks(input)));
  return addFontFallbacks(new Uint8Array(bytes));
};
