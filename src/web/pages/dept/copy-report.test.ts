import { describe, expect, it } from 'vitest';
import sample from '../../../../test/fixtures/score/sample-report.json' with { type: 'json' };
import { Report } from '../../../core/model/report.ts';
import { copyForYear } from './copy-report.ts';

describe("starting from last year's report", () => {
  it('moves the year, keeps the content, drops sources and reader warnings, stays a valid report', () => {
    const last = Report.parse(sample);
    const next = copyForYear(last, 2024);
    expect(next.year).toEqual({ value: 2024 });
    expect(next.title?.value).toBe('测试局2024年度部门整体支出绩效自评报告');
    expect(JSON.stringify(next)).not.toContain('"src"');
    expect(next.meta.warnings).toEqual([]);
    expect(Report.safeParse(next).success).toBe(true);
    expect(last.year?.value).toBe(2023);
  });

  it('moves the years the figures are of: 收入, 支出, 三公经费, 人员编制 date, indicator quantities', () => {
    const read = Report.parse(sample);
    if (read.kind !== 'department') throw new Error('a department report');
    const last: Report = {
      ...read,
      income: { year: { value: 2023 }, budget: null, adjusted: null, final: null, components: [] },
      staffing: { ...read.staffing, asOf: { value: '2023-12-31' } },
      threePublic: {
        year: { value: 2023 },
        actual: { value: '19.85', unit: '万元' },
        changes: [{ against: '2022', amount: { value: '1.2', unit: '万元' }, direction: 'decrease' }],
        parts: [],
      },
    };
    const next = copyForYear(last, 2024);
    if (next.kind !== 'department') throw new Error('a department report');
    const years = (d: unknown): number[] =>
      JSON.stringify(d)
        .match(/"year":(\{"value":)?\d{4}/g)
        ?.map((m) => Number(m.slice(-4))) ?? [];
    expect(years(last)).toContain(2023);
    expect(years(next)).not.toContain(2023);
    expect(years(next).length).toBe(years(last).length);
    expect(years(next).length).toBeGreaterThanOrEqual(3);
    expect(next.staffing.asOf?.value).toBe('2024-12-31');
    expect(next.threePublic?.changes[0]?.against).toBe('2023');
  });
});
