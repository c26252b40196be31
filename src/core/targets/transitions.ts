/**
 * A target table's workflow as one table of data: by action, the statuses it moves a table from and to
 * and the roles that may take it (the use cases check it before the store's compare-and-set of the
 * status; the API's routes, their OpenAPI entries and the authorization matrix read it). Where a review
 * leads is the review grades' data (`review.ts`); which step of the review chain is the chain's.
 */
import { GRADES } from '../model/index.ts';
import type { Role } from '../workflow.ts';
import { statusAfterReview } from './review.ts';
import type { TargetStatus } from './vocab.ts';

export const TARGET_ACTIONS = ['submit', 'supervisor-review', 'review'] as const;
export type TargetAction = (typeof TARGET_ACTIONS)[number];

export type TargetTransition = {
  from: readonly TargetStatus[];
  to: readonly TargetStatus[];
  roles: readonly Role[];
};

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export const TARGET_TRANSITIONS = {
  /** 报送审核: a draft or a returned table goes to review. */
  submit: { from: ['draft', 'returned'], to: ['submitted'], roles: ['preparer'] },
  /** 主管部门审核: passed on (still submitted, at the next step) or returned. */
  'supervisor-review': { from: ['submitted'], to: ['submitted', 'returned'], roles: ['dept-reviewer'] },
  /** 目标审核 (财政): the grade's outcome decides. */
  review: { from: ['submitted'], to: unique(GRADES.map(statusAfterReview)), roles: ['bureau-reviewer'] },
} as const satisfies Record<TargetAction, TargetTransition>;

/** Whether `action` may be taken on a table in `status`. */
export const canMoveTarget = (action: TargetAction, status: TargetStatus): boolean =>
  (TARGET_TRANSITIONS[action].from as readonly TargetStatus[]).includes(status);

/** Statuses in which the preparer may save: a draft, a returned table, or an approved one (adjustment). */
export const TARGET_EDITABLE_STATUSES = [
  'draft',
  'returned',
  'approved',
] as const satisfies readonly TargetStatus[];
