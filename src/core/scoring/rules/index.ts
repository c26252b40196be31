/** The rule kinds, one per file, and the one switch that picks among them. */
import type { Rule } from '../../framework/rule-schema.ts';
import type { LeafOutcome } from '../types.ts';
import type { LeafContext } from './context.ts';
import { scoreManual } from './manual.ts';
import { scoreNotExceed } from './not-exceed.ts';
import { scoreProjectIndicator } from './project-indicator.ts';
import { scoreRate } from './rate.ts';
import { scoreTargetCompletion } from './target-completion.ts';
import { scoreThresholdSteps } from './threshold-steps.ts';

export type { LeafContext } from './context.ts';
export { directionOf, QUALITATIVE_BANDS, quantitativeScore } from './project-indicator.ts';
export { compare, measureMet, targetMet } from './target-completion.ts';

/** Scores one leaf by its rule. `indicator-rows` is a heading of rows and is handled by the roll-up. */
export const scoreLeaf = (rule: Rule, ctx: LeafContext): LeafOutcome => {
  switch (rule.kind) {
    case 'manual':
      return scoreManual(ctx);
    case 'rate':
      return scoreRate(rule, ctx);
    case 'target-completion':
      return scoreTargetCompletion(ctx);
    case 'threshold-steps':
      return scoreThresholdSteps(rule, ctx);
    case 'not-exceed':
      return scoreNotExceed(rule, ctx);
    case 'project-indicator':
      return scoreProjectIndicator(rule.direction, ctx);
    case 'indicator-rows':
      return scoreProjectIndicator('auto', ctx);
  }
};
