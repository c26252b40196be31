import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_CHAIN,
  firstStep,
  nextStep,
  REVIEW_CHAINS,
  ReviewChain,
  reviewChain,
  stepsFor,
} from './review-chain.ts';

describe('review chains as data', () => {
  const finance = reviewChain('finance')!;
  const both = reviewChain('supervisor-finance')!;

  it('has one default chain, finance alone', () => {
    expect(DEFAULT_REVIEW_CHAIN.key).toBe('finance');
    expect(REVIEW_CHAINS.filter((c) => c.default)).toHaveLength(1);
    expect(reviewChain('nope')).toBeNull();
  });

  it('[finance]: a table goes straight to the bureau and its review is the last', () => {
    expect(firstStep(finance, true)).toBe('finance');
    expect(nextStep(finance, true, 'finance')).toBeNull();
  });

  it('[主管部门, finance]: a subordinate unit goes to its 主管部门 first, then to the bureau', () => {
    expect(stepsFor(both, true)).toEqual(['supervisor', 'finance']);
    expect(firstStep(both, true)).toBe('supervisor');
    expect(nextStep(both, true, 'supervisor')).toBe('finance');
    expect(nextStep(both, true, 'finance')).toBeNull();
  });

  it('a unit without a 主管部门 skips the supervisor step', () => {
    expect(stepsFor(both, false)).toEqual(['finance']);
    expect(firstStep(both, false)).toBe('finance');
  });

  it('a table waiting at a step the chain no longer has goes on to the bureau', () => {
    expect(nextStep(finance, true, 'supervisor')).toBe('finance');
  });

  it('refuses a chain that does not end with the bureau or repeats a step', () => {
    const base = { key: 'x', name: '测试', default: false };
    expect(ReviewChain.safeParse({ ...base, steps: ['supervisor'] }).success).toBe(false);
    expect(ReviewChain.safeParse({ ...base, steps: ['finance', 'finance'] }).success).toBe(false);
    expect(ReviewChain.safeParse({ ...base, steps: ['supervisor', 'finance'] }).success).toBe(true);
  });
});
