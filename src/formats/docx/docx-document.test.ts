import { describe, expect, it } from 'vitest';
import { makeDocx, para, W_NS } from '../../../test/support/formats/docx-bytes.ts';
import type { DocTable } from '../document/document.ts';
import { readDocxDocument } from './read-docx-lines.ts';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Part"><w:name w:val="部分标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="PartB"><w:basedOn w:val="Part"/></w:style>
</w:styles>`;

const cell = (text: string, tcPr = '') =>
  `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${para(text)}</w:tc>`;

describe('.docx → Document', () => {
  it('gives paragraphs the heading level of their style (name, outline level, basedOn) and centring', async () => {
    const bytes = await makeDocx(
      [
        para('部门整体支出绩效自评报告', '<w:jc w:val="center"/>'),
        para('一、部门基本情况', '<w:pStyle w:val="1"/>'),
        para('（一）部门概况', '<w:pStyle w:val="PartB"/>'),
        para('正文一段。'),
      ].join(''),
      { 'word/styles.xml': STYLES },
    );
    const r = readDocxDocument(bytes);
    if (!r.ok) throw new Error(r.problem.en);
    const ps = r.doc.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.styleLevel, b.centered] : null));
    expect(ps).toEqual([
      ['部门整体支出绩效自评报告', undefined, true],
      ['一、部门基本情况', 1, undefined],
      ['（一）部门概况', 2, undefined],
      ['正文一段。', undefined, undefined],
    ]);
  });

  it('gives merged cells once with their row and column spans, and the repeated header row', async () => {
    const bytes = await makeDocx(
      `<w:tbl>
        <w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('项目', '<w:vMerge w:val="restart"/>')}${cell('金额', '<w:gridSpan w:val="2"/>')}</w:tr>
        <w:tr>${cell('', '<w:vMerge/>')}${cell('预算')}${cell('决算')}</w:tr>
        <w:tr>${cell('基本支出')}${cell('10')}${cell('9')}</w:tr>
      </w:tbl>`,
    );
    const r = readDocxDocument(bytes);
    if (!r.ok) throw new Error(r.problem.en);
    const t = r.doc.blocks[0] as DocTable;
    expect(t.headerRows).toBe(1);
    expect(
      t.rows.map((row) => row.cells.map((c) => [c.src.row, c.src.column, c.text, c.rowSpan, c.colSpan])),
    ).toEqual([
      [
        [0, 0, '项目', 2, 1],
        [0, 1, '金额', 1, 2],
      ],
      [
        [1, 1, '预算', 1, 1],
        [1, 2, '决算', 1, 1],
      ],
      [
        [2, 0, '基本支出', 1, 1],
        [2, 1, '10', 1, 1],
        [2, 2, '9', 1, 1],
      ],
    ]);
  });
});
