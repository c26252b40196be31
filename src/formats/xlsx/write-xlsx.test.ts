import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { SHEET_NAMES, writeXlsx } from './write-xlsx.ts';

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  return wb;
};

const rowByLabel = (ws: ExcelJS.Worksheet, label: string, column = 1): ExcelJS.Row => {
  for (let i = 1; i <= ws.rowCount; i++)
    if (ws.getRow(i).getCell(column).value === label) return ws.getRow(i);
  throw new Error(`no row ${label}`);
};

describe('.xlsx writer', () => {
  it('writes the four tables as sheets, numbers as numbers', async () => {
    const wb = await load(await writeXlsx({ report: composedReport() }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET_NAMES));
    const ws = wb.getWorksheet(SHEET_NAMES.expenditure)!;
    expect(rowByLabel(ws, '人员经费').getCell(2).value).toBe(460);
    expect(ws.getRow(3).getCell(2).numFmt).toBe('#,##0.00');
    const goals = wb.getWorksheet(SHEET_NAMES.achievements)!;
    expect(rowByLabel(goals, '河道巡查次数', 2).getCell(7).value).toBe(412);
  });

  it('writes totals as formulas with their exact sums cached', async () => {
    const r = composedReport();
    // A stated total that disagrees with its parts: the formula's result is the sum, a note keeps the stated.
    const rows = r.expenditureTable!.rows.map((row) =>
      row.key === 'yearTotal' ? { ...row, final: { value: '1625.5' } } : row,
    );
    const wb = await load(
      await writeXlsx({ report: { ...r, expenditureTable: { ...r.expenditureTable!, rows } } }),
    );
    const ws = wb.getWorksheet(SHEET_NAMES.expenditure)!;
    const year = rowByLabel(ws, '本年支出合计').getCell(4);
    expect(year.value).toMatchObject({
      formula: expect.stringMatching(/^SUM\(D\d+,D\d+\)$/),
      result: 1625.4,
    });
    expect(String(year.note)).toContain('1625.5');
    const economic = rowByLabel(ws, '经济分类支出合计').getCell(4);
    expect(economic.value).toMatchObject({ result: 1625.4 });
    const tree = wb.getWorksheet(SHEET_NAMES.indicators)!;
    const total = rowByLabel(tree, '合计', 2);
    expect(total.getCell(5).value).toMatchObject({ result: 100 });
    expect(total.getCell(7).value).toMatchObject({ result: 96.5 });
  });

  it('uses the computed scores and puts an error sheet first', async () => {
    const wb = await load(
      await writeXlsx({
        report: composedReport(),
        scores: {
          total: '97',
          grade: '优',
          indicators: [{ score: '20', children: [{ score: '7.5', children: [] }] }],
        },
        findings: [{ rule: 'x.y', severity: 'error', message: '错误' }],
      }),
    );
    expect(wb.worksheets[0]?.name).toBe('审核错误');
    const tree = wb.getWorksheet(SHEET_NAMES.indicators)!;
    expect(rowByLabel(tree, '预算编制', 3).getCell(7).value).toBe(7.5);
    expect(rowByLabel(tree, '预算编制情况', 2).getCell(7).value).toMatchObject({ result: 19.5 });
  });
});
