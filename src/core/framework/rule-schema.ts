/**
 * The rule of a framework leaf, as data: a discriminated union on `kind`. The scoring engine
 * (src/core/scoring/rules/*) implements one kind per file; thresholds live here, in the framework file.
 */
import { z } from 'zod';
import { DecimalString } from '../decimal.ts';
import { COMPARATORS } from '../model/values.ts';

/** Self-assessed: the report's own score is taken, checked against 0 ≤ score ≤ weight. */
export const ManualRule = z.object({ kind: z.literal('manual') });

/** weight × rate of an input (in percent), capped at the weight. Below `zeroBelow` percent scores 0. */
export const RateRule = z.object({
  kind: z.literal('rate'),
  input: z.string(),
  zeroBelow: DecimalString.optional(),
});

/** weight × (targets met / targets) from the goal table, else the stated counts or rate. */
export const TargetCompletionRule = z.object({ kind: z.literal('target-completion') });

/** One step of a threshold rule: when `input op value` holds, the leaf earns `ratio` × weight. */
export const ThresholdStep = z.object({
  op: z.enum(COMPARATORS),
  value: DecimalString,
  ratio: DecimalString,
});
export type ThresholdStep = z.infer<typeof ThresholdStep>;

/** Configurable bands: the first step that holds decides; `otherwise` when none does (default 0). */
export const ThresholdStepsRule = z.object({
  kind: z.literal('threshold-steps'),
  input: z.string(),
  steps: z.array(ThresholdStep).min(1),
  otherwise: DecimalString.optional(),
});

/** Each check holds when actual ≤ limit (三公经费 ≤ 预算); the leaf earns weight × held / checked. */
export const NotExceedCheck = z.object({ actual: z.string(), limit: z.string() });
export const NotExceedRule = z.object({
  kind: z.literal('not-exceed'),
  checks: z.array(NotExceedCheck).min(1),
});

export const INDICATOR_DIRECTIONS = ['auto', 'positive', 'reverse', 'equal', 'qualitative'] as const;

/**
 * A 项目支出 indicator row scored by the formulas of DOMAIN.md §3.2 from its 指标值 and 实际完成值.
 * `auto` reads the direction off the target's comparator (≥ positive, ≤ reverse, = equal, none qualitative
 * when the target is a phrase, else positive).
 */
export const ProjectIndicatorRule = z.object({
  kind: z.literal('project-indicator'),
  direction: z.enum(INDICATOR_DIRECTIONS).default('auto'),
});

/**
 * A heading whose rows are set by the department (项目支出 产出/效益/满意度): each row of the report under
 * it is scored as a project indicator with its own stated weight; the rows' weights must add up to this
 * node's weight. `sections` names the expected second levels (数量指标 …), for display and matching.
 */
export const IndicatorRowsRule = z.object({
  kind: z.literal('indicator-rows'),
  sections: z.array(z.string()).default([]),
});

export const Rule = z.discriminatedUnion('kind', [
  ManualRule,
  RateRule,
  TargetCompletionRule,
  ThresholdStepsRule,
  NotExceedRule,
  ProjectIndicatorRule,
  IndicatorRowsRule,
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];
export const RULE_KINDS = [
  'manual',
  'rate',
  'target-completion',
  'threshold-steps',
  'not-exceed',
  'project-indicator',
  'indicator-rows',
] as const satisfies readonly RuleKind[];

/** Chinese names of the rule kinds, for tables and messages. */
export const RULE_KIND_TERMS = {
  manual: '自评',
  rate: '比率',
  'target-completion': '目标完成率',
  'threshold-steps': '分档',
  'not-exceed': '不超预算',
  'project-indicator': '指标公式',
  'indicator-rows': '指标明细',
} as const satisfies Record<RuleKind, string>;
