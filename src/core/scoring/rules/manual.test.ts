import { describe, expect, it } from 'vitest';
import { leafContext, s } from '../../../../test/fixtures/score/leaf-context.ts';
import { scoreManual } from './manual.ts';

describe('manual', () => {
  it('takes the stated score', () => {
    const o = scoreManual(leafContext({ weight: '4', stated: '4' }));
    expect(s(o.score)).toBe('4');
    expect(o.lost).toEqual([]);
  });
  it('gives a deduction the reason from the evidence text', () => {
    const o = scoreManual(
      leafContext({ weight: '4', stated: '3', evidence: '个别项目资料归档不及时。其余规范。' }),
    );
    expect(o.lost[0]?.reason).toBe('自评扣分：个别项目资料归档不及时。');
    expect(o.findings).toEqual([]);
  });
  it('flags a deduction without a reason', () => {
    const o = scoreManual(leafContext({ weight: '4', stated: '3' }));
    expect(o.findings[0]?.rule).toBe('score.deduction-without-reason');
  });
  it('flags a score above the weight or below 0', () => {
    expect(scoreManual(leafContext({ weight: '4', stated: '5' })).findings[0]?.rule).toBe(
      'score.above-weight',
    );
    expect(scoreManual(leafContext({ weight: '4', stated: '-1' })).findings[0]?.rule).toBe(
      'score.below-zero',
    );
  });
  it('scores 0 when the report has no such heading', () => {
    const o = scoreManual(leafContext({ weight: '4', noNode: true }));
    expect(s(o.score)).toBe('0');
    expect(o.lost[0]?.reason).toBe('报告中没有该指标');
  });
});
