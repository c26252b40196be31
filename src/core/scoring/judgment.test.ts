import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/support/reports/scoring-sample.ts';
import { auditReport } from '../audit/index.ts';
import { dec } from '../decimal.ts';
import { builtinFramework } from '../framework/registry.ts';
import { isJudgment, writtenDeduction } from './judgment.ts';
import { scoreReport } from './score-report.ts';
import type { ScoredNode } from './types.ts';

const fw = builtinFramework('guangdong-yangxi-2024-department')!;
const find = (ns: readonly ScoredNode[], name: string): ScoredNode | undefined =>
  ns.map((n) => (n.name === name ? n : find(n.children, name))).find(Boolean);

/** The sample's 政府采购执行率 (64.94% × 4 → 2.6 by the rule), stated lower, with or without a reason. */
const lowered = (evidence: string) => {
  const r = sampleReport();
  const leaf = r.indicators[1]!.children[1]!.children[3]!;
  expect(leaf.name).toBe('政府采购执行情况');
  leaf.statedScore = { value: '2.1' };
  leaf.evidence = evidence;
  return r;
};

describe('judgment deductions', () => {
  it('reads a written deduction', () => {
    expect(writtenDeduction('因采购计划编报不细，扣0.5分。')?.points.toFixed()).toBe('0.5');
    expect(writtenDeduction('执行率较低。')).toBeNull();
    expect(isJudgment(dec('2.1'), dec('2.6'), '由于资料不全扣0.5分')).toBe(true);
    expect(isJudgment(dec('2.6'), dec('2.6'), '由于资料不全扣0.5分')).toBe(false);
  });

  it('a stated score below the formula with a written reason stands; the formula is shown beside it', () => {
    const r = lowered('政府采购执行率64.94%；因采购计划编报不细扣0.5分。');
    const leaf = find(scoreReport(r, fw).indicators, '政府采购执行率')!;
    expect([leaf.computed, leaf.formula]).toEqual(['2.1', '2.6']);
    expect(leaf.notes.join('')).toContain('按评分规则为 2.6 分');
    const audit = auditReport(r, { framework: fw }).filter((f) => f.rule === 'score.leaf-inputs');
    expect(audit).toEqual([]);
  });

  it('without a reason it is a contradiction, as before', () => {
    const r = lowered('政府采购执行率64.94%。');
    const leaf = find(scoreReport(r, fw).indicators, '政府采购执行率')!;
    expect([leaf.computed, leaf.formula]).toEqual(['2.6', undefined]);
    const audit = auditReport(r, { framework: fw }).filter((f) => f.rule === 'score.leaf-inputs');
    expect(audit.length).toBe(1);
  });
});
