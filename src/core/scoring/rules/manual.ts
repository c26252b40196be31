/** 自评: the report's own score, held to 0 ≤ score ≤ weight; a deduction carries its reason. */
import { dec } from '../../decimal.ts';
import type { Finding } from '../../findings.ts';
import type { LeafOutcome } from '../types.ts';
import { type LeafContext, outcome } from './context.ts';

const firstSentence = (text: string): string => {
  const t = text.trim();
  const m = t.match(/^[^。；;]*[。；;]?/);
  const s = (m?.[0] ?? t).trim();
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

export const scoreManual = (ctx: LeafContext): LeafOutcome => {
  const { stated, weight, path } = ctx;
  if (stated === null) {
    return outcome(dec(0), {
      lost: [{ reason: ctx.node ? '报告未填写该指标得分' : '报告中没有该指标' }],
      findings: [
        {
          rule: 'score.manual-missing',
          severity: 'warning',
          message: ctx.node ? `「${path}」未填写得分，按 0 分计` : `报告中没有指标「${path}」，按 0 分计`,
        },
      ],
    });
  }
  const findings: Finding[] = [];
  const notes: string[] = [];
  if (stated.gt(weight)) {
    findings.push({
      rule: 'score.above-weight',
      severity: 'error',
      message: `「${path}」自评得分 ${stated.toFixed()} 分超过权重 ${weight.toFixed()} 分，按 ${weight.toFixed()} 分计`,
      expected: `≤ ${weight.toFixed()}`,
      actual: stated.toFixed(),
    });
    notes.push(`自评得分超过权重，按权重计`);
  }
  if (stated.lt(0)) {
    findings.push({
      rule: 'score.below-zero',
      severity: 'error',
      message: `「${path}」自评得分 ${stated.toFixed()} 分小于 0，按 0 分计`,
      actual: stated.toFixed(),
    });
  }
  const lost = [];
  if (stated.lt(weight)) {
    const why = ctx.node?.evidence ? firstSentence(ctx.node.evidence) : '';
    if (!why) {
      findings.push({
        rule: 'score.deduction-without-reason',
        severity: 'warning',
        message: `「${path}」扣 ${weight.minus(stated).toFixed()} 分，但未说明扣分理由`,
      });
    }
    lost.push({ reason: why ? `自评扣分：${why}` : '自评扣分，未说明理由' });
  }
  return outcome(stated, { lost, notes, findings });
};
