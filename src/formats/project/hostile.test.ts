/** Hostile and incomplete project forms: left-out merged cells, missing columns, text in number cells, merged headers, extra tables. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  docxOf,
  type Form,
  fixtureText,
  formOf,
  modelData,
  readProject,
  textBytes,
  textExport,
  warningRules,
  xlsxOf,
} from '../../../test/support/formats/project-forms.ts';
import { ProjectReport as Schema } from '../../core/model/index.ts';
import { readReport } from '../read-report.ts';

const standard = () => formOf(fixtureText('standard.txt'));
const sichuan = () => formOf(fixtureText('sichuan.txt'));
const table = (f: Form) => f.tables[0]!;
const rowIndex = (f: Form, first: string, at = 0) => table(f).findIndex((r) => r[at] === first);
const read = (f: Form) => readProject(textBytes(textExport(f)));
const v = <T>(x: { value: T } | null | undefined) => x?.value;

describe('text exports that leave merged cells out', () => {
  it('indicator rows without their repeated leading cells read as the full rows', async () => {
    const f = standard();
    const header = rowIndex(f, '一级指标', 1);
    table(f).forEach((row, i) => {
      if (i <= header || row[0] !== '绩效指标') return;
      // 绩效指标 always left out; 一级指标 left out when it repeats the row above.
      const repeats = table(f)[i - 1]?.[1] === row[1] && i - 1 > header;
      table(f)[i] = row.slice(repeats ? 2 : 1);
    });
    expect(modelData(await read(f))).toEqual(modelData(await read(standard())));
  });
});

describe('missing columns', () => {
  it('no 实际完成值 column: a warning, empty actuals, everything else read', async () => {
    const f = standard();
    const header = rowIndex(f, '一级指标', 1);
    const col = table(f)[header]!.indexOf('实际完成值');
    table(f).forEach((row, i) => {
      if (i >= header && row[0] === '绩效指标') row.splice(col, 1);
    });
    const r = await read(f);
    expect(warningRules(r)).toEqual(['read.project-column-missing']);
    expect(r.meta.warnings[0]?.message).toContain('实际完成值');
    expect(r.indicators.map((i) => i.actual.text)).toEqual(Array(8).fill(''));
    expect(r.indicators.map((i) => v(i.score))).toEqual(['15', '10', '10', '15', '9', '10', '10', '10']);
  });

  it('no 执行率 column in the funds: a warning, rates null, amounts kept', async () => {
    const f = standard();
    const header = rowIndex(f, '', 1);
    const col = table(f)[header]!.indexOf('执行率');
    for (let i = header; i < header + 5; i++) table(f)[i]!.splice(col, 1);
    const r = await read(f);
    expect(warningRules(r)).toEqual(['read.project-column-missing']);
    expect(r.funds.map((x) => x.rate)).toEqual([null, null, null, null]);
    expect(v(r.funds[0]?.final)).toBe('304.00');
  });
});

describe('cells that should hold numbers and do not', () => {
  it('text in an amount and a weight: warnings at the cells, values empty', async () => {
    const f = standard();
    const total = rowIndex(f, '年度资金总额', 1);
    table(f)[total]![3] = '三百二十';
    const first = rowIndex(f, '更换节能灯具数量', 3);
    table(f)[first]![6] = '十五分';
    const r = await read(f);
    expect(warningRules(r)).toEqual(['read.project-not-a-number', 'read.project-not-a-number']);
    expect(r.meta.warnings[0]?.locations?.[0]).toMatchObject({ raw: '三百二十', row: total, column: 3 });
    expect(r.funds[0]?.adjusted).toBeNull();
    expect(r.indicators[0]?.weight).toBeNull();
  });
});

describe('merged header cells in a .docx', () => {
  it('a two-row fund header (年度预算数 spanning three columns, the rest merged down) reads as one', async () => {
    const f = sichuan();
    const h = rowIndex(f, '资金来源', 1);
    const upper = [...table(f)[h]!];
    upper[2] = '年度预算数（万元）';
    table(f).splice(h, 0, upper);
    table(f)[h + 1]![2] = '年初预算';
    const continueAt: [number, number, number][] = [0, 1, 5, 6, 7, 8].map((c) => [0, h + 1, c]);
    const bytes = await docxOf(f, { mergeDown: [0], spans: [[0, h, 2, 3]], continueAt });
    const r = await readProject(bytes);
    const expected = await readProject(textBytes(fixtureText('sichuan.txt')));
    expect(warningRules(r)).toEqual([]);
    expect(r.funds.map((x) => [v(x.budget), v(x.adjusted), v(x.final), v(x.rate), v(x.score)])).toEqual(
      expected.funds.map((x) => [v(x.budget), v(x.adjusted), v(x.final), v(x.rate), v(x.score)]),
    );
    expect(v(r.moneyUnit)).toBe('万元');
  });
});

describe('more than one table', () => {
  const unrelated = [
    ['序号', '支出内容', '金额（万元）'],
    ['1', '灯具采购', '210.00'],
    ['2', '安装施工', '94.00'],
  ];

  it('an unrelated table after the form is not read as indicators', async () => {
    const f = standard();
    f.tables.push(unrelated);
    expect(modelData(await read(f))).toEqual(modelData(await read(standard())));
  });

  it('a second table whose rows keep an empty first cell and drop an empty last one: placed by their level words', async () => {
    const f = standard();
    const at = table(f).findIndex((r) => r[1] === '效益指标（30分）');
    const end = rowIndex(f, '总分');
    const rest = table(f).splice(at, end - at);
    f.tables.push(
      rest.map((r) => ['', ...r.slice(1, r.at(-1) === '' ? -1 : undefined)]),
      table(f).splice(at),
    );
    const indicators = (r: Awaited<ReturnType<typeof read>>) =>
      (modelData(r) as { indicators: unknown }).indicators;
    expect(indicators(await read(f))).toEqual(indicators(await read(standard())));
  });

  it('an unrelated table right after the indicator rows ends them', async () => {
    const f = standard();
    const end = rowIndex(f, '总分');
    const closing = table(f).splice(end);
    f.tables.push(unrelated, closing);
    const r = await read(f);
    expect(r.indicators).toHaveLength(8);
    expect(v(r.statedTotal)).toBe('98.50');
  });

  it('a form split over two tables (page break) goes on with the rows of the second', async () => {
    const f = standard();
    const at = table(f).findIndex((r) => r[1] === '效益指标（30分）');
    f.tables.push(
      table(f)
        .splice(at)
        .map((r) => (r[0] === '绩效指标' ? r.slice(1) : r)),
    );
    expect(modelData(await read(f))).toEqual(modelData(await read(standard())));
  });

  it('a second form: the first is read, with a warning', async () => {
    const f = standard();
    f.tables.push(sichuan().tables[0]!);
    const r = await read(f);
    expect(warningRules(r)).toEqual(['read.project-second-form']);
    expect(v(r.project.name)).toBe('城区公共照明节能改造项目');
    expect(r.indicators).toHaveLength(8);
  });
});

describe('incomplete forms', () => {
  it('a form cut after its goal: no indicators, said; still a valid model', async () => {
    const f = standard();
    table(f).splice(rowIndex(f, '一级指标', 1));
    const r = await read(f);
    expect(Schema.safeParse(r).success).toBe(true);
    expect(warningRules(r)).toEqual(['read.incomplete']);
    expect(r.meta.warnings[0]?.message).toBe('报告不完整：未找到“绩效指标表（三级指标）”');
    expect(r.funds).toHaveLength(4);
  });

  it('a form without its fund rows and name', async () => {
    const f = standard();
    table(f).splice(0, rowIndex(f, '年度总体目标'));
    f.tables.unshift([['项目名称', '']]);
    const r = await read(f);
    // Said once, both parts named; the goal and the indicators are read.
    expect(warningRules(r)).toEqual(['read.incomplete']);
    expect(r.meta.warnings[0]?.message).toBe(
      '报告不完整：未找到“项目名称”、“项目资金表（年初预算数、全年执行数）”',
    );
    expect(r.indicators).toHaveLength(8);
  });

  it('a broken .xlsx is refused with one bilingual line', async () => {
    const good = await xlsxOf(standard());
    const cut = good.slice(0, Math.floor(good.length / 2));
    const r = await readReport(cut);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]*\(.+\)$/);
  });
});

describe('any cut or shuffle of a form', () => {
  it('never throws and always gives a valid model', async () => {
    const rows = table(standard());
    return fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(rows),
        fc.array(fc.string(), { maxLength: 4 }),
        async (picked, noise) => {
          const f: Form = {
            paragraphs: ['项目支出绩效自评表', ...noise],
            tables: [[['项目名称', 'x'], ...picked, ['三级指标']]],
          };
          const r = await readReport(textBytes(textExport(f)));
          expect(r.ok).toBe(true);
          if (r.ok) expect(Schema.safeParse(r.value).success).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('where the form puts its header, and what is not a form', () => {
  it('项目名称, 主管部门 and 实施单位 written as paragraphs above the table', async () => {
    const f = standard();
    table(f).splice(0, 2);
    f.paragraphs.push(
      '项目名称：城区公共照明节能改造项目',
      '主管部门：某县住房和城乡建设局　　实施单位：某县市政设施管理所',
    );
    expect(modelData(await read(f))).toEqual(modelData(await read(standard())));
  });

  it('a 部门整体 report with a project form as an annex stays a 部门整体 report', async () => {
    const { readFileSync } = await import('node:fs');
    const department = readFileSync(
      new URL('../../../test/fixtures/text/county-env-2024.txt', import.meta.url),
      'utf8',
    );
    const annex = textExport({ paragraphs: ['附件：项目支出绩效自评表'], tables: standard().tables });
    const r = await readReport(textBytes(`${department}\n\n${annex}\n`));
    expect(r.ok && r.value.kind).toBe('department');
  });
});

describe('a two-row fund header in a text export that gives merged cells once', () => {
  it('年初预算 | 调整后预算数 | 预算执行数 under 年度预算数 read as one header', async () => {
    const f = sichuan();
    const h = rowIndex(f, '资金来源', 1);
    const full = table(f)[h]!;
    table(f).splice(
      h,
      1,
      ['预算执行情况（10分）', '资金来源', '年度预算数（万元）', '预算执行率', '权重', '得分', '原因'],
      ['年初预算', '调整后预算数', '预算执行数'],
    );
    expect(full).toHaveLength(9);
    const r = await read(f);
    const expected = await readProject(textBytes(fixtureText('sichuan.txt')));
    expect(warningRules(r)).toEqual([]);
    expect(modelData(r)).toEqual(modelData(expected));
  });
});

describe('the 中央部门 wording of the same form', () => {
  it('(A)/(B) column letters, 市级主管部门, 项目实施单位, 年初预期目标 and 年度实际完成情况 read the same', async () => {
    const rename: Record<string, string> = {
      主管部门: '市级主管部门',
      实施单位: '项目实施单位',
      全年预算数: '全年预算数（A）',
      全年执行数: '全年执行数（B）',
      执行率: '执行率（B/A）',
      预期目标: '年初预期目标',
      实际完成情况: '年度实际完成情况',
      年度指标值: '年度指标值（A）',
      实际完成值: '实际完成值（B）',
    };
    const f = standard();
    f.tables[0] = table(f).map((row) => row.map((c) => rename[c] ?? c));
    const r = await read(f);
    expect(warningRules(r)).toEqual([]);
    expect(modelData(r)).toEqual(modelData(await read(standard())));
  });
});
