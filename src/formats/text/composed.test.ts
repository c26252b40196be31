/** Reports composed for the tests (test/fixtures/text): other shapes, years, departments and money scales. */
import { describe, expect, it } from 'vitest';
import { fixtureBytes, readFixture, withoutSources } from '../../../test/support/formats/text-reading.ts';
import type { DepartmentReport, IndicatorNode } from '../../core/model/index.ts';
import { DepartmentReport as Schema } from '../../core/model/index.ts';
import { parseReportLines, type SourceLine } from '../understand/parse-lines.ts';
import { splitTextLines } from './split-lines.ts';

const v = <T>(f: { value: T } | null | undefined) => f?.value;
const flat = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((n) => [n, ...flat(n.children)]);
const rules = (r: DepartmentReport) => r.meta.warnings.map((w) => `${w.rule} ${w.message}`);
const row = (r: DepartmentReport, label: string) => r.expenditureTable?.rows.find((x) => x.label === label);
const cells = (r: DepartmentReport, label: string) => {
  const x = row(r, label);
  return x ? [x.budget?.value ?? null, x.adjusted?.value ?? null, x.final?.value ?? null] : undefined;
};

describe('county-env-2024: title line, half-width headings, 单位 on its own line, causes section', () => {
  const r = readFixture('county-env-2024.txt');

  it('validates and reads without warnings', () => {
    expect(Schema.safeParse(r).success).toBe(true);
    expect(rules(r)).toEqual([]);
  });

  it('department and year from the title and the department sentence', () => {
    expect(v(r.title)).toBe('临江县生态环境局2024年度部门整体支出绩效自评报告');
    expect(v(r.year)).toBe(2024);
    expect(v(r.department.name)).toBe('临江县生态环境局');
    expect(v(r.department.rank)).toBe('正科级');
    expect(r.department.extraNames.map((x) => x.value)).toEqual(['临江县环境保护督察办公室']);
    expect(v(r.department.jurisdiction)).toBe('临江县');
    expect(r.duties.items.map((d) => d.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.orgUnits.items.map((x) => x.value)).toEqual([
      '办公室',
      '环评与排污许可股',
      '大气和水生态环境股',
      '执法监督股',
    ]);
    expect(v(r.staffing.other)).toBe(0);
    expect(r.work.sections.map((s) => s.title)).toEqual(['打好蓝天保卫战', '守护碧水清流', '强化执法监管']);
  });

  it('income components: thousands separators, an unlabeled figure goes to budget', () => {
    const i = r.income!;
    expect([i.budget?.value, i.adjusted?.value, i.final?.value]).toEqual(['1203.50', '1356.20', '1348.75']);
    expect(i.components.map((c) => [c.key, c.budget?.value, c.adjusted?.value, c.final?.value])).toEqual([
      ['fiscal', '1180.00', '1332.70', '1325.25'],
      ['other', '23.50', undefined, undefined],
      ['carryOverStart', '12.30', undefined, undefined],
    ]);
    expect(i.budget?.src?.raw).toBe('1,203.50万元');
  });

  it('expenditure sentence without parentheses; table with codes written in the labels', () => {
    const e = r.expenditure!;
    expect([e.budget?.value, e.adjusted?.value, e.final?.value, e.carryOverEnd?.value]).toEqual([
      '1203.50',
      '1356.20',
      '1349.05',
      '12.00',
    ]);
    expect(e.parts.map((p) => p.key)).toEqual(['basic', 'project']);
    const t = r.expenditureTable!;
    expect(t.unit?.value).toBe('万元');
    expect(v(t.title)).toBe('2024年部门整体支出情况表');
    expect(t.rows.filter((x) => x.key === 'economic').map((x) => x.code)).toEqual([
      '301',
      '302',
      '303',
      '310',
    ]);
    expect(cells(r, '其中：基本建设类项目')).toEqual([null, '120.00', '118.30']);
    expect(cells(r, '年末结转和结余')).toEqual([null, null, '12.00']);
  });

  it('三公经费 with its parts, a change against 上年 and the budget', () => {
    const tp = r.threePublic!;
    expect(tp.actual?.value).toBe('8.36');
    expect(tp.parts.map((p) => [p.name, p.amount.value])).toEqual([
      ['因公出国（境）费', '0'],
      ['公务用车购置及运行维护费', '6.10'],
      ['公务接待费', '2.26'],
    ]);
    expect(tp.changes).toMatchObject([{ against: '2023', direction: 'decrease', amount: { value: '1.24' } }]);
    expect(tp.budget?.value).toBe('10.00');
  });

  it('targets with comparators and a qualitative value', () => {
    expect(r.targets?.rows.map((x) => [x.target.op, x.target.value, x.target.unit])).toEqual([
      ['≥', '95', '%'],
      [null, '100', '%'],
      ['≥', '12', '座'],
      ['≤', '30', '天'],
      [null, null, null],
    ]);
    expect(r.achievements?.rows.map((x) => v(x.status))).toEqual(['完成', '完成', '完成', '未完成', '完成']);
  });

  it('conclusion with 临财绩[2025]3号, 88.5, 良; indicators typed 指标分值…,得分…', () => {
    expect([v(r.conclusion?.noticeNo), v(r.conclusion?.statedTotal), v(r.conclusion?.statedGrade)]).toEqual([
      '临财绩[2025]3号',
      '88.5',
      '良',
    ]);
    const nodes = flat(r.indicators);
    expect(nodes).toHaveLength(18);
    expect(nodes.map((n) => [n.level, n.name, v(n.weight), v(n.statedScore)]).slice(0, 3)).toEqual([
      [1, '预算编制情况', '20', '18'],
      [2, '预算编制', '8', '7'],
      [3, '预算编制合理性', '4', '3'],
    ]);
    const inputs = nodes.flatMap((n) => n.inputs.map((i) => [i.key, i.value, i.op ?? null]));
    expect(inputs).toEqual([
      ['budgetCompletionRate', '99.47', null],
      ['carryOverRate', '0.88', null],
      ['procurementRate', '56.2', null],
      ['fixedAssetUtilization', '85', '≥'],
      ['targetsTotal', '5', null],
      ['targetsMet', '4', null],
      ['targetCompletionRate', '80', null],
    ]);
  });

  it('problems, causes and measures under their own headings', () => {
    expect(v(r.problems.problems)).toBe('政府采购执行率偏低，部分采购项目推迟到次年实施。');
    expect(v(r.problems.causes)).toBe('采购需求论证时间较长，项目前期准备不足。');
    expect(v(r.problems.measures)).toBe('提前谋划年度采购计划，按月跟踪采购进度。');
    expect(v(r.otherNotes)).toBe('本年度无其他需要说明的情况。');
  });
});

describe('city-transport-2022: many targets, empty rows, sentences in 元, bookmarks, parts missing', () => {
  const r = readFixture('city-transport-2022.txt');

  it('validates; warns about the text cell and the missing parts, with locations', () => {
    expect(Schema.safeParse(r).success).toBe(true);
    expect(r.meta.warnings.map((w) => w.rule)).toEqual([
      'read.cell-not-number',
      'read.section-missing',
      'read.section-missing',
    ]);
    const [cell, threePublic, other] = r.meta.warnings;
    expect(cell?.locations?.[0]).toMatchObject({ table: '1', column: 3, raw: '待核' });
    expect(threePublic?.message).toContain('三公经费');
    expect(other?.message).toContain('其他需要说明的情况');
    expect(r.threePublic).toBeNull();
    expect(r.otherNotes).toBeNull();
  });

  it('department without 加挂, org units after 共9个：, staffing with 名', () => {
    expect(v(r.department.name)).toBe('江城市交通运输局');
    expect(v(r.department.rank)).toBe('正处级');
    expect(r.department.extraNames).toEqual([]);
    expect(v(r.department.jurisdiction)).toBe('江城市');
    expect(v(r.orgUnits.statedCount)).toBe(9);
    expect(r.orgUnits.items).toHaveLength(9);
    expect([
      v(r.staffing.authorized),
      v(r.staffing.inService),
      v(r.staffing.contractStaff),
      v(r.staffing.retired),
    ]).toEqual([60, 58, 12, 31]);
    expect(v(r.year)).toBe(2022);
  });

  it('money in 元 with separators; the 经营支出 part', () => {
    expect(r.income?.final).toMatchObject({ value: '288120500.00', unit: '元' });
    expect(r.income?.components.map((c) => [c.key, c.final?.value ?? c.budget?.value])).toEqual([
      ['fiscal', '281900500.00'],
      ['other', '6220000.00'],
      ['carryOverStart', '3150000.00'],
    ]);
    expect(r.expenditure?.parts.map((p) => p.key)).toEqual(['basic', 'project', 'business']);
    expect(r.expenditure?.carryOverEnd?.value).toBe('3310200.00');
  });

  it('table: empty row skipped, dashes are empty, (基本建设) in half-width parentheses', () => {
    const t = r.expenditureTable!;
    expect(t.unit?.value).toBe('万元');
    expect(t.rows.some((x) => x.label === '')).toBe(false);
    expect(row(r, '（一）人员经费')?.key).toBe('personnel');
    expect(cells(r, '三、上缴上级支出')).toEqual([null, null, null]);
    expect(cells(r, '四、经营支出')).toEqual(['120.00', '120.00', '120.00']);
    expect(row(r, '309 资本性支出(基本建设)')).toMatchObject({ key: 'economic', code: '309' });
    expect(cells(r, '399 其他支出')).toEqual([null, null, null]);
    expect(cells(r, '总计')).toEqual(['25630.00', '29276.02', '29127.05']);
  });

  it('20 targets (an empty row skipped) and 20 achievements', () => {
    expect(r.targets?.rows.map((x) => v(x.no))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(r.targets?.title).toBeNull();
    expect(r.targets?.rows[17]?.target).toMatchObject({ value: '28.6', unit: '亿元' });
    expect(r.targets?.rows[19]?.target).toMatchObject({ text: '及时', value: null });
    expect(r.achievements?.rows).toHaveLength(20);
    expect(r.achievements?.rows.filter((x) => v(x.status) !== '完成').map((x) => v(x.status))).toEqual([
      '未完成',
      '部分完成',
      '未完成',
    ]);
  });

  it('indicators with 1． labels; a level 2 after the table; inputs', () => {
    const nodes = flat(r.indicators);
    expect(nodes.map((n) => n.name)).toEqual([
      '预算编制情况',
      '预算编制',
      '目标设置',
      '预算执行情况',
      '资金管理',
      '资产管理',
      '资金使用效益',
      '效率性',
      '效果性',
      '满意度',
    ]);
    expect(nodes.find((n) => n.name === '效果性')?.evidence).toBe('');
    const inputs = nodes.flatMap((n) => n.inputs.map((i) => `${i.key}=${i.value}${i.op ?? ''}`));
    expect(inputs).toEqual([
      'budgetCompletionRate=99.48',
      'procurementRate=88.6',
      'carryOverRate=1.14',
      'fixedAssetUtilization=95≥',
      'targetsTotal=20',
      'targetsMet=17',
      'targetCompletionRate=85',
      'satisfaction=92',
    ]);
    expect(v(r.conclusion?.statedGrade)).toBe('优');
    expect(v(r.conclusion?.statedTotal)).toBe('91.35');
  });
});

describe('town-agri-2021: a small unit, few targets, optional parts missing', () => {
  const r = readFixture('town-agri-2021.txt');

  it('reads what is there and warns about what is not', () => {
    expect(Schema.safeParse(r).success).toBe(true);
    expect(v(r.department.name)).toBe('青石镇农业农村办公室');
    expect(v(r.department.rank)).toBe('股级');
    expect(v(r.year)).toBe(2021);
    expect(r.duties.items).toHaveLength(2);
    expect(v(r.orgUnits.statedCount)).toBe(0);
    expect(r.staffing.authorized).toBeNull();
    expect(r.work.sections).toEqual([]);
    expect(r.achievements).toBeNull();
    expect(r.meta.warnings.map((w) => w.rule)).toEqual([
      'read.section-missing',
      'read.section-missing',
      'read.section-missing',
      'read.table-missing',
      'read.section-missing',
    ]);
    for (const w of r.meta.warnings) expect(w.locations?.[0]?.line).toBeGreaterThan(0);
  });

  it('figures in 元, a table with only the rows it needs, two targets', () => {
    expect(r.income?.budget).toMatchObject({ value: '356200.00', unit: '元' });
    expect(r.expenditure?.final?.value).toBe('349870.00');
    expect(r.expenditureTable?.rows.map((x) => x.key)).toEqual([
      'basic',
      'project',
      'yearTotal',
      'grandTotal',
    ]);
    expect(r.expenditureTable?.unit?.value).toBe('元');
    expect(r.targets?.rows.map((x) => x.target.text)).toEqual(['≥4期', '全覆盖']);
    expect(r.indicators.map((n) => [n.level, n.name, v(n.statedScore), n.children.length])).toEqual([
      [1, '预算编制', '15', 0],
      [1, '预算执行', '30', 0],
      [1, '资金使用效益', '27', 0],
    ]);
    expect(v(r.conclusion?.statedTotal)).toBe('72');
    expect(v(r.conclusion?.statedGrade)).toBe('中');
  });
});

describe('tables typed one row per line, cells separated by TABs', () => {
  it('give the same model as one cell per line', () => {
    const text = new TextDecoder().decode(fixtureBytes('county-env-2024.txt'));
    const out: string[] = [];
    let key = '';
    for (const l of splitTextLines(text)) {
      if (l.src.table === undefined) {
        out.push(l.text);
        key = '';
        continue;
      }
      const k = `${l.src.table}/${l.src.row}`;
      if (k === key) out[out.length - 1] += `\t${l.text}`;
      else out.push(l.text);
      key = k;
    }
    const tsv = out.join('\n');
    expect(tsv).toContain('一、基本支出\t598.00\t615.80\t612.40');
    const a = parseReportLines(splitTextLines(text), { format: 'text', encoding: null });
    const b = parseReportLines(splitTextLines(tsv), { format: 'text', encoding: null });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(withoutSources(b.value)).toEqual(withoutSources(a.value));
      expect(b.value.kind === 'department' && b.value.expenditureTable?.rows[0]?.final?.src).toMatchObject({
        column: 3,
        raw: '612.40',
      });
    }
  });
});

describe('parseReportLines takes records as a .docx reader makes them', () => {
  it('cells without line numbers and with empty cells left out give the same model', () => {
    const text = new TextDecoder().decode(fixtureBytes('county-env-2024.txt'));
    const lines = splitTextLines(text);
    const docxLike: SourceLine[] = lines
      .filter((l) => l.src.table === undefined || l.text !== '')
      .map((l, i) =>
        l.src.table === undefined
          ? { text: l.text, src: { line: i + 1, raw: l.text } }
          : {
              text: l.text,
              src: { table: `T${l.src.table}`, row: l.src.row!, column: l.src.column!, raw: l.text },
            },
      );
    const a = parseReportLines(lines, { format: 'text', encoding: null });
    const b = parseReportLines(docxLike, { format: 'text', encoding: null });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(withoutSources(b.value)).toEqual(withoutSources(a.value));
  });
});
