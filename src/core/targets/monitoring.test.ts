import { describe, expect, it } from 'vitest';
import { monitoringPreset } from './lights.ts';
import { emptyEntry, entryProblems, evaluateEntry, type MonitoringEntry } from './monitoring.ts';
import { reviewNeedsReason, statusAfterReview } from './review.ts';
import { sampleProjectTable } from './sample-tables.ts';

const table = sampleProjectTable();
const preset = monitoringPreset('default');

const filled = (): MonitoringEntry => ({
  executed: '160',
  projectedAnnual: '318',
  note: '',
  indicators: [
    { indicatorId: 'p1', current: '25', projected: '42', likelihood: 'certain', causes: [], measures: '' },
    { indicatorId: 'p2', current: '100', projected: '100', likelihood: 'certain', causes: [], measures: '' },
    { indicatorId: 'p3', current: '7', projected: '11', likelihood: 'certain', causes: [], measures: '' },
    { indicatorId: 'p4', current: '4', projected: '7', likelihood: 'certain', causes: [], measures: '' },
    {
      indicatorId: 'p5',
      current: '6000',
      projected: '18000',
      likelihood: 'possible',
      causes: [{ cause: 'staff', text: '施工队伍不足' }],
      measures: '增加施工班组',
    },
    {
      indicatorId: 'p6',
      current: '部分达成年度指标并具有一定效果',
      projected: null,
      likelihood: 'certain',
      causes: [],
      measures: '',
    },
    { indicatorId: 'p7', current: '88', projected: '92', likelihood: 'certain', causes: [], measures: '' },
  ],
});

describe('evaluateEntry', () => {
  it('gives each indicator its light and the project the worst', () => {
    const r = evaluateEntry(table, filled(), 7, preset);
    // 160 of 320 in 7 months: 50% ÷ 58.33% = 85.7 → green.
    expect(r.budget?.light).toBe('green');
    const light = Object.fromEntries(r.indicators.map((i) => [i.indicatorId, i.light]));
    // p1 25 / (42×7/12=24.5) = 102% green; p5 6000 / 10500 = 57% red; p6 by phrase yellow;
    // rates (%) are not pro-rated: p7 88 of 90 is 97.8% green; ceilings p3, p4 keep to their limits.
    expect(light).toEqual({
      p1: 'green',
      p2: 'green',
      p3: 'green',
      p4: 'green',
      p5: 'red',
      p6: 'yellow',
      p7: 'green',
    });
    expect(r.project).toBe('red');
  });
  it('has no lights before anything is entered', () => {
    const r = evaluateEntry(table, emptyEntry(table), 7, preset);
    expect(r.project).toBeNull();
  });
});

describe('entryProblems', () => {
  it('finds nothing in a complete entry', () => {
    expect(entryProblems(table, filled())).toEqual([]);
  });
  it('wants figures, a likelihood, and cause and measures when not certain', () => {
    const e = filled();
    e.executed = null;
    const p5 = e.indicators[4];
    if (p5) {
      p5.causes = [];
      p5.measures = ' ';
    }
    const p1 = e.indicators[0];
    if (p1) p1.likelihood = null;
    expect(entryProblems(table, e).map((f) => f.rule)).toEqual([
      'monitor.executed-missing',
      'monitor.likelihood-missing',
      'monitor.cause-missing',
      'monitor.measures-missing',
    ]);
  });
  it('lists every indicator of an empty entry', () => {
    expect(
      entryProblems(table, emptyEntry(table)).filter((f) => f.rule === 'monitor.current-missing'),
    ).toHaveLength(7);
  });
});

describe('review grades as data', () => {
  it('优 and 良 approve, 中 returns, 差 rejects', () => {
    expect(statusAfterReview('优')).toBe('approved');
    expect(statusAfterReview('良')).toBe('approved');
    expect(statusAfterReview('中')).toBe('returned');
    expect(statusAfterReview('差')).toBe('rejected');
  });
  it('wants reasons for everything but 优', () => {
    expect(reviewNeedsReason('优')).toBe(false);
    expect(reviewNeedsReason('中')).toBe(true);
  });
});
