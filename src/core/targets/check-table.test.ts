import { describe, expect, it } from 'vitest';
import { checkTargetTable } from './check-table.ts';
import { sampleDepartmentTable, sampleProjectTable } from './sample-tables.ts';
import type { TargetIndicator, TargetTable } from './table.ts';

const rules = (t: TargetTable) => checkTargetTable(t).map((f) => f.rule);
const withRow = <T extends TargetTable>(t: T, id: string, patch: Partial<TargetIndicator>): T => ({
  ...t,
  indicators: t.indicators.map((i) => (i.id === id ? { ...i, ...patch } : i)),
});

describe('checkTargetTable on the clean samples', () => {
  it('finds nothing in either sample', () => {
    expect(checkTargetTable(sampleProjectTable())).toEqual([]);
    expect(checkTargetTable(sampleDepartmentTable())).toEqual([]);
  });
});

describe('completeness', () => {
  it('names empty header fields and goals', () => {
    const t = { ...sampleProjectTable(), projectName: ' ', basis: '', goals: [''] };
    const f = checkTargetTable(t).filter((x) => x.rule === 'target.required-empty');
    expect(f.map((x) => x.message)).toEqual(['项目名称未填写', '立项依据未填写', '年度目标未填写']);
  });
  it('names an empty indicator cell', () => {
    const f = checkTargetTable(withRow(sampleProjectTable(), 'p1', { unit: '' }));
    expect(f).toContainEqual(
      expect.objectContaining({ rule: 'target.required-empty', indicatorId: 'p1', field: 'unit' }),
    );
  });
  it('needs no unit for 定性 but needs 评(扣)分标准 where the label set says so', () => {
    expect(rules(sampleProjectTable())).not.toContain('target.required-empty');
    const hunan = { ...sampleDepartmentTable(), labelSet: 'hunan' };
    const f = checkTargetTable(hunan).filter((x) => x.rule === 'target.required-empty');
    expect(f).toHaveLength(12); // 6 rows × (指标解释 + 评(扣)分标准)
  });
  it('flags placeholder values and a 三级 that repeats its 二级', () => {
    expect(rules(withRow(sampleProjectTable(), 'p1', { value: '*' }))).toContain('target.placeholder');
    expect(rules(withRow(sampleProjectTable(), 'p1', { value: 'XX' }))).toContain('target.placeholder');
    const boiler = checkTargetTable(withRow(sampleProjectTable(), 'p1', { name: '数量指标' }));
    expect(boiler).toContainEqual(expect.objectContaining({ rule: 'target.placeholder', field: 'name' }));
  });
  it('wants 产出, 效益 and 满意度', () => {
    const t = sampleProjectTable();
    const f = checkTargetTable({
      ...t,
      indicators: t.indicators.filter((i) => !i.level1.startsWith('满意度')),
    });
    expect(f).toContainEqual(
      expect.objectContaining({ rule: 'target.level-missing', expected: '满意度指标' }),
    );
  });
  it('flags labels outside the set, and accepts a legacy set’s own labels', () => {
    const t = withRow(sampleProjectTable(), 'p5', { level2: '环境效益指标' });
    expect(rules(t)).toContain('target.level-unknown');
    expect(
      rules({ ...t, labelSet: 'legacy-2016', indicators: t.indicators.filter((i) => i.id !== 'p4') }),
    ).not.toContain('target.level-unknown');
  });
});

describe('values, comparators and units', () => {
  it('wants a comparator for every quantitative value', () => {
    const f = checkTargetTable(withRow(sampleProjectTable(), 'p1', { nature: null }));
    expect(f).toContainEqual(
      expect.objectContaining({ rule: 'target.comparator-missing', indicatorId: 'p1' }),
    );
  });
  it('accepts a comparator written inside the value, and flags one contradicting 指标性质', () => {
    expect(rules(withRow(sampleProjectTable(), 'p1', { nature: null, value: '≥42' }))).toEqual([]);
    expect(rules(withRow(sampleProjectTable(), 'p1', { value: '≤42' }))).toContain(
      'target.comparator-missing',
    );
  });
  it('flags a phrase after a comparator', () => {
    expect(rules(withRow(sampleProjectTable(), 'p1', { value: '基本完成' }))).toEqual([
      'target.value-not-number',
    ]);
  });
  it('flags a money value with the unit %', () => {
    const f = checkTargetTable(withRow(sampleDepartmentTable(), 'd3', { value: '28.8万元', unit: '%' }));
    expect(f).toContainEqual(
      expect.objectContaining({
        rule: 'target.unit-mismatch',
        expected: '万元',
        actual: '%',
        indicatorId: 'd3',
      }),
    );
  });
  it('flags a unit on a 定性 phrase and a bare number marked 定性', () => {
    expect(rules(withRow(sampleProjectTable(), 'p6', { unit: '%' }))).toEqual(['target.unit-mismatch']);
    expect(rules(withRow(sampleProjectTable(), 'p6', { value: '100' }))).toEqual([
      'target.qualitative-number',
    ]);
  });
  it('warns on satisfaction not in % and on a rate above 100%', () => {
    expect(rules(withRow(sampleProjectTable(), 'p7', { unit: '人' }))).toEqual(['target.unit-unusual']);
    expect(rules(withRow(sampleProjectTable(), 'p2', { value: '120' }))).toEqual(['target.unit-unusual']);
  });
});

describe('weights and money', () => {
  it('wants weights on every row adding to 100', () => {
    expect(rules(withRow(sampleProjectTable(), 'p1', { weight: null }))).toEqual([
      'target.weight-missing',
      'target.weight-sum',
    ]);
    expect(rules(withRow(sampleProjectTable(), 'p1', { weight: '25' }))).toEqual(['target.weight-sum']);
  });
  it('skips weights where the label set has none', () => {
    const t = sampleProjectTable();
    const legacy = {
      ...t,
      labelSet: 'legacy-2016',
      indicators: t.indicators.filter((i) => i.id !== 'p4').map((i) => ({ ...i, weight: null })),
    };
    expect(rules(legacy)).toEqual([]);
  });
  it('checks 收入/支出构成: amounts, shares adding to 100, shares against amounts', () => {
    const t = sampleDepartmentTable();
    t.funds.expenditure.basic = { amount: '830', share: '70' };
    const f = checkTargetTable(t);
    expect(f.map((x) => x.rule)).toEqual(['target.share-sum', 'target.share-mismatch']);
    t.funds.expenditure.basic = { amount: '850', share: '66.4' };
    expect(rules(t)).toEqual(['target.amount-sum', 'target.share-mismatch']);
  });
  it('tolerates shares rounded to one decimal', () => {
    const t = sampleDepartmentTable();
    t.funds.income = {
      fiscal: { amount: '1000', share: '66.7' },
      other: { amount: '500', share: '33.3' },
      total: { amount: '1500', share: '100' },
    };
    t.funds.expenditure.total.amount = '1500';
    t.funds.expenditure.basic = { amount: '1080', share: '72' };
    t.funds.expenditure.project = { amount: '420', share: '28' };
    expect(rules(t)).toEqual([]);
  });
  it('checks project fund sources against 资金总额', () => {
    expect(rules({ ...sampleProjectTable(), fundsTotal: '330' })).toEqual(['target.amount-sum']);
  });
  it('flags a cost target above the funds, in any money unit', () => {
    expect(rules(withRow(sampleProjectTable(), 'p4', { value: '350' }))).toEqual(['target.cost-over-funds']);
    expect(rules(withRow(sampleProjectTable(), 'p4', { value: '3500000', unit: '元' }))).toEqual([
      'target.cost-over-funds',
    ]);
    expect(rules(withRow(sampleProjectTable(), 'p4', { value: '72000', unit: '元' }))).toEqual([]);
  });
});

describe('last year', () => {
  it('wants a reason for a target below last year’s actual', () => {
    const lower = withRow(sampleProjectTable(), 'p5', { lastYearActual: '20000' });
    expect(checkTargetTable(lower)).toEqual([
      expect.objectContaining({ rule: 'target.below-last-year', expected: '20000', actual: '18000' }),
    ]);
    expect(rules(withRow(lower, 'p5', { belowLastYearReason: '受益村合并，人口减少' }))).toEqual([]);
    expect(rules(withRow(sampleProjectTable(), 'p5', { lastYearActual: '15000' }))).toEqual([]);
  });
  it('treats a ceiling looser than last year the same way', () => {
    expect(rules(withRow(sampleProjectTable(), 'p4', { lastYearActual: '6.5' }))).toEqual([
      'target.below-last-year',
    ]);
  });
});
