import { describe, expect, it } from 'vitest';
import { node } from '../../../test/support/reports/build.ts';
import { emptyReport, sampleReport } from '../../../test/support/reports/scoring-sample.ts';
import { builtinFramework } from '../framework/registry.ts';
import type { Framework } from '../framework/schema.ts';
import { scoreReport } from './score-report.ts';
import { nextGradeChanges, overridesOf, parseSetting } from './what-if.ts';

const fw = builtinFramework('guangdong-yangxi-2024-department')!;

/** The sample report with 效果性 self-assessed at 10 of 20: 88.2, 良. */
const liang = () => {
  const r = sampleReport();
  const effect = r.indicators[2]!.children[2]!;
  effect.statedScore = { value: '10' };
  effect.evidence = '部分重点目标未完成。';
  return r;
};

describe('parseSetting', () => {
  it('reads Chinese names, keys, units and manual leaf names', () => {
    expect(parseSetting('政府采购执行率=90%', fw)).toEqual({
      ok: true,
      value: { kind: 'input', key: 'procurementRate', name: '政府采购执行率', value: '90', unit: '%' },
    });
    expect(parseSetting('threePublicActual=80万元', fw)).toMatchObject({
      ok: true,
      value: { unit: '万元' },
    });
    expect(parseSetting('效果性=18', fw)).toEqual({
      ok: true,
      value: { kind: 'score', name: '效果性', value: '18' },
    });
    expect(parseSetting('整体绩效目标实现情况=18', fw)).toMatchObject({
      ok: true,
      value: { name: '效果性' },
    });
  });
  it('says what is wrong with a bad setting', () => {
    expect(parseSetting('政府采购执行率', fw)).toMatchObject({
      ok: false,
      message: expect.stringContaining('名称=值'),
    });
    expect(parseSetting('政府采购执行率=很多', fw)).toMatchObject({
      ok: false,
      message: expect.stringContaining('不是数字'),
    });
    expect(parseSetting('采购额=5', fw)).toMatchObject({
      ok: false,
      message: expect.stringContaining('不认识「采购额」'),
    });
  });
});

describe('nextGradeChanges', () => {
  it('is null at the top grade', () => {
    expect(nextGradeChanges(sampleReport(), fw)).toBeNull();
  });

  it('finds the smallest single changes that reach the next grade', () => {
    const r = liang();
    expect(scoreReport(r, fw).grade).toBe('良');
    const g = nextGradeChanges(r, fw)!;
    expect(g.grade).toBe('优');
    expect(g.needed).toBe('1.8');
    expect(g.single[0]).toMatchObject({
      indicator: '资金使用效益 / 效果性',
      from: '10',
      to: '11.8',
      gain: '1.8',
    });
    // Procurement alone can give at most 1.4 points, so it is not offered as a single change.
    expect(g.single.some((c) => c.key === 'procurementRate')).toBe(false);
  });

  it('finds the exact rate at which a rate leaf tips the grade', () => {
    const r = liang();
    r.indicators[2]!.children[2]!.statedScore = { value: '10.8' }; // 89.0: 1.0 short
    const g = nextGradeChanges(r, fw)!;
    const p = g.single.find((c) => c.key === 'procurementRate')!;
    // 4 × 89.94% = 3.5976 → 3.60 is 1.0 more than 2.60; 89.93% gives 3.5972 → 3.60 as well, 89.81% → 3.59.
    expect(Number(p.to)).toBeGreaterThan(64.94);
    expect(
      scoreReport(r, fw, {
        overrides: overridesOf([{ kind: 'input', key: 'procurementRate', name: '', value: p.to, unit: '%' }]),
      }).total,
    ).toBe('90');
    const below = (Number(p.to) - 0.01).toFixed(2);
    expect(
      scoreReport(r, fw, {
        overrides: overridesOf([
          { kind: 'input', key: 'procurementRate', name: '', value: below, unit: '%' },
        ]),
      }).total,
    ).toBe('89.99');
  });

  it('combines changes when no single one is enough', () => {
    const three: Framework = {
      id: 'three',
      name: 'three',
      region: 'x',
      year: 2024,
      kind: 'department',
      version: '1',
      total: '100',
      grades: [
        { grade: '优', min: '95' },
        { grade: '差', min: '0' },
      ],
      indicators: [
        { name: '甲', weight: '30', rule: { kind: 'manual' } },
        { name: '乙', weight: '30', rule: { kind: 'manual' } },
        { name: '丙', weight: '40', rule: { kind: 'manual' } },
      ],
    };
    const r = {
      ...emptyReport(),
      indicators: [
        node(1, '甲', '30', '27', { evidence: '扣分。' }),
        node(1, '乙', '30', '27', { evidence: '扣分。' }),
        node(1, '丙', '40', '34', { evidence: '扣分。' }),
      ],
    };
    const g = nextGradeChanges(r, three)!;
    expect(g.needed).toBe('7');
    expect(g.single).toEqual([]);
    expect(g.combined?.map((c) => [c.indicator, c.to])).toEqual([
      ['丙', '40'],
      ['甲', '28'],
    ]);
  });
});
