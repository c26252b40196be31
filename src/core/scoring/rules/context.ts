/** What every rule receives for one leaf, and helpers they share. */
import { type Decimal, dec } from '../../decimal.ts';
import type { DefinedDirection } from '../../direction.ts';
import type { Rule, RuleKind } from '../../framework/rule-schema.ts';
import type { DepartmentReport, IndicatorNode } from '../../model/index.ts';
import type { InputLookup } from '../inputs.ts';
import type { LeafOutcome } from '../types.ts';

export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

export type LeafContext = {
  /** The framework node's name and path, for messages. */
  name: string;
  path: string;
  weight: Decimal;
  /** The report's stated score of the matched heading (or a what-if score), null when none. */
  stated: Decimal | null;
  node: IndicatorNode | null;
  report: DepartmentReport;
  input: InputLookup;
  /** The directions the framework gives its indicators (`better`), read before a name's meaning. */
  defined?: DefinedDirection | undefined;
};

export const outcome = (score: Decimal, more: Partial<LeafOutcome> = {}): LeafOutcome => ({
  score,
  lost: [],
  notes: [],
  fallback: false,
  findings: [],
  levers: [],
  ...more,
});

/** A quantitative leaf without its inputs keeps the stated score, and says so; it never invents one. */
export const fallbackToStated = (ctx: LeafContext, missing: string): LeafOutcome => {
  if (ctx.stated === null) {
    return outcome(dec(0), {
      fallback: true,
      notes: [`缺少${missing}，且报告未填写得分，记 0 分`],
      lost: [{ reason: `缺少${missing}，无法计算` }],
      findings: [
        {
          rule: 'score.input-missing',
          severity: 'warning',
          message: `「${ctx.path}」缺少${missing}，且未填写得分，按 0 分计`,
        },
      ],
    });
  }
  return outcome(ctx.stated, {
    fallback: true,
    notes: [`缺少${missing}，沿用自评得分 ${ctx.stated.toFixed()} 分`],
    lost: ctx.stated.lt(ctx.weight) ? [{ reason: `自评扣分（缺少${missing}，无法复核）` }] : [],
    findings: [
      {
        rule: 'score.input-missing',
        severity: 'info',
        message: `「${ctx.path}」缺少${missing}，无法按规则复核，沿用自评得分 ${ctx.stated.toFixed()} 分`,
      },
    ],
  });
};

export const pct = (d: Decimal): string => `${d.toFixed()}%`;
