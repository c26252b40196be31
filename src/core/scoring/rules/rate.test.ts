import { describe, expect, it } from 'vitest';
import { leafContext, s } from '../../../../test/fixtures/score/leaf-context.ts';
import type { RuleOf } from './context.ts';
import { scoreRate } from './rate.ts';

const rule = { kind: 'rate', input: 'procurementRate' } satisfies RuleOf<'rate'>;

describe('rate', () => {
  it('is weight × rate: 4 × 64.94% = 2.5976', () => {
    const o = scoreRate(rule, leafContext({ weight: '4', inputs: { procurementRate: '64.94' } }));
    expect(s(o.score)).toBe('2.5976');
    expect(o.lost[0]?.reason).toContain('64.94%');
  });
  it('gives the full weight at 100% and caps above it (2× target)', () => {
    expect(s(scoreRate(rule, leafContext({ weight: '4', inputs: { procurementRate: '100' } })).score)).toBe(
      '4',
    );
    const o = scoreRate(rule, leafContext({ weight: '4', inputs: { procurementRate: '200' } }));
    expect(s(o.score)).toBe('4');
    expect(o.lost).toEqual([]);
  });
  it('scores 0 at 0% and for a negative rate', () => {
    expect(s(scoreRate(rule, leafContext({ weight: '4', inputs: { procurementRate: '0' } })).score)).toBe(
      '0',
    );
    expect(s(scoreRate(rule, leafContext({ weight: '4', inputs: { procurementRate: '-5' } })).score)).toBe(
      '0',
    );
  });
  it('scores 0 below the zero line', () => {
    const o = scoreRate(
      { ...rule, zeroBelow: '60' },
      leafContext({ weight: '4', inputs: { procurementRate: '59.99' } }),
    );
    expect(s(o.score)).toBe('0');
    expect(o.lost[0]?.reason).toContain('低于 60%');
  });
  it('falls back to the stated score, with a note, when the input is missing', () => {
    const o = scoreRate(rule, leafContext({ weight: '4', stated: '3' }));
    expect(o.fallback).toBe(true);
    expect(s(o.score)).toBe('3');
    expect(o.notes[0]).toContain('政府采购执行率');
  });
  it('scores 0 and says why when the input and the stated score are both missing', () => {
    const o = scoreRate(rule, leafContext({ weight: '4' }));
    expect(s(o.score)).toBe('0');
    expect(o.findings[0]?.rule).toBe('score.input-missing');
  });
  it('lets a what-if override win over the stated input', () => {
    const ctx = leafContext({
      weight: '4',
      inputs: { procurementRate: '64.94' },
      overrides: { inputs: { procurementRate: { value: '90', unit: '%' } } },
    });
    expect(s(scoreRate(rule, ctx).score)).toBe('3.6');
  });
});
