import { describe, expect, it } from 'vitest';
import { INDICATOR_LIBRARY, suggestIndicators } from './library.ts';
import { blankTargetTable, sampleProjectTable } from './sample-tables.ts';

const ids = (i: number) => `s${i}`;

describe('indicator library', () => {
  it('has the project types with rows in the standard label set', () => {
    expect(INDICATOR_LIBRARY.map((e) => e.type)).toEqual([
      'purchase',
      'training',
      'meeting',
      'engineering',
      'subsidy',
    ]);
  });
  it('suggests the rows of a type the table does not have yet', () => {
    const blank = blankTargetTable('project', 2027);
    const all = suggestIndicators('engineering', blank, [], ids);
    expect(all.map((i) => i.name)).toContain('工程验收合格率');
    const fewer = suggestIndicators('engineering', sampleProjectTable(), [], ids);
    expect(fewer.map((i) => i.name)).not.toContain('工程验收合格率');
    expect(fewer.length).toBeLessThan(all.length);
    expect(suggestIndicators('unknown', blank, [], ids)).toEqual([]);
  });
  it('fills in the department’s own value of an earlier year', () => {
    const lastYear = {
      ...sampleProjectTable(),
      year: 2026,
      indicators: [{ ...sampleProjectTable().indicators[2]!, name: '工程完工时间', value: '10', unit: '月' }],
    };
    const s = suggestIndicators('engineering', blankTargetTable('project', 2027), [lastYear], ids);
    expect(s.find((i) => i.name === '工程完工时间')).toMatchObject({
      nature: '≤',
      value: '10',
      unit: '月',
      id: expect.stringMatching(/^s\d$/),
    });
  });
});
