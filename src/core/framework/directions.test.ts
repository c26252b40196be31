import { describe, expect, it } from 'vitest';
import { goal, node } from '../../../test/support/reports/build.ts';
import { emptyReport } from '../../../test/support/reports/scoring-sample.ts';
import { auditReport } from '../audit/index.ts';
import type { AchievementRow, DepartmentReport } from '../model/index.ts';
import { scoreReport } from '../scoring/index.ts';
import { definedDirections } from './directions.ts';
import { Framework } from './schema.ts';

// 综合指数 says nothing of its direction; the framework defines it as a ceiling.
const framework = (better?: 'less' | 'more'): Framework =>
  Framework.parse({
    id: 'test-directions',
    name: '方向测试指标体系',
    region: '测试',
    year: 2026,
    kind: 'department',
    version: '1',
    total: '10',
    indicators: [
      {
        name: '效果指标',
        weight: '10',
        children: [
          { name: '绩效目标完成率', weight: '10', rule: { kind: 'target-completion' } },
          { name: '综合指数', weight: '0', ...(better ? { better } : {}) },
        ],
      },
    ],
  });

const report = (rows: AchievementRow[]): DepartmentReport => ({
  ...emptyReport(),
  indicators: [node(1, '效果指标', '10', null, { children: [node(2, '绩效目标完成率', '10', null)] })],
  achievements: { title: { value: '绩效目标实现情况表' }, rows },
});

const statusFindings = (r: DepartmentReport, f: Framework) =>
  auditReport(r, { framework: f }).filter(
    (x) => x.rule === 'target.status' || x.rule === 'target.direction-unstated',
  );

const completion = (r: DepartmentReport, f: Framework): string => {
  const leaf = scoreReport(r, f).indicators[0]!.children!.find((n) => n.name === '绩效目标完成率')!;
  return String(leaf.computed);
};

describe("a framework's per-indicator direction (better)", () => {
  it('is found by name or alias, compared as headings are', () => {
    const defined = definedDirections(framework('less'))!;
    expect(defined('“综合指数”')).toBe('less');
    expect(defined('绩效目标完成率')).toBeNull();
    expect(definedDirections(null)).toBeUndefined();
  });

  it('a name that says nothing, with better: less: a lower actual is met, no status finding, full marks', () => {
    const r = report([goal(1, '综合指数', '80', '70', '完成')]);
    expect(statusFindings(r, framework('less'))).toEqual([]);
    expect(completion(r, framework('less'))).toBe('10');
    // Without the framework's word the direction is only assumed: said, not blamed.
    expect(statusFindings(r, framework()).map((x) => x.rule)).toEqual(['target.direction-unstated']);
  });

  it('a deliberately wrong status is still found, and scored by the figures', () => {
    const r = report([goal(1, '综合指数', '80', '90', '完成')]);
    const found = statusFindings(r, framework('less'));
    expect(found.map((x) => x.rule)).toEqual(['target.status']);
    expect(found[0]!.message).toContain('按指标体系的定义');
    expect(found[0]!.expected).toBe('未完成');
    expect(completion(r, framework('less'))).toBe('0');
  });

  it('a comparator written in the report comes first', () => {
    const r = report([goal(1, '综合指数', '≥80', '90', '完成')]);
    expect(statusFindings(r, framework('less'))).toEqual([]);
    expect(completion(r, framework('less'))).toBe('10');
  });
});
