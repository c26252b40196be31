/**
 * Who reviews a submitted target table, in order, as data (frameworks/targets/review-chains.json): a
 * jurisdiction chooses a chain (财政 alone, or 主管部门 first and then 财政). The steps are fixed kinds —
 * `supervisor` is the 主管部门 of the submitting unit, `finance` the bureau of its jurisdiction — and a
 * unit without a 主管部门 skips the supervisor step (its table goes straight on).
 */
import { z } from 'zod';
import raw from '../../../frameworks/targets/review-chains.json' with { type: 'json' };

export const REVIEW_STEPS = ['supervisor', 'finance'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const REVIEW_STEP_LABELS = {
  supervisor: '主管部门审核',
  finance: '财政审核',
} as const satisfies Record<ReviewStep, string>;

export const ReviewChain = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  steps: z
    .array(z.enum(REVIEW_STEPS))
    .min(1)
    .refine((s) => s[s.length - 1] === 'finance', { message: '审核链的最后一步应为财政审核' })
    .refine((s) => new Set(s).size === s.length, { message: '审核链中的步骤不能重复' }),
  default: z.boolean(),
});
export type ReviewChain = z.infer<typeof ReviewChain>;

export const REVIEW_CHAINS: readonly ReviewChain[] = z
  .array(ReviewChain)
  .refine((cs) => cs.filter((c) => c.default).length === 1, { message: '应有且只有一条默认审核链' })
  .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, { message: '审核链的键不能重复' })
  .parse(raw);

export const DEFAULT_REVIEW_CHAIN = REVIEW_CHAINS.find((c) => c.default) as ReviewChain;

/** The chain of this key, or null when there is none. */
export const reviewChain = (key: string): ReviewChain | null =>
  REVIEW_CHAINS.find((c) => c.key === key) ?? null;

/** The steps that apply to a unit: without a 主管部门 the supervisor step is left out. */
export const stepsFor = (chain: ReviewChain, hasSupervisor: boolean): ReviewStep[] =>
  chain.steps.filter((s) => s !== 'supervisor' || hasSupervisor);

/** The step a submitted table waits at first. */
export const firstStep = (chain: ReviewChain, hasSupervisor: boolean): ReviewStep =>
  stepsFor(chain, hasSupervisor)[0] ?? 'finance';

/** The step after `current`, or null when `current` is the last (its review decides the table). */
export const nextStep = (
  chain: ReviewChain,
  hasSupervisor: boolean,
  current: ReviewStep,
): ReviewStep | null => {
  const steps = stepsFor(chain, hasSupervisor);
  const i = steps.indexOf(current);
  // A step no longer in the chain (the chain was changed while the table waited) goes on to 财政.
  if (i < 0) return current === 'finance' ? null : 'finance';
  return steps[i + 1] ?? null;
};

/** What a 主管部门 does with a subordinate's table: pass it on to the next step, or return it with reasons. */
export const SUPERVISOR_OUTCOMES = ['pass', 'return'] as const;
export type SupervisorOutcome = (typeof SUPERVISOR_OUTCOMES)[number];
export const SUPERVISOR_OUTCOME_LABELS = {
  pass: '审核通过，报财政',
  return: '退回修改',
} as const satisfies Record<SupervisorOutcome, string>;
