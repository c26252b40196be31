import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { golden, hasTool, pdfPages, pdfText } from '../../../test/support/formats/external-tools.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import { readReport } from '../read-report.ts';
import { readDocxLines } from './read-docx-lines.ts';
import { writeDocx } from './write-docx.ts';

const GOLDEN = new URL('../../../test/fixtures/docx/composed-report.lines.txt', import.meta.url).pathname;

/** The document's text content, one record a line; cells as "[table row,col] text". */
const linesOf = (bytes: Uint8Array): string => {
  const r = readDocxLines(bytes);
  if (!r.ok) throw new Error(r.problem.en);
  return `${r.lines
    .map((l) => (l.src.table ? `[${l.src.table} ${l.src.row},${l.src.column}] ${l.text}` : l.text))
    .join('\n')}\n`;
};

const part = async (bytes: Uint8Array, name: string) =>
  (await JSZip.loadAsync(bytes)).file(name)?.async('string') ?? '';

const finding = {
  rule: 'finance.sum-mismatch',
  severity: 'error' as const,
  message: '本年支出合计与各项之和不符',
};

describe('.docx writer', () => {
  it('writes the composed report as in the golden text (document.xml text, not bytes)', async () => {
    const text = linesOf(await writeDocx({ report: composedReport() }));
    expect(text).toBe(golden(GOLDEN, text));
    expect(text).toContain('[1 0,0] 项目（按支出性质和经济分类）');
    expect(text).toContain('[1 1,1] 500.00');
  });

  it('lays out an A4 page with GB/T 9704 margins, fonts and "— 1 —" page numbers', async () => {
    const bytes = await writeDocx({ report: composedReport() });
    const doc = await part(bytes, 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('<w:jc w:val="right"/>'); // numbers right-aligned
    expect(doc).toContain('<w:tblHeader/>'); // header rows repeat on each page
    const footer = await part(bytes, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
    expect(await part(bytes, 'word/fontTable.xml')).toContain('<w:altName w:val="华文中宋"/>');
  });

  it('adds the scored indicator table as a 附表 with merged cells, left out when read back', async () => {
    const bytes = await writeDocx({ report: composedReport() });
    const doc = await part(bytes, 'word/document.xml');
    const appendix = doc.slice(doc.indexOf('附表：部门整体支出绩效自评评分表'));
    expect(appendix).toContain('<w:vMerge w:val="restart"/>');
    expect(appendix).toContain('<w:vMerge w:val="continue"/>');
    expect(appendix).toContain('<w:gridSpan w:val="2"/>');
    expect(appendix).toContain('预算执行情况（分值40，得分37.5）');
    expect(linesOf(bytes)).not.toContain('附表');
  });

  it('puts the audit errors on a first page, unless errors are allowed', async () => {
    const bytes = await writeDocx({ report: composedReport(), findings: [finding] });
    const doc = await part(bytes, 'word/document.xml');
    const body = doc.indexOf('<w:body>');
    expect(doc.indexOf('审核发现错误（本报告尚不能提交）')).toBeGreaterThan(body);
    expect(doc.indexOf('审核发现错误')).toBeLessThan(doc.indexOf('临江县水务局2024年度'));
    expect(doc).toContain('本年支出合计与各项之和不符');
    expect(doc).toContain('<w:br w:type="page"/>');
    // The page is jixiao's annotation: reading the document back leaves it out.
    expect(linesOf(bytes)).toBe(linesOf(await writeDocx({ report: composedReport() })));
    const allowed = await writeDocx({ report: composedReport(), findings: [finding], allowErrors: true });
    expect(await part(allowed, 'word/document.xml')).not.toContain('审核发现错误');
    const warning = await writeDocx({
      report: composedReport(),
      findings: [{ ...finding, severity: 'warning' }],
    });
    expect(await part(warning, 'word/document.xml')).not.toContain('审核发现错误');
  });

  it('writes computed scores and grade instead of the stated ones when given', async () => {
    const r = composedReport();
    const text = linesOf(
      await writeDocx({
        report: r,
        scores: {
          total: '97.5',
          grade: '优',
          indicators: [
            { score: '20', children: [] },
            { score: '38.5', children: [{ score: '38.5', children: [{ score: '2.5', children: [] }] }] },
          ],
        },
      }),
    );
    expect(text).toContain('自评得分97.5分，自评等级为“优”');
    expect(text).toContain('（二）预算执行情况。指标总分40分，自评得分38.5分。');
    expect(text).toContain('（1）政府采购执行率。指标总分4分，自评得分2.5分。');
    // Nodes without a computed score keep the stated one.
    expect(text).toContain('（三）资金使用效益。指标总分40分，自评得分39分。');
  });
});

describe.runIf(hasTool('libreoffice', ['--headless', '--version']))('.docx opens in LibreOffice', () => {
  it('converts to PDF with the Chinese text, tables and page numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-docx-'));
    const docx = join(dir, 'report.docx');
    writeFileSync(docx, await writeDocx({ report: composedReport() }));
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(dir, 'report.pdf');
    // pdftotext spaces CJK/Latin boundaries and table columns: compare without white space.
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    expect(text).toContain('临江县水务局2024年度部门整体支出绩效');
    expect(text).toContain('二、项目支出700.501105.101105.10');
    expect(text).toContain('—1—');
  }, 120_000);

  it('reads back the same report after LibreOffice saved it as .docx again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-docx-'));
    const docx = join(dir, 'report.docx');
    const report = composedReport();
    writeFileSync(docx, await writeDocx({ report, findings: [finding] }));
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        join(dir, 'out'),
        docx,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const back = await readReport(new Uint8Array(readFileSync(join(dir, 'out', 'report.docx'))));
    if (!back.ok) throw new Error(back.error.message);
    expect(modelData(back.report)).toEqual(modelData(report));
  }, 120_000);
});
