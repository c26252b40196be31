import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyReport, ind, sampleReport } from '../../../test/fixtures/score/report-builder.ts';
import { readFixture } from '../../../test/support/formats/text-reading.ts';
import { BUILTIN_FRAMEWORKS } from '../framework/registry.ts';
import type { DepartmentReport, Grade } from '../model/index.ts';
import { FIT_THRESHOLD } from './choose.ts';
import { evaluate } from './evaluate.ts';

const withConclusion = (r: DepartmentReport, total: string, grade: Grade): DepartmentReport => ({
  ...r,
  conclusion: {
    notice: null,
    noticeNo: null,
    statedTotal: { value: total },
    statedGrade: { value: grade },
    text: '',
  },
});

describe('evaluate', () => {
  it('scores a report by the framework that fits it, and says how well it fits', () => {
    const e = evaluate(sampleReport(), BUILTIN_FRAMEWORKS);
    expect(e.basis).toBe('framework');
    expect(e.choice?.framework.id).toBe('guangdong-yangxi-2024-department');
    expect(e.choice?.fit).toBe(1);
    expect(e.choice?.reason).toContain('100%');
    expect(e.total).toBe(e.scored?.total);
  });

  it('invents no score for a report of another region: its own scores, the closest frameworks and their fit', () => {
    const e = evaluate(readFixture('city-transport-2022.txt'), BUILTIN_FRAMEWORKS);
    expect(e.basis).toBe('stated');
    expect(e.choice).toBeNull();
    expect(e.scored).toBeNull();
    expect(e.total).toBe('91.35');
    expect(e.grade).toBe('优');
    expect(e.candidates[0]?.fit).toBeLessThan(FIT_THRESHOLD);
    expect(e.candidates.every((c) => c.id !== 'mof-2020-project')).toBe(true);
    const none = e.findings.find((f) => f.rule === 'evaluate.no-framework');
    expect(none?.message).toMatch(/^未找到适用的指标体系：最接近的是.*（12% 的指标名称相符）/);
    expect(none?.severity).toBe('warning');
  });

  it('with no framework at all for the kind, still keeps the stated scores', () => {
    const r = withConclusion(
      { ...emptyReport(), indicators: [ind(1, '甲', '60', '50'), ind(1, '乙', '40', '30')] },
      '80',
      '良',
    );
    const e = evaluate(r, []);
    expect([e.total, e.grade, e.basis]).toEqual(['80', '良', 'stated']);
    expect(e.findings.map((f) => f.rule)).toContain('evaluate.no-framework');
  });

  it('a bound framework is used whatever its fit', () => {
    const fw = BUILTIN_FRAMEWORKS[0]!;
    const r = readFixture('city-transport-2022.txt');
    const e = evaluate(r, [fw], { fixed: { framework: fw, how: 'bound' } });
    expect(e.choice?.how).toBe('bound');
    expect(e.basis).toBe('framework');
  });

  it('never gives 0 or 差 for want of a framework: the total is the sum of the stated level-1 scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }), (scores) => {
        const r = {
          ...emptyReport(),
          indicators: scores.map((s, i) => ind(1, `自拟指标${i}`, '30', String(s))),
        };
        const e = evaluate(r, BUILTIN_FRAMEWORKS);
        const sum = scores.reduce((a, b) => a + b, 0);
        expect(e.basis).toBe('stated');
        expect(Number(e.total)).toBe(sum);
        expect(e.grade).toBe(sum >= 90 ? '优' : sum >= 80 ? '良' : sum >= 60 ? '中' : '差');
      }),
    );
  });
});
