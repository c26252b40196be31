import { describe, expect, it } from 'vitest';
import { componentStages } from './component-stages.ts';

const money = (value: string) => ({ value, unit: '万元' });

describe('componentStages', () => {
  it('shows a component’s budget when the report gives one (it was hidden: only 决算 was shown)', () => {
    // The walk's composed report: “其他收入23.50万元” read as the budget, an empty 决算 field shown.
    expect(componentStages({ budget: money('23.50'), adjusted: null, final: null })).toEqual([
      'budget',
      'final',
    ]);
  });

  it('shows every stage given, and the 决算 always', () => {
    expect(componentStages({ budget: money('1'), adjusted: money('2'), final: money('3') })).toEqual([
      'budget',
      'adjusted',
      'final',
    ]);
    expect(componentStages({ budget: null, adjusted: null, final: null })).toEqual(['final']);
  });
});
