/** Scoring 项目支出绩效自评表 through their indicator-tree view, with both project frameworks. */
import { describe, expect, it } from 'vitest';
import { cleanProject } from '../../../test/fixtures/project/project-test-report.ts';
import { chooseFramework } from '../framework/match.ts';
import { projectScoringView } from '../framework/project-view.ts';
import { BUILTIN_FRAMEWORKS, builtinFramework } from '../framework/registry.ts';
import type { ScoredNode } from './index.ts';
import { scoreReport } from './score-report.ts';

const mof = builtinFramework('mof-2020-project')!;
const sichuan = builtinFramework('sichuan-2023-project')!;
const leaf = (nodes: readonly ScoredNode[], name: string): ScoredNode | undefined => {
  for (const n of nodes) {
    if (n.reportName === name && n.children.length === 0) return n;
    const hit = leaf(n.children, name);
    if (hit) return hit;
  }
  return undefined;
};

describe('project scoring', () => {
  it('MoF: 10 × 执行率 plus the formula score of every row, each 一级 against its weight', () => {
    const s = scoreReport(cleanProject(), mof);
    expect([s.total, s.grade, s.statedTotal, s.unmatched, s.findings]).toEqual([
      '98.39',
      '优',
      '98.39',
      [],
      [],
    ]);
    expect(s.indicators.map((n) => [n.name, n.weight, n.computed])).toEqual([
      ['预算执行率', '10', '9.5'],
      ['产出指标', '50', '50'],
      ['效益指标', '30', '28.89'],
      ['满意度指标', '10', '10'],
    ]);
  });

  it('Sichuan: the 一级 groups are scored under 绩效指标 (90), same total', () => {
    const r = cleanProject();
    r.layout = 'sichuan';
    r.frameworkId = 'sichuan-2023-project';
    const s = scoreReport(r, sichuan);
    expect(s.total).toBe('98.39');
    expect(s.indicators[1]).toMatchObject({ name: '绩效指标', weight: '90', computed: '88.89' });
    expect(projectScoringView(r, sichuan).indicators[1]?.children.map((n) => n.name)).toEqual([
      '产出指标',
      '效益指标',
      '满意度指标',
    ]);
  });

  it('the rate comes from the amounts, capped at 10; the stated rate only when amounts are missing', () => {
    const r = cleanProject();
    r.funds[0]!.final = { value: '120.00' };
    expect(scoreReport(r, mof).indicators[0]?.computed).toBe('10');
    r.funds[0]!.final = null;
    r.funds[0]!.rate = { value: '80' };
    expect(scoreReport(r, mof).indicators[0]?.computed).toBe('8');
  });

  it('a reverse row over its ceiling loses points; units that clash keep the stated score', () => {
    const r = cleanProject();
    r.indicators[2]!.actual = { text: '0.6万元', op: null, value: '0.6', unit: '万元' };
    expect(leaf(scoreReport(r, mof).indicators, '每套平均成本')?.computed).toBe('12');
    r.indicators[3]!.actual = { text: '85个', op: null, value: '85', unit: '个' };
    const s = scoreReport(r, mof);
    expect(leaf(s.indicators, '器材完好率')).toMatchObject({ computed: '18.89', fallback: true });
  });

  it('weights of an 一级 group not adding up are a finding', () => {
    const r = cleanProject();
    r.indicators[0]!.weight = { value: '25' };
    expect(scoreReport(r, mof).findings.map((f) => f.rule)).toContain('score.row-weights');
  });

  it('framework choice: the one the form names, and by kind when it names none', () => {
    const r = cleanProject();
    expect(chooseFramework(r, BUILTIN_FRAMEWORKS)?.framework.id).toBe('mof-2020-project');
    r.frameworkId = null;
    expect(chooseFramework(r, BUILTIN_FRAMEWORKS)?.framework.kind).toBe('project');
  });
});
