import { describe, expect, it } from 'vitest';
import { compareWithApproved, measureOf, targetRowsOf } from './binding.ts';
import { sampleProjectTable } from './sample-tables.ts';

const approved = sampleProjectTable();

describe('compareWithApproved', () => {
  it('finds nothing when the report carries the approved targets', () => {
    expect(compareWithApproved(targetRowsOf(approved), approved, 2)).toEqual([]);
  });
  it('names both values when a target was lowered', () => {
    const rows = targetRowsOf(approved).map((r) =>
      r.name === '受益人口'
        ? { ...r, target: { text: '≥15000人', op: '≥' as const, value: '15000', unit: '人' } }
        : r,
    );
    const f = compareWithApproved(rows, approved, 2);
    expect(f).toEqual([
      expect.objectContaining({
        rule: 'binding.target-changed',
        severity: 'error',
        expected: '≥18000人',
        actual: '≥15000人',
        message: '指标“受益人口”的年度指标值在自评表中为“≥15000人”，批复的绩效目标表（第2版）为“≥18000人”',
      }),
    ]);
  });
  it('catches a changed comparator or unit, and accepts the same amount in another money unit', () => {
    const cost = (text: string, op: '≤' | '<', value: string, unit: string) =>
      targetRowsOf(approved).map((r) =>
        r.name === '每公里改造成本' ? { ...r, target: { text, op, value, unit } } : r,
      );
    expect(compareWithApproved(cost('<7.2万元', '<', '7.2', '万元'), approved, 1).map((f) => f.rule)).toEqual(
      ['binding.target-changed'],
    );
    expect(compareWithApproved(cost('≤72000元', '≤', '72000', '元'), approved, 1)).toEqual([]);
    expect(compareWithApproved(cost('≤7.2公里', '≤', '7.2', '公里'), approved, 1)).toHaveLength(1);
  });
  it('reports approved indicators left out and indicators added', () => {
    const rows = targetRowsOf(approved).filter((r) => r.name !== '工程验收合格率');
    rows.push({ name: '宣传覆盖率', target: { text: '≥80%', op: '≥', value: '80', unit: '%' } });
    expect(
      compareWithApproved(rows, approved, 1)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['binding.target-added', 'binding.target-missing']);
  });
  it('compares 定性 targets by their text', () => {
    const rows = targetRowsOf(approved).map((r) =>
      r.name === '供水保障水平'
        ? { ...r, target: { text: '有所提升', op: null, value: null, unit: null } }
        : r,
    );
    expect(compareWithApproved(rows, approved, 1).map((f) => f.rule)).toEqual(['binding.target-changed']);
  });
});

describe('measureOf', () => {
  it('writes the approved value as a report would', () => {
    expect(measureOf(approved.indicators[0]!).text).toBe('≥42公里');
    expect(measureOf(approved.indicators[5]!)).toEqual({
      text: '明显提升',
      op: null,
      value: null,
      unit: null,
    });
  });
});
