import { describe, expect, it } from 'vitest';
import { input, node } from '../../../test/support/reports/build.ts';
import { emptyReport, sampleReport } from '../../../test/support/reports/scoring-sample.ts';
import { builtinFramework } from '../framework/registry.ts';
import type { Framework } from '../framework/schema.ts';
import { scoreReport } from './score-report.ts';
import type { ScoredNode } from './types.ts';

const yangxi = builtinFramework('guangdong-yangxi-2024-department')!;

const find = (nodes: readonly ScoredNode[], name: string): ScoredNode | undefined => {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = find(n.children, name);
    if (hit) return hit;
  }
  return undefined;
};

describe('scoreReport against the 阳西 framework', () => {
  const scored = scoreReport(sampleReport(), yangxi);

  it('recomputes the total from the leaves and grades it', () => {
    expect(scored.total).toBe('98.2');
    expect(scored.grade).toBe('优');
    expect(scored.statedTotal).toBe('98.2');
    expect(scored.statedGrade).toBe('优');
  });

  it('sums parents from their rounded children, not from stated subtotals', () => {
    const money = find(scored.indicators, '资金管理')!;
    expect(money.stated).toBe('17.6');
    expect(money.computed).toBe('18.6');
    expect(money.difference).toBe('1');
    expect(find(scored.indicators, '效率性')!.computed).toBe('9.6');
  });

  it('scores 政府采购执行率 as weight × rate, rounded half-up', () => {
    const p = find(scored.indicators, '政府采购执行率')!;
    expect(p.reportName).toBe('政府采购执行情况');
    expect(p.rule).toBe('rate');
    expect(p.computed).toBe('2.6');
    expect(p.lost).toEqual([{ points: '1.4', reason: expect.stringContaining('64.94%') }]);
  });

  it('names the unmet goals where 绩效目标完成率 lost points', () => {
    const t = find(scored.indicators, '绩效目标完成率')!;
    expect(t.computed).toBe('2.6');
    expect(t.lost[0]?.points).toBe('0.4');
    expect(t.lost[0]?.reason).toContain('外贸进出口额');
  });

  it('keeps the stated score, with a note, where a quantitative input is missing', () => {
    const b = find(scored.indicators, '部门预算资金支出完成率')!;
    expect(b.fallback).toBe(true);
    expect(b.computed).toBe('5');
    expect(b.notes.join()).toContain('沿用自评得分');
  });

  it('re-scores with changed inputs', () => {
    const r = scoreReport(sampleReport(), yangxi, {
      overrides: { inputs: { procurementRate: { value: '90', unit: '%' } } },
    });
    expect(find(r.indicators, '政府采购执行率')!.computed).toBe('3.6');
    expect(r.total).toBe('99.2');
  });

  it('scores an empty report as 0 / 差 and says every heading is missing', () => {
    const r = scoreReport(emptyReport(), yangxi);
    expect(r.total).toBe('0');
    expect(r.grade).toBe('差');
    expect(r.findings.some((f) => f.rule === 'score.manual-missing')).toBe(true);
  });

  it('lists report headings outside the framework', () => {
    const rep = sampleReport();
    rep.indicators.push(node(1, '其他加分项', '5', '5'));
    expect(scoreReport(rep, yangxi).unmatched).toEqual(['其他加分项']);
  });

  it('counts sub-items written under a leaf heading as part of that leaf', () => {
    const rep = sampleReport();
    rep.indicators[2]!.children[0]!.children.push(
      node(3, '三公经费控制', '3', '3'),
      node(3, '公用经费控制', '2', '2'),
    );
    const r = scoreReport(rep, yangxi);
    expect(r.unmatched).toEqual([]);
    expect(find(r.indicators, '经济性')!.computed).toBe('5');
  });
});

describe('indicator-rows headings (项目支出)', () => {
  const project: Framework = {
    id: 'p',
    name: 'p',
    region: 'x',
    year: 2023,
    kind: 'project',
    version: '1',
    total: '20',
    indicators: [
      { name: '预算执行率', weight: '10', rule: { kind: 'rate', input: 'budgetCompletionRate' } },
      { name: '产出指标', weight: '10', rule: { kind: 'indicator-rows', sections: ['数量指标'] } },
    ],
  };
  const report = () => ({
    ...emptyReport(),
    indicators: [
      node(1, '预算执行率', '10', '9.5', { inputs: [input('budgetCompletionRate', '预算执行率', '95')] }),
      node(1, '产出指标', '10', '8', {
        children: [
          node(2, '数量指标', null, null, {
            children: [
              node(3, '培训人次', '6', '6', {
                inputs: [
                  input('target', '指标值', '100', '人次'),
                  input('actual', '实际完成值', '80', '人次'),
                ],
              }),
              node(3, '发放补贴', '4', '4', {
                inputs: [input('target', '指标值', '40', '户'), input('actual', '实际完成值', '50', '户')],
              }),
            ],
          }),
        ],
      }),
    ],
  });

  it('scores each row by its own weight and sums them under the heading', () => {
    const r = scoreReport(report(), project);
    const out = find(r.indicators, '产出指标')!;
    expect(out.rule).toBe('indicator-rows');
    expect(find(out.children, '培训人次')!.computed).toBe('4.8');
    expect(out.computed).toBe('8.8');
    expect(r.total).toBe('18.3');
  });

  it('flags rows whose weights do not add up to the heading', () => {
    const rep = report();
    rep.indicators[1]!.children[0]!.children[1]!.weight = { value: '3' };
    const r = scoreReport(rep, project);
    expect(r.findings.find((f) => f.rule === 'score.row-weights')?.message).toContain('合计 9 分');
  });
});
