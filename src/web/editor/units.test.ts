import { describe, expect, it } from 'vitest';
import type { ExpenditureTable } from '../../core/model/department-report.ts';
import { emptyProjectReport } from '../../core/model/empty-report.ts';
import { convertAmount, withFundsUnit, withTableUnit } from './units.ts';

const table: ExpenditureTable = {
  title: null,
  unit: { value: '元', src: { raw: '单位：元' } },
  rows: [
    {
      key: 'basic',
      code: null,
      label: '基本支出',
      budget: { value: '1234567.89', src: { raw: '1234567.89' } },
      adjusted: null,
      final: { value: '0.5' },
    },
  ],
};

describe('money table units', () => {
  it('converts exactly in decimals, both ways', () => {
    expect(convertAmount('1234567.89', '元', '万元')).toBe('123.456789');
    expect(convertAmount('123.456789', '万元', '元')).toBe('1234567.89');
    expect(convertAmount('3.5', '亿元', '万元')).toBe('35000');
    expect(convertAmount('7', '万元', '万元')).toBe('7');
  });

  it('fixes the label alone, keeping the figures and where they were read', () => {
    const fixed = withTableUnit(table, '万元', false);
    expect(fixed.unit).toEqual({ value: '万元' });
    expect(fixed.rows).toBe(table.rows);
  });

  it('converts every amount of the table on request; an empty cell stays empty', () => {
    const row = withTableUnit(table, '万元', true).rows[0]!;
    expect(row.budget).toEqual({ value: '123.456789' });
    expect(row.adjusted).toBeNull();
    expect(row.final).toEqual({ value: '0.00005' });
  });

  it("converts a project's fund amounts but not its weights, rates and scores", () => {
    const doc = {
      ...emptyProjectReport(),
      funds: [
        {
          key: 'total' as const,
          label: '年度资金总额',
          budget: { value: '12' },
          adjusted: { value: '10' },
          final: { value: '9.5' },
          weight: { value: '10' },
          rate: { value: '95' },
          score: { value: '9.5' },
          reason: null,
        },
      ],
    };
    const got = withFundsUnit(doc, '元', true);
    expect(got.moneyUnit).toEqual({ value: '元' });
    expect(got.funds[0]).toMatchObject({
      budget: { value: '120000' },
      adjusted: { value: '100000' },
      final: { value: '95000' },
      weight: { value: '10' },
      rate: { value: '95' },
      score: { value: '9.5' },
    });
  });
});
