/** The real sample report, read field by field. Its text stays outside the project (../shared/seeds). */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeSeed, seedPath } from '../../../test/seed.ts';
import { allSources, readBytes } from '../../../test/support/formats/text-reading.ts';
import type { DepartmentReport, IndicatorNode } from '../../core/model/index.ts';
import { DepartmentReport as Schema } from '../../core/model/index.ts';

const v = <T>(f: { value: T } | null | undefined) => f?.value;
const flat = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((n) => [n, ...flat(n.children)]);

describeSeed('the seed report, field by field', () => {
  let r: DepartmentReport;
  let lines: string[];
  beforeAll(() => {
    const bytes = readFileSync(seedPath());
    r = readBytes(bytes);
    lines = new TextDecoder().decode(bytes).split('\n');
  });

  it('validates against the model and reads without warnings', () => {
    expect(Schema.safeParse(r).success).toBe(true);
    expect(r.meta.warnings).toEqual([]);
    expect(r.meta).toMatchObject({ format: 'text', encoding: 'utf-8' });
  });

  it('every src quotes text that is on its line', () => {
    const srcs = allSources(r);
    expect(srcs.length).toBeGreaterThan(300);
    for (const s of srcs) {
      expect(s.line).toBeDefined();
      expect(lines[s.line! - 1]).toContain(s.raw);
    }
  });

  it('department, year', () => {
    expect(r.year?.value).toBe(2023);
    expect(r.title).toBeNull();
    expect(v(r.department.name)).toBe('阳西县工业和信息化局');
    expect(v(r.department.rank)).toBe('正科级');
    expect(r.department.extraNames.map((x) => x.value)).toEqual(['阳西县科学技术局', '阳西县商务局']);
    expect(v(r.department.nature)).toBe('县政府工作部门');
    expect(v(r.department.jurisdiction)).toBe('阳西县');
    expect(r.department.name?.src?.line).toBe(2);
  });

  it('all 37 duties, numbered 1–37, with the intro', () => {
    const items = r.duties.items;
    expect(items.map((d) => d.no)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(items.map((d) => d.src?.line)).toEqual(Array.from({ length: 37 }, (_, i) => i + 4));
    for (const d of items) {
      expect(d.text.length).toBeGreaterThan(20);
      expect(d.text).not.toMatch(/^[（(]\d/);
      expect(d.text).toBe(d.text.trim());
    }
    expect(items[0]?.text.startsWith('拟订工业、信息化领域并组织实施')).toBe(true);
    // Lines 14–25 of the file are indented with ideographic spaces.
    expect(items[13]?.text.startsWith('贯彻执行有关健全和规范城乡市场')).toBe(true);
    expect(items[36]?.text.endsWith('交办的其他任务。')).toBe(true);
    expect(r.duties.intro?.endsWith('主要职责是：')).toBe(true);
  });

  it('15 org units, stated count 15, parentheses kept inside names', () => {
    expect(v(r.orgUnits.statedCount)).toBe(15);
    const names = r.orgUnits.items.map((x) => x.value);
    expect(names).toHaveLength(15);
    expect(names[0]).toBe('办公室（党务工作办公室）');
    expect(names[6]).toBe('生产服务业与消费品工业股（民用爆炸物品监管股）');
    expect(names[14]).toBe('县中小企业局（县民营经济发展服务局）');
    expect(names.every((n) => n.length >= 3 && !/[、。]/.test(n))).toBe(true);
  });

  it('staffing', () => {
    const s = r.staffing;
    expect([
      v(s.asOf),
      v(s.authorized),
      v(s.inService),
      v(s.contractStaff),
      v(s.other),
      v(s.retired),
    ]).toEqual(['2022-12-31', 45, 44, 1, 1, 24]);
  });

  it('work: intro and 8 sections with titles', () => {
    expect(r.work.intro?.startsWith('2023年，我局在县委、县政府的正确领导下')).toBe(true);
    expect(r.work.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.work.sections[0]?.title).toBe('全力以赴暖企业增信心');
    expect(r.work.sections[7]?.title).toBe('强化管控狠抓安全生产');
    expect(r.work.sections.every((s) => s.body.length > 50 && !s.body.startsWith('。'))).toBe(true);
  });

  it('income sentence with its components', () => {
    const i = r.income!;
    expect([v(i.year), i.budget?.value, i.adjusted?.value, i.final?.value]).toEqual([
      2023,
      '1747.99',
      '7532.81',
      '7523.81',
    ]);
    expect(i.budget?.unit).toBe('万元');
    expect(
      i.components.map((c) => [c.key, c.name, c.budget?.value, c.adjusted?.value, c.final?.value]),
    ).toEqual([
      ['fiscal', '财政拨款', '1747.99', undefined, '7532.81'],
      ['carryOverStart', '年初结转和结余', '9.42', undefined, '9.42'],
    ]);
    expect(i.final?.src).toEqual({ line: 57, raw: '7523.81万元' });
  });

  it('expenditure sentence: 其中 parts, carry-over outside the parentheses', () => {
    const e = r.expenditure!;
    expect([e.budget?.value, e.adjusted, e.final?.value, e.carryOverEnd?.value]).toEqual([
      '1747.99',
      null,
      '7542.23',
      '2.05',
    ]);
    expect(e.parts.map((p) => [p.key, p.amount.value])).toEqual([
      ['basic', '845.92'],
      ['project', '6694.26'],
    ]);
  });

  it('expenditure table: every row and cell, empty cells null, unit as stated', () => {
    const t = r.expenditureTable!;
    expect(v(t.title)).toBe('2023年部门整体支出（单位：元）');
    expect(t.unit?.value).toBe('元');
    const cells = t.rows.map((row) => [
      row.key,
      row.code,
      row.budget?.value ?? null,
      row.adjusted?.value ?? null,
      row.final?.value ?? null,
    ]);
    expect(cells).toEqual([
      ['basic', null, '695.60', '845.92', '845.92'],
      ['personnel', null, '653.6', '796.02', '796.02'],
      ['publicFunds', null, '42', '49.91', '49.91'],
      ['project', null, '1052.39', '6694.26', '6694.26'],
      ['capitalProjects', null, null, null, null],
      ['remitted', null, null, null, null],
      ['business', null, null, null, null],
      ['affiliates', null, null, null, null],
      ['economicTotal', null, null, null, '7540.18'],
      ['economic', '301', null, null, '718.12'],
      ['economic', '302', null, null, '1206.24'],
      ['economic', '303', null, null, '84.27'],
      ['economic', '307', null, null, null],
      ['economic', '309', null, null, null],
      ['economic', '310', null, null, '30.53'],
      ['economic', '311', null, null, null],
      ['economic', '312', null, null, '5501.02'],
      ['economic', '313', null, null, null],
      ['economic', '399', null, null, null],
      ['yearTotal', null, '1747.99', '7540.18', '7540.18'],
      ['carryOverEnd', null, null, '2.05', '2.05'],
      ['grandTotal', null, '1747.99', '7542.23', '7542.23'],
    ]);
    const first = t.rows[0]!;
    expect(first.budget?.src).toMatchObject({ table: '1', row: 1, column: 1, raw: '695.60' });
    expect(first.final?.src).toMatchObject({ table: '1', row: 1, column: 3 });
    expect(t.rows.at(-1)?.final?.src).toMatchObject({ table: '1', row: 22, column: 3 });
  });

  it('三公经费: actual and both changes with direction', () => {
    const tp = r.threePublic!;
    expect(v(tp.year)).toBe(2023);
    expect(tp.actual?.value).toBe('19.85');
    expect(tp.changes.map((c) => [c.against, c.direction, c.amount.value, c.amount.unit])).toEqual([
      ['2022', 'increase', '5.65', '万元'],
      ['年初预算', 'decrease', '55.6', '万元'],
    ]);
    expect(tp.parts).toEqual([]);
  });

  it('target table: 15 goals with parsed measures', () => {
    const t = r.targets!;
    expect(v(t.title)).toBe('2023年部门整体支出绩效目标表');
    expect(t.rows.map((x) => v(x.no))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const m = t.rows.map((x) => [x.target.text, x.target.op, x.target.value, x.target.unit]);
    expect(m[0]).toEqual(['500亿元', null, '500', '亿元']);
    expect(m[1]).toEqual(['50个', null, '50', '个']);
    expect(m[2]).toEqual(['179座', null, '179', '座']);
    expect(m[3]).toEqual(['10%', null, '10', '%']);
    expect(m[5]).toEqual(['11.02亿元', null, '11.02', '亿元']);
    expect(m[10]).toEqual(['10家', null, '10', '家']);
    expect(m[12]).toEqual(['4', null, '4', null]);
    expect(m[13]).toEqual(['180人次', null, '180', '人次']);
    expect(v(t.rows[12]?.name)).toBe('推动规模以上工业企业数字化转型的企业数量');
    expect(t.rows[14]?.target.src).toMatchObject({ table: '2', row: 15, column: 2, raw: '90%' });
  });

  it('conclusion: notice, its number, total and grade', () => {
    const c = r.conclusion!;
    expect(v(c.notice)).toBe(
      '阳西县财政局关于做好2024年县级财政资金部门整体支出和项目支出绩效自评工作的通知',
    );
    expect(v(c.noticeNo)).toBe('西财绩〔2024〕1号');
    expect(v(c.statedTotal)).toBe('98.2');
    expect(v(c.statedGrade)).toBe('优');
  });

  it('indicator tree: every node with weight, stated score and inputs', () => {
    const rows = flat(r.indicators).map((n) => [
      n.level,
      n.label,
      n.name,
      v(n.weight),
      v(n.statedScore),
      n.children.length,
    ]);
    expect(rows).toEqual([
      [1, '（一）', '预算编制情况', '20', '20', 2],
      [2, '1.', '预算编制', '8', '8', 2],
      [3, '（1）', '预算编制合理性', '4', '4', 0],
      [3, '（2）', '预算编制规范性', '4', '4', 0],
      [2, '2.', '目标设置情况', '12', '12', 3],
      [3, '（1）', '绩效目标合理性', '6', '6', 0],
      [3, '（2）', '绩效目标完整性', '2', '2', 0],
      [3, '（3）', '绩效目标明确性', '4', '4', 0],
      [1, '（二）', '预算执行情况', '40', '38.6', 4],
      [2, '1.', '制度管理', '5', '5', 0],
      [2, '2.', '资金管理', '20', '17.6', 6],
      [3, '（1）', '资金下达合规性', '2', '2', 0],
      [3, '（2）', '部门预算资金支出完成率', '5', '5', 0],
      [3, '（3）', '结转结余率', '2', '2', 0],
      [3, '（4）', '政府采购执行情况', '4', '2.6', 0],
      [3, '（5）', '财务合规性', '4', '4', 0],
      [3, '（6）', '预决算信息公开性', '3', '3', 0],
      [2, '3.', '项目管理', '8', '8', 2],
      [3, '（1）', '项目实施程序', '5', '5', 0],
      [3, '（2）', '项目监管', '3', '3', 0],
      [2, '4.', '资产管理', '7', '7', 2],
      [3, '（1）', '资产管理合规性', '5', '5', 0],
      [3, '（2）', '固定资产利用率', '2', '2', 0],
      [1, '（三）', '资金使用效益', '40', '39.6', 4],
      [2, '1.', '经济性', '5', '5', 0],
      [2, '2.', '效率性', '10', '10', 3],
      [3, '（1）', '项目完成及时性', '3', '3', 0],
      [3, '（2）', '绩效目标完成率', '3', '2.60', 0],
      [3, '（3）', '重点任务完成情况', '4', '4', 0],
      [2, '3.', '效果性', '20', '20', 0],
      [2, '4.', '公平性', '5', '5', 2],
      [3, '（1）', '群众信访办理情况', '2', '2', 0],
      [3, '（2）', '公众或服务对象满意度', '3', '3', 0],
    ]);
    const inputs = flat(r.indicators)
      .filter((n) => n.inputs.length)
      .map((n) => [n.name, n.inputs.map((i) => [i.key, i.value, i.unit, i.year, i.op ?? null])]);
    expect(inputs).toEqual([
      ['结转结余率', [['carryOverRate', '0.03', '%', 2022, null]]],
      ['政府采购执行情况', [['procurementRate', '64.94', '%', 2023, null]]],
      ['固定资产利用率', [['fixedAssetUtilization', '90', '%', null, '>']]],
      [
        '经济性',
        [
          ['threePublicActual', '19.85', '万元', null, null],
          ['threePublicBudget', '75.45', '万元', null, null],
        ],
      ],
      [
        '绩效目标完成率',
        [
          ['targetsTotal', '15', '个', null, null],
          ['targetsMet', '13', '个', null, null],
          ['targetCompletionRate', '86.67', '%', null, null],
        ],
      ],
      ['群众信访办理情况', [['petitionReplyRate', '100', '%', null, null]]],
    ]);
    const byName = new Map(flat(r.indicators).map((n) => [n.name, n]));
    expect(byName.get('预算编制合理性')?.evidence.startsWith('本部门预算编制合理')).toBe(true);
    expect(byName.get('制度管理')?.evidence).toContain('《内部控制管理制度》');
    expect(byName.get('公众或服务对象满意度')?.evidence).toBe('');
    // The table title under 效果性 is not evidence.
    expect(byName.get('效果性')?.evidence).not.toContain('实现情况表');
  });

  it('achievement table: 15 rows with target, actual and status', () => {
    const a = r.achievements!;
    expect(v(a.title)).toBe('2023年部门整体绩效目标实现情况表');
    expect(a.rows).toHaveLength(15);
    const unmet = a.rows.filter((x) => v(x.status) === '未完成').map((x) => v(x.no));
    expect(unmet).toEqual([6, 7]);
    expect(a.rows.map((x) => x.actual.value)).toEqual([
      '526.28',
      '57',
      '193',
      '112.2',
      '13.2',
      '9.22',
      '23',
      '52',
      '100',
      '100',
      '11',
      '6',
      '4',
      '246',
      '90',
    ]);
    expect(a.rows[10]?.target.text).toBe('6家');
    expect(a.rows[7]?.target).toMatchObject({ value: '46', unit: null });
  });

  it('problems, measures and other notes', () => {
    expect(r.problems.problems?.value.startsWith('部门整体绩效管理意识薄弱')).toBe(true);
    expect(r.problems.causes).toBeNull();
    expect(r.problems.measures?.value.startsWith('一是提高领导层对绩效管理工作的重视')).toBe(true);
    expect(v(r.otherNotes)).toBe('无。');
  });
});
