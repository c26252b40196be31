/**
 * A 部门整体 report's workbook imports back: each department report of the reading corpus
 * (test/fixtures/corpus) read from its text, written by the .xlsx writer and read again gives the golden
 * fields the text gave. Other workbooks are read sheet by sheet as paragraphs and tables.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { fieldsOf } from '../../../test/fixtures/corpus/fields.ts';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { readReport } from '../read-report.ts';
import { SHEET_NAMES } from './sheet-names.ts';
import { writeXlsx } from './write-xlsx.ts';

const departments = corpus().filter((c) => c.golden.fields.kind === 'department');

/**
 * The tables are written with two decimals (15 as 15.00, in every format the report is rendered to): the
 * weights and scores of the first-level indicators are compared as figures.
 */
const figures = (key: string, value: unknown): unknown =>
  /^indicators\.(weights|scores)$/.test(key) && typeof value === 'string'
    ? value.split('/').map((v) => (v === '' ? v : Number(v)))
    : value;

const read = async (bytes: Uint8Array) => {
  const r = await readReport(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('a department report’s .xlsx imports back', () => {
  it('the corpus holds department reports', () => expect(departments.length).toBeGreaterThanOrEqual(4));

  for (const c of departments) {
    it(c.name, async () => {
      const r = (await read(c.bytes)) as DepartmentReport;
      const back = await read(await writeXlsx({ report: r }));
      expect(back.meta.format).toBe('xlsx');
      const keys = Object.keys(c.golden.fields);
      const pick = (f: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, figures(k, f[k])]));
      expect(pick(fieldsOf(back))).toEqual(pick(fieldsOf(r)));
      // The fields the text reads right are right from the workbook too.
      const right = keys.filter((k) => !c.golden.misses.includes(k));
      expect(pick(fieldsOf(back))).toMatchObject(
        Object.fromEntries(right.map((k) => [k, figures(k, c.golden.fields[k])])),
      );
    });
  }

  it('with an audit error sheet first, and the composed report’s title', async () => {
    const report = composedReport();
    const bytes = await writeXlsx({
      report,
      findings: [{ rule: 'x.y', severity: 'error', message: '合计与分项之和不符' }],
    });
    const back = (await read(bytes)) as DepartmentReport;
    expect(back.kind).toBe('department');
    expect(back.department.name?.value).toBe(report.department.name?.value);
    expect(back.indicators.map((n) => n.name)).toEqual(report.indicators.map((n) => n.name));
  });
});

describe('a workbook of other origin', () => {
  it('is read sheet by sheet: rows of one cell are paragraphs, rows of cells are tables', async () => {
    const r = (await read(await writeXlsx({ report: composedReport() }))) as DepartmentReport;
    const wb = new ExcelJS.Workbook();
    // The text sheet copied cell by cell under another name, split over two sheets at a heading.
    const source = new ExcelJS.Workbook();
    await source.xlsx.load((await writeXlsx({ report: r })).buffer as ArrayBuffer);
    const text = source.getWorksheet(SHEET_NAMES.text)!;
    let ws = wb.addWorksheet('正文一');
    text.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
      if (n > 2 && /^三、/.test(values[0] ?? '') && ws.name === '正文一') ws = wb.addWorksheet('正文二');
      ws.addRow(values);
    });
    const back = (await read(new Uint8Array(await wb.xlsx.writeBuffer()))) as DepartmentReport;
    expect(wb.worksheets.length).toBe(2);
    expect(fieldsOf(back)).toEqual(fieldsOf(r));
  });
});
