import { describe, expect, it } from 'vitest';
import { leafContext, s } from '../../../../test/fixtures/score/leaf-context.ts';
import type { RuleOf } from './context.ts';
import { scoreThresholdSteps } from './threshold-steps.ts';

const lowerBetter = {
  kind: 'threshold-steps',
  input: 'carryOverRate',
  steps: [
    { op: '≤', value: '5', ratio: '1' },
    { op: '≤', value: '10', ratio: '0.5' },
  ],
  otherwise: '0',
} satisfies RuleOf<'threshold-steps'>;
const higherBetter = {
  kind: 'threshold-steps',
  input: 'fixedAssetUtilization',
  steps: [
    { op: '≥', value: '90', ratio: '1' },
    { op: '>', value: '80', ratio: '0.5' },
  ],
} satisfies RuleOf<'threshold-steps'>;

const at = (rule: RuleOf<'threshold-steps'>, v: string) =>
  scoreThresholdSteps(rule, leafContext({ weight: '2', inputs: { [rule.input]: v } }));

describe('threshold-steps', () => {
  it('pays the first step that holds, equality included', () => {
    expect(s(at(lowerBetter, '0.03').score)).toBe('2');
    expect(s(at(lowerBetter, '5').score)).toBe('2');
    expect(s(at(lowerBetter, '5.01').score)).toBe('1');
    expect(s(at(lowerBetter, '10').score)).toBe('1');
    expect(s(at(lowerBetter, '20').score)).toBe('0');
  });
  it('handles 0, a higher-is-better rule and a strict comparator', () => {
    expect(s(at(lowerBetter, '0').score)).toBe('2');
    expect(s(at(higherBetter, '90').score)).toBe('2');
    expect(s(at(higherBetter, '80').score)).toBe('0');
    expect(s(at(higherBetter, '80.5').score)).toBe('1');
    expect(s(at(higherBetter, '0').score)).toBe('0');
  });
  it('says which band it fell in and offers a lever to the best step', () => {
    const o = at(higherBetter, '85');
    expect(o.lost[0]?.reason).toContain('≥90');
    expect(o.levers[0]).toMatchObject({ key: 'fixedAssetUtilization', direction: 'up' });
    expect(s(o.levers[0]!.bound)).toBe('90');
  });
  it('falls back to the stated score when the input is missing', () => {
    const o = scoreThresholdSteps(lowerBetter, leafContext({ weight: '2', stated: '1.5' }));
    expect(o.fallback).toBe(true);
    expect(s(o.score)).toBe('1.5');
  });
});
