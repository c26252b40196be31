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
});
