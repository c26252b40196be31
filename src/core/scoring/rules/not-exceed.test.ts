import { describe, expect, it } from 'vitest';
import { leafContext, s } from '../../../../test/fixtures/score/leaf-context.ts';
import type { RuleOf } from './context.ts';
import { scoreNotExceed } from './not-exceed.ts';

const rule = {
  kind: 'not-exceed',
  checks: [
    { actual: 'threePublicActual', limit: 'threePublicBudget' },
    { actual: 'publicFundsFinal', limit: 'publicFundsAdjusted' },
  ],
} satisfies RuleOf<'not-exceed'>;
const money = (v: string, unit = '万元'): [string, string] => [v, unit];

describe('not-exceed', () => {
  it('gives full marks when every actual is within its limit (equality counts)', () => {
    const ctx = leafContext({
      weight: '5',
      inputs: {
        threePublicActual: money('19.85'),
        threePublicBudget: money('75.45'),
        publicFundsFinal: money('100'),
        publicFundsAdjusted: money('100'),
      },
    });
    expect(s(scoreNotExceed(rule, ctx).score)).toBe('5');
  });
  it('loses the share of a check that is exceeded and says by what', () => {
    const ctx = leafContext({
      weight: '5',
      inputs: {
        threePublicActual: money('80'),
        threePublicBudget: money('75.45'),
        publicFundsFinal: money('0'),
        publicFundsAdjusted: money('0'),
      },
    });
    const o = scoreNotExceed(rule, ctx);
    expect(s(o.score)).toBe('2.5');
    expect(o.lost[0]?.reason).toContain('超过');
    expect(o.levers[0]).toMatchObject({ key: 'threePublicActual', direction: 'down' });
  });
  it('compares across money units', () => {
    const ctx = leafContext({
      weight: '5',
      inputs: { threePublicActual: money('198500', '元'), threePublicBudget: money('19.85', '万元') },
    });
    expect(s(scoreNotExceed(rule, ctx).score)).toBe('5');
  });
  it('checks only what is stated, and falls back when nothing is', () => {
    const one = leafContext({
      weight: '5',
      inputs: { threePublicActual: money('1'), threePublicBudget: money('2') },
    });
    const o = scoreNotExceed(rule, one);
    expect(s(o.score)).toBe('5');
    expect(o.notes.join()).toContain('未检查');
    const none = scoreNotExceed(rule, leafContext({ weight: '5', stated: '4' }));
    expect(none.fallback).toBe(true);
    expect(s(none.score)).toBe('4');
  });
});
