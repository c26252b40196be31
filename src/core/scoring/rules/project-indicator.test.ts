import { describe, expect, it } from 'vitest';
import { leafContext, s } from '../../../../test/fixtures/score/leaf-context.ts';
import { goal } from '../../../../test/support/reports/build.ts';
import { dec } from '../../decimal.ts';
import { directionOf, quantitativeScore, scoreProjectIndicator } from './project-indicator.ts';

const q = (dir: 'positive' | 'reverse' | 'equal', T: string, A: string, W = '10') =>
  s(quantitativeScore(dir, dec(T), dec(A), dec(W)));

describe('quantitativeScore (DOMAIN.md §3.2)', () => {
  it('positive: A ≥ T full, else A/T × W; 0 and negative A score 0', () => {
    expect(q('positive', '50', '50')).toBe('10');
    expect(q('positive', '50', '100')).toBe('10');
    expect(q('positive', '50', '40')).toBe('8');
    expect(q('positive', '50', '0')).toBe('0');
    expect(q('positive', '50', '-3')).toBe('0');
    expect(q('positive', '0', '0')).toBe('10');
  });
  it('reverse: A ≤ T full, linear to 0 at 2T', () => {
    expect(q('reverse', '90', '90')).toBe('10');
    expect(q('reverse', '90', '0')).toBe('10');
    expect(q('reverse', '90', '-5')).toBe('10');
    expect(q('reverse', '100', '150')).toBe('5');
    expect(q('reverse', '90', '180')).toBe('0');
    expect(q('reverse', '90', '500')).toBe('0');
    expect(q('reverse', '0', '0')).toBe('10');
    expect(q('reverse', '0', '1')).toBe('0');
  });
  it('equal: T = 0 → full only when A ≤ 0; T > 0 like positive', () => {
    expect(q('equal', '0', '0')).toBe('10');
    expect(q('equal', '0', '-1')).toBe('10');
    expect(q('equal', '0', '0.01')).toBe('0');
    expect(q('equal', '100', '100')).toBe('10');
    expect(q('equal', '100', '200')).toBe('10');
    expect(q('equal', '100', '50')).toBe('5');
  });
});

describe('project-indicator', () => {
  it('reads the direction off the target comparator', () => {
    expect(directionOf(goal(1, 'x', '≥50个', '1', null).target)).toBe('positive');
    expect(directionOf(goal(1, 'x', '≤90万元', '1', null).target)).toBe('reverse');
    expect(directionOf(goal(1, 'x', '=0', '1', null).target)).toBe('equal');
    expect(directionOf(goal(1, 'x', '效果明显', '1', null).target)).toBe('qualitative');
  });
  it('scores a row from the goal table of the same name', () => {
    const ctx = leafContext({
      weight: '10',
      name: '培训人次',
      goals: [goal(1, '培训人次', '≥100人次', '80人次', null)],
    });
    const o = scoreProjectIndicator('auto', ctx);
    expect(s(o.score)).toBe('8');
    expect(o.lost[0]?.reason).toContain('未达到指标值');
  });
  it('holds a qualitative score to the band of its phrase', () => {
    const row = (actual: string) => [goal(1, '制度执行', '严格执行相关制度', actual, null)];
    const ctx = (actual: string, stated: string | null) =>
      leafContext({ weight: '10', name: '制度执行', stated, goals: row(actual) });
    expect(s(scoreProjectIndicator('auto', ctx('达成预期指标', '10')).score)).toBe('10');
    expect(s(scoreProjectIndicator('auto', ctx('达成年度指标', '5')).score)).toBe('8');
    expect(s(scoreProjectIndicator('auto', ctx('部分达成年度指标并具有一定效果', '9')).score)).toBe('7.99');
    expect(s(scoreProjectIndicator('auto', ctx('未达成年度指标且效果较差', '7')).score)).toBe('5.99');
    expect(s(scoreProjectIndicator('auto', ctx('部分达成年度指标并具有一定效果', null)).score)).toBe('6');
  });
  it('falls back to the stated score when target and actual are missing', () => {
    const o = scoreProjectIndicator('auto', leafContext({ weight: '10', stated: '7' }));
    expect(o.fallback).toBe(true);
    expect(s(o.score)).toBe('7');
  });
});
