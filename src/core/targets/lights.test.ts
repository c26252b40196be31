import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../decimal.ts';
import {
  budgetLight,
  budgetPaceLight,
  indicatorLight,
  indicatorPaceLight,
  MonitoringPreset,
  monitoringPreset,
  PACE_ORDER,
  pace,
  worstLight,
} from './lights.ts';

const preset = monitoringPreset('default');

describe('budget pace bands: red < 60 ≤ yellow < 80 ≤ green', () => {
  it.each([
    ['0', 'red'],
    ['59.99', 'red'],
    ['60', 'yellow'],
    ['79.99', 'yellow'],
    ['80', 'green'],
    ['150', 'green'],
  ])('pace %s → %s', (r, light) => {
    expect(budgetPaceLight(dec(r), preset)).toBe(light);
  });
  it('computes the pace against the time share: 7 months, 35 of 100 spent → 60', () => {
    expect(pace('35', '100', 7)?.toFixed(2)).toBe('60.00');
    expect(budgetLight('35', '100', 7, preset)?.light).toBe('yellow');
    expect(budgetLight('34.99', '100', 7, preset)?.light).toBe('red');
    expect(budgetLight('1', '0', 7, preset)).toBeNull();
  });
  it('adds the region’s monthly warning points (四川 preset: below 40% by June is red)', () => {
    const sc = monitoringPreset('sichuan-2025');
    // 6 months, 39% spent: pace 78 (yellow by pace) but below the 40% point → red.
    expect(budgetLight('39', '100', 6, sc)?.light).toBe('red');
    expect(budgetLight('39', '100', 6, preset)?.light).toBe('yellow');
    expect(budgetLight('41', '100', 6, sc)?.light).toBe('green');
    // 5 months uses the April point (25%): 24% is pace 57.6 (red), 30% pace 72 (yellow) and above the point.
    expect(budgetLight('30', '100', 5, sc)?.light).toBe('yellow');
    expect(budgetLight('24', '100', 4, sc)?.light).toBe('red'); // pace 72, but below 25% by April
  });
});

describe('indicator pace bands: blue ≥ 120', () => {
  it.each([
    ['59.9', 'red'],
    ['60', 'yellow'],
    ['80', 'green'],
    ['119.99', 'green'],
    ['120', 'blue'],
  ])('pace %s → %s', (r, light) => {
    expect(indicatorPaceLight(dec(r), preset)).toBe(light);
  });
  it('a positive indicator by its current value against the time-proportional target', () => {
    const p = { nature: '≥' as const, target: '120', current: '70', projected: null, phrase: null };
    // Half the year: the time-proportional target is 60; 70 is 116.7% (green), 72 is 120% (blue).
    expect(indicatorLight(p, 6, preset)?.light).toBe('green');
    expect(indicatorLight({ ...p, current: '72' }, 6, preset)?.light).toBe('blue');
    expect(indicatorLight({ ...p, current: '35.9' }, 6, preset)?.light).toBe('red');
  });
  it('a rate (%) against the target itself, unless the preset pro-rates rates too', () => {
    const p = { nature: '≥' as const, target: '90', current: '88', projected: null, phrase: null, unit: '%' };
    expect(indicatorLight(p, 7, preset)?.light).toBe('green');
    expect(indicatorLight(p, 7, { ...preset, proRataPercent: true })?.light).toBe('blue');
  });
  it('a ceiling by whether the projection keeps to it', () => {
    const p = { nature: '≤' as const, target: '7.2', current: '3', projected: '7', phrase: null };
    expect(indicatorLight(p, 7, preset)?.light).toBe('green');
    expect(indicatorLight({ ...p, projected: '7.5' }, 7, preset)?.light).toBe('red');
    expect(indicatorLight({ ...p, nature: '=', target: '0', projected: '0' }, 7, preset)?.light).toBe(
      'green',
    );
    expect(indicatorLight({ ...p, nature: '=', target: '0', projected: '1' }, 7, preset)?.light).toBe('red');
  });
  it('a qualitative indicator by the chosen phrase', () => {
    const q = { nature: '定性' as const, target: '明显提升', current: null, projected: null };
    expect(indicatorLight({ ...q, phrase: '达成年度指标' }, 7, preset)?.light).toBe('green');
    expect(indicatorLight({ ...q, phrase: '部分达成年度指标并具有一定效果' }, 7, preset)?.light).toBe(
      'yellow',
    );
    expect(indicatorLight({ ...q, phrase: '未达成年度指标且效果较差' }, 7, preset)?.light).toBe('red');
    expect(indicatorLight({ ...q, phrase: null }, 7, preset)).toBeNull();
  });
});

describe('project light', () => {
  it('is the worst of its indicators, blue counting better than yellow', () => {
    expect(worstLight(['green', 'blue', 'yellow'])).toBe('yellow');
    expect(worstLight(['green', 'red', null])).toBe('red');
    expect(worstLight(['green', 'blue'])).toBe('blue');
    expect(worstLight([null])).toBeNull();
  });
});

describe('presets are data and checked', () => {
  it('refuses bands out of order', () => {
    const bad = { ...preset, budget: { red: '90', yellow: '80' } };
    expect(MonitoringPreset.safeParse(bad).success).toBe(false);
  });
});

describe('monotone in pace (property)', () => {
  const paces = fc.tuple(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 30000 }));
  const bands = fc
    .tuple(
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 200 }),
    )
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number]);
  it('budget light never gets worse as the pace grows, whatever the bands', () => {
    fc.assert(
      fc.property(paces, bands, ([a, b], [r, y]) => {
        const p = { ...preset, budget: { red: String(r), yellow: String(y) } };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const l1 = budgetPaceLight(dec(lo).div(100), p);
        const l2 = budgetPaceLight(dec(hi).div(100), p);
        return PACE_ORDER[l1] <= PACE_ORDER[l2];
      }),
    );
  });
  it('indicator light moves red → yellow → green → blue as the pace grows', () => {
    fc.assert(
      fc.property(paces, bands, ([a, b], [r, y, bl]) => {
        const p = { ...preset, indicator: { red: String(r), yellow: String(y), blue: String(bl) } };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          PACE_ORDER[indicatorPaceLight(dec(lo).div(100), p)] <=
          PACE_ORDER[indicatorPaceLight(dec(hi).div(100), p)]
        );
      }),
    );
  });
  it('more done to date never gives a worse light for a positive indicator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10000 }),
        fc.integer({ min: 1, max: 12 }),
        paces,
        (target, month, [a, b]) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const at = (v: number) =>
            indicatorLight(
              { nature: '≥', target: String(target), current: String(v), projected: null, phrase: null },
              month,
              preset,
            )?.light ?? 'red';
          return PACE_ORDER[at(lo)] <= PACE_ORDER[at(hi)];
        },
      ),
    );
  });
});
