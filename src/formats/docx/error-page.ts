/**
 * The audit's errors on a first page of their own. Its paragraphs carry the style AUDIT_STYLE,
 * so the .docx reader leaves the page out: re-importing a rendered report gives the report, not the page.
 */
import { AlignmentType, PageBreak, Paragraph, type Table, TextRun } from 'docx';
import type { Finding } from '../../core/findings.ts';
import type { TableBlock } from '../document/blocks/blocks.ts';
import { APPENDIX_STYLE, AUDIT_STYLE, FONTS, runFont, SIZE } from './docx-style.ts';
import { docxTable } from './docx-table.ts';

export const AUDIT_TITLE = '审核发现错误（本报告尚不能提交）';

export const derivedStyleDefinitions = [
  { id: AUDIT_STYLE, name: 'Jixiao Audit Errors', basedOn: 'Normal', quickFormat: false },
  { id: APPENDIX_STYLE, name: 'Jixiao Appendix', basedOn: 'Normal', quickFormat: false },
];

/** The 附表 on a new page: its title (黑体) and the merged-cell table. */
export const appendixPage = (title: string, table: TableBlock): (Paragraph | Table)[] => [
  new Paragraph({
    style: APPENDIX_STYLE,
    pageBreakBefore: true,
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text: title, size: SIZE.body, font: runFont(FONTS.heading1.name) })],
  }),
  docxTable(table, APPENDIX_STYLE),
];

export const errorPage = (findings: readonly Finding[]): (Paragraph | Table)[] => [
  new Paragraph({
    style: AUDIT_STYLE,
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        text: AUDIT_TITLE,
        bold: true,
        size: SIZE.body,
        color: 'C00000',
        font: runFont(FONTS.heading1.name),
      }),
    ],
  }),
  docxTable(
    {
      kind: 'table',
      id: 'errors',
      widths: [24, 76],
      header: [[{ text: '规则' }, { text: '说明' }]],
      rows: findings.map((f) => [{ text: f.rule }, { text: f.message }]),
    },
    AUDIT_STYLE,
  ),
  new Paragraph({ style: AUDIT_STYLE, children: [new PageBreak()] }),
];
