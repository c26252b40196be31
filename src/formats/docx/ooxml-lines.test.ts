import { describe, expect, it } from 'vitest';
import { makeDocx, para, W_NS } from '../../../test/support/formats/docx-bytes.ts';
import { formatNumber } from './numbering.ts';
import { readDocxLines } from './read-docx-lines.ts';

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>
<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
</w:styles>`;

const num = (id: number, lvl: number) =>
  `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

const read = async (body: string, parts: Record<string, string> = {}) => {
  const r = readDocxLines(await makeDocx(body, parts));
  if (!r.ok) throw new Error(r.problem.en);
  return r.lines;
};

describe('OOXML body to source lines', () => {
  it('restores automatic numbering, from direct numPr and from styles', async () => {
    const lines = await read(
      [
        para('部门基本情况', '<w:pStyle w:val="H1b"/>'),
        para('部门职责', num(1, 1)),
        para('主要职责', num(1, 2)),
        para('机构设置', num(1, 2)),
        para('人员情况', num(1, 1)),
        para('要点', num(2, 0)),
        para('编制', num(1, 2)),
        para('绩效自评结论', num(1, 0)),
        para('重新编号', num(3, 2)),
      ].join(''),
      { 'word/numbering.xml': NUMBERING, 'word/styles.xml': STYLES },
    );
    expect(lines.map((l) => l.text)).toEqual([
      '一、部门基本情况',
      '（一）部门职责',
      '1.主要职责',
      '2.机构设置',
      '（二）人员情况',
      '要点',
      '1.编制',
      '二、绩效自评结论',
      '1.重新编号',
    ]);
    expect(lines.map((l) => l.src.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives merged cells once, at their grid column, and joins paragraphs of a cell', async () => {
    const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${text}</w:tc>`;
    const table = `<w:tbl>
      <w:tr>${tc(para('指标'), '<w:vMerge w:val="restart"/>')}${tc(para('分值及得分'), '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc(para(''), '<w:vMerge/>')}${tc(para('分值'))}${tc(para('得分'))}</w:tr>
      <w:tr>${tc(para('预算编制') + para('（含目标设置）'))}${tc(para('20'))}${tc('<w:p/>')}</w:tr>
    </w:tbl>`;
    const lines = await read(para('表前') + table + para('表后'));
    expect(lines.map((l) => [l.text, l.src.table ?? null, l.src.row ?? null, l.src.column ?? null])).toEqual([
      ['表前', null, null, null],
      ['指标', '1', 0, 0],
      ['分值及得分', '1', 0, 1],
      ['分值', '1', 1, 1],
      ['得分', '1', 1, 2],
      ['预算编制\n（含目标设置）', '1', 2, 0],
      ['20', '1', 2, 1],
      ['', '1', 2, 2],
      ['表后', null, null, null],
    ]);
    expect(lines[0]?.src.raw).toBe('表前');
  });

  it('keeps inserted text, drops deleted text and field codes, decodes entities', async () => {
    const body = `<w:p><w:r><w:t>A&amp;B</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>`;
    expect((await read(body)).map((l) => l.text)).toEqual(['A&B新增3链接']);
  });

  it('leaves out a table of contents (the result of a TOC field spanning paragraphs)', async () => {
    const r = (x: string) => `<w:r>${x}</w:r>`;
    const fld = (type: string) => r(`<w:fldChar w:fldCharType="${type}"/>`);
    const tocLine = (text: string, page: string) =>
      `<w:p><w:hyperlink>${r(`<w:t>${text}</w:t>`)}${r('<w:tab/>')}${fld('begin')}${r('<w:instrText> PAGEREF _Toc1 \\h </w:instrText>')}${fld('separate')}${r(`<w:t>${page}</w:t>`)}${fld('end')}</w:hyperlink></w:p>`;
    const body = [
      para('目录'),
      `<w:p>${fld('begin')}${r('<w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText>')}${fld('separate')}</w:p>`,
      tocLine('一、部门基本情况', '1'),
      tocLine('二、绩效自评结论', '5'),
      `<w:p>${fld('end')}</w:p>`,
      para('一、部门基本情况'),
      `<w:p>${r('<w:t>共</w:t>')}${fld('begin')}${r('<w:instrText> NUMPAGES </w:instrText>')}${fld('separate')}${r('<w:t>9</w:t>')}${fld('end')}${r('<w:t>页</w:t>')}</w:p>`,
    ].join('');
    expect((await read(body)).map((l) => l.text)).toEqual(['目录', '一、部门基本情况', '共9页']);
  });

  it('formats the number styles Word uses in Chinese documents', () => {
    expect(formatNumber(12, 'chineseCounting')).toBe('十二');
    expect(formatNumber(20, 'chineseCountingThousand')).toBe('二十');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(2, 'decimalEnclosedCircle')).toBe('②');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
  });
});
