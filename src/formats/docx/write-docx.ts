/** Writes the report blocks as a .docx (Word / WPS / LibreOffice), with real Word tables. */

import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import type { Block } from '../document/blocks/blocks.ts';
import type { RenderInput } from '../document/blocks/render-input.ts';
import { reportBlocks } from '../document/blocks/report-blocks.ts';
import { xmlSafe } from '../xml-safe.ts';
import { BODY_LINE, FONTS, PAGE, runFont, SIZE } from './docx-style.ts';
import { docxTable } from './docx-table.ts';
import { appendixPage, derivedStyleDefinitions, errorPage } from './error-page.ts';
import { fontTableOverride } from './font-table.ts';
import { bodyRun } from './runs.ts';

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
          // Outline levels give Word's and WPS's navigation pane and the PDF bookmarks.
          outlineLevel: block.level - 1,
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
    case 'appendix':
      return [];
  }
};

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
    if (b.kind === 'table') children.push(docxTable(b));
    else if (b.kind === 'errors') children.push(...errorPage(b.findings));
    else if (b.kind === 'appendix') children.push(...appendixPage(b.title, b.table));
    else children.push(...paragraph(b));
  }
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      paragraphStyles: derivedStyleDefinitions,
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
  const bytes = await Packer.toBuffer(blocksToDocument(reportBlocks(xmlSafe(input))), undefined, [
    await fontTableOverride(),
  ]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};
