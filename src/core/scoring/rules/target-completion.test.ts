import { describe, expect, it } from 'vitest';
import { leafContext, s } from '../../../../test/fixtures/score/leaf-context.ts';
import { goal } from '../../../../test/support/reports/build.ts';
import { sampleGoals } from '../../../../test/support/reports/scoring-sample.ts';
import { scoreTargetCompletion, targetMet } from './target-completion.ts';

describe('targetMet (DOMAIN.md §3.3)', () => {
  it('reads no comparator as ≥ and counts equality as met', () => {
    expect(targetMet(goal(1, '满意度', '90%', '90%', null))).toBe(true);
    expect(targetMet(goal(1, '进出口', '11.02亿元', '9.22亿元', null))).toBe(false);
    expect(targetMet(goal(1, '增速', '10%', '112.2%', null))).toBe(true);
  });
  it('honours a written comparator', () => {
    expect(targetMet(goal(1, '事故', '≤0起', '0起', null))).toBe(true);
    expect(targetMet(goal(1, '事故', '≤0起', '1起', null))).toBe(false);
    expect(targetMet(goal(1, '成本', '<100万元', '100万元', null))).toBe(false);
    expect(targetMet(goal(1, '次数', '=4', '4', null))).toBe(true);
  });
  it('converts money units before comparing', () => {
    expect(targetMet(goal(1, '投资', '1亿元', '10000万元', null))).toBe(true);
  });
  it('goes by the status word only for qualitative rows', () => {
    expect(targetMet(goal(1, '制度', '健全', '健全', '完成'))).toBe(true);
    expect(targetMet(goal(1, '制度', '健全', '部分健全', '部分完成'))).toBe(false);
    expect(targetMet(goal(1, '制度', '健全', '健全', null))).toBe(null);
    // Numbers decide over a contradicting status word.
    expect(targetMet(goal(1, '数量', '10个', '8个', '完成'))).toBe(false);
  });
});

describe('target-completion', () => {
  it('is weight × met / total from the goal table: 3 × 13/15 = 2.6 exactly', () => {
    const o = scoreTargetCompletion(leafContext({ weight: '3', goals: sampleGoals() }));
    expect(s(o.score)).toBe('2.6');
    expect(o.lost[0]?.reason).toContain('外贸进出口额');
  });
  it('gives full marks when every goal is met and 0 when none is', () => {
    const met = [goal(1, 'a', '1', '2', null), goal(2, 'b', '1', '1', null)];
    expect(s(scoreTargetCompletion(leafContext({ weight: '3', goals: met })).score)).toBe('3');
    const none = [goal(1, 'a', '1', '0', null), goal(2, 'b', '5', '-1', null)];
    expect(s(scoreTargetCompletion(leafContext({ weight: '3', goals: none })).score)).toBe('0');
  });
  it('falls back to the stated counts without a table, then to the stated rate', () => {
    const counts = leafContext({
      weight: '3',
      inputs: { targetsTotal: ['15', '个'], targetsMet: ['13', '个'] },
    });
    expect(s(scoreTargetCompletion(counts).score)).toBe('2.6');
    const rate = leafContext({ weight: '3', inputs: { targetCompletionRate: '50' } });
    expect(s(scoreTargetCompletion(rate).score)).toBe('1.5');
  });
  it('treats zero targets as no data, keeping the stated score', () => {
    const o = scoreTargetCompletion(
      leafContext({
        weight: '3',
        stated: '3',
        inputs: { targetsTotal: ['0', '个'], targetsMet: ['0', '个'] },
      }),
    );
    expect(o.fallback).toBe(true);
    expect(s(o.score)).toBe('3');
  });
  it('lets what-if counts override the table', () => {
    const ctx = leafContext({
      weight: '3',
      goals: sampleGoals(),
      overrides: { inputs: { targetsMet: { value: '15', unit: '个' } } },
    });
    expect(s(scoreTargetCompletion(ctx).score)).toBe('3');
  });
});
