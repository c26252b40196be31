/** Reading the composed project forms (test/fixtures/project) from text, .docx and .xlsx, in both layouts. */
import { describe, expect, it } from 'vitest';
import {
  docxOf,
  fixtureText,
  formOf,
  modelData,
  readProject,
  textBytes,
  warningRules,
  xlsxOf,
} from '../../../test/support/formats/project-forms.ts';
import { ProjectReport as Schema } from '../../core/model/index.ts';
import { readReport } from '../read-report.ts';

const v = <T>(f: { value: T } | null | undefined) => f?.value;

describe('standard layout (财预〔2020〕10号 form), text export', async () => {
  const r = await readProject(textBytes(fixtureText('standard.txt')));

  it('validates, reads without warnings, is named by its framework', () => {
    expect(Schema.safeParse(r).success).toBe(true);
    expect(warningRules(r)).toEqual([]);
    expect([r.layout, r.frameworkId, v(r.year), v(r.title)]).toEqual([
      'standard',
      'mof-2020-project',
      2023,
      '项目支出绩效自评表',
    ]);
  });

  it('header facts and the money unit', () => {
    expect([v(r.project.name), v(r.project.department), v(r.project.implementer)]).toEqual([
      '城区公共照明节能改造项目',
      '某县住房和城乡建设局',
      '某县市政设施管理所',
    ]);
    expect(v(r.moneyUnit)).toBe('万元');
  });

  it('fund rows with every column, 其中 dropped from the label, dashes as empty', () => {
    expect(r.funds.map((f) => [f.key, f.label, v(f.budget), v(f.adjusted), v(f.final), v(f.rate)])).toEqual([
      ['total', '年度资金总额', '300.00', '320.00', '304.00', '95.00'],
      ['fiscal', '当年财政拨款', '250.00', '270.00', '256.00', '94.81'],
      ['carryOver', '上年结转资金', '50.00', '50.00', '48.00', '96.00'],
      ['other', '其他资金', '0.00', '0.00', '0.00', undefined],
    ]);
    expect([v(r.funds[0]?.weight), v(r.funds[0]?.score), r.funds[1]?.weight]).toEqual(['10', '9.50', null]);
  });

  it('indicator rows: levels without their weights, measures with comparator and unit, sources', () => {
    expect(r.indicators).toHaveLength(8);
    const first = r.indicators[0]!;
    expect([v(first.level1), v(first.level2), first.name.value]).toEqual([
      '产出指标',
      '数量指标',
      '更换节能灯具数量',
    ]);
    expect(first.level1?.src?.raw).toBe('产出指标（50分）');
    expect(first.target).toMatchObject({ text: '≥1200盏', op: '≥', value: '1200', unit: '盏' });
    expect(first.actual).toMatchObject({ value: '1260', unit: '盏' });
    expect(first.name.src).toMatchObject({ table: '1', row: 10, column: 3, raw: '更换节能灯具数量' });
    const cost = r.indicators.find((i) => i.name.value === '单盏改造成本');
    expect(cost?.target).toMatchObject({ op: '≤', value: '2500', unit: '元' });
    expect(v(r.indicators[4]?.deviation)).toMatch(/^部分路段/);
  });

  it('goal, total, grade and closing texts', () => {
    expect(v(r.goal.expected)).toMatch(/^完成主城区/);
    expect(v(r.goal.actual)).toMatch(/^主次干道/);
    expect([v(r.statedTotal), v(r.statedGrade)]).toEqual(['98.50', '优']);
    expect([v(r.conclusion), v(r.problems), v(r.measures)].every((t) => typeof t === 'string')).toBe(true);
  });
});

describe('Sichuan layout (指标性质 / 度量单位 columns), text export', async () => {
  const r = await readProject(textBytes(fixtureText('sichuan.txt')));

  it('validates and reads the Sichuan parts', () => {
    expect(Schema.safeParse(r).success).toBe(true);
    expect(warningRules(r)).toEqual([]);
    expect([r.layout, r.frameworkId, v(r.year), v(r.formNo)]).toEqual([
      'sichuan',
      'sichuan-2023-project',
      2023,
      '510000_0013zp',
    ]);
    expect(v(r.project.implementer)).toBe('某县农村供水服务中心');
    expect(v(r.overview)).toMatch(/^年初完成选址/);
  });

  it('five fund rows over 调整后预算数, with the 原因 of the total', () => {
    expect(r.funds.map((f) => f.key)).toEqual(['total', 'fiscal', 'specialAccount', 'unit', 'other']);
    expect(v(r.funds[0]?.reason)).toMatch(/尾款/);
    expect(v(r.funds[0]?.adjusted)).toBe('200');
  });

  it('comparator and unit from their own columns; 定性 rows stay qualitative', () => {
    const byName = (n: string) => r.indicators.find((i) => i.name.value === n)!;
    expect(byName('单处建设成本').target).toMatchObject({ text: '14', op: '≤', value: '14', unit: '万元' });
    expect(byName('单处建设成本').actual).toMatchObject({ value: '13.5', unit: '万元' });
    expect(byName('设施管护制度建立').target.op).toBe('=');
    expect(byName('工程完工时限').target).toMatchObject({ op: null, value: null, text: '年内完工' });
    expect([v(r.statedTotal), v(r.statedGrade)]).toEqual(['97.50', '优']);
  });
});

describe('the same forms as .docx and .xlsx (merged cells given once)', () => {
  for (const name of ['standard.txt', 'sichuan.txt']) {
    it(`${name}: .docx with vertical merges reads as the text export`, async () => {
      const text = fixtureText(name);
      const expected = modelData(await readProject(textBytes(text)));
      const docx = await readProject(await docxOf(formOf(text), { mergeDown: [0, 1, 2] }));
      expect(docx.meta.format).toBe('docx');
      expect(modelData(docx)).toEqual(expected);
    });

    it(`${name}: .xlsx with merged ranges reads as the text export`, async () => {
      const text = fixtureText(name);
      const expected = modelData(await readProject(textBytes(text)));
      const xlsx = await readProject(await xlsxOf(formOf(text), { mergeDown: [0, 1, 2] }));
      expect(xlsx.meta.format).toBe('xlsx');
      expect(modelData(xlsx)).toEqual(expected);
      expect(xlsx.indicators[0]?.name.src).toMatchObject({ table: '表1', column: 3 });
    });
  }
});

describe('department reports are not taken for project forms', () => {
  it('the composed 部门整体 text fixture still reads as a department report', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(new URL('../../../test/fixtures/text/county-env-2024.txt', import.meta.url));
    const r = await readReport(bytes);
    expect(r.ok && r.report.kind).toBe('department');
  });

  it('an .xlsx holding neither a form nor a report is refused with one line', async () => {
    const r = await readReport(
      await xlsxOf({
        paragraphs: ['说明'],
        tables: [
          [
            ['序号', '名称'],
            ['1', '甲'],
          ],
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('read.not-a-report');
  });
});

describe('.xlsx cells holding numbers', () => {
  it('numbers, percent formats, formulas and float noise read as the decimals Excel shows', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const form = formOf(fixtureText('standard.txt'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    form.tables[0]!.forEach((row, r) => {
      row.forEach((text, c) => {
        ws.getCell(r + 1, c + 1).value = text;
      });
    });
    const total = form.tables[0]!.findIndex((row) => row[1] === '年度资金总额') + 1;
    ws.getCell(total, 3).value = 0.1 + 0.2; // 年初预算数: float noise
    ws.getCell(total, 4).value = { formula: 'C4+1', result: 320 }; // 全年预算数: a formula with its result
    ws.getCell(total, 7).value = 0.95; // 执行率 as a fraction shown in percent
    ws.getCell(total, 7).numFmt = '0.00%';
    const r = await readProject(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect([v(r.funds[0]?.budget), v(r.funds[0]?.adjusted), v(r.funds[0]?.rate)]).toEqual([
      '0.3',
      '320',
      '95',
    ]);
    expect(warningRules(r)).toEqual([]);
  });
});
