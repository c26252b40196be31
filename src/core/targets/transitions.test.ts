import { describe, expect, it } from 'vitest';
import { GRADES } from '../model/index.ts';
import { statusAfterReview } from './review.ts';
import { canMoveTarget, TARGET_ACTIONS, TARGET_TRANSITIONS } from './transitions.ts';
import { TARGET_STATUSES } from './vocab.ts';

describe('the target tables’ transition table', () => {
  it('moves between known statuses, and a review leads where each grade says', () => {
    for (const a of TARGET_ACTIONS) {
      const t = TARGET_TRANSITIONS[a];
      expect([...t.from, ...t.to].every((s) => (TARGET_STATUSES as readonly string[]).includes(s))).toBe(
        true,
      );
      expect(t.roles.length).toBeGreaterThan(0);
    }
    expect(new Set(TARGET_TRANSITIONS.review.to)).toEqual(new Set(GRADES.map(statusAfterReview)));
  });
  it('submits a draft or a returned table only; reviews a submitted one only', () => {
    expect(TARGET_STATUSES.filter((s) => canMoveTarget('submit', s))).toEqual(['draft', 'returned']);
    expect(TARGET_STATUSES.filter((s) => canMoveTarget('review', s))).toEqual(['submitted']);
    expect(TARGET_STATUSES.filter((s) => canMoveTarget('supervisor-review', s))).toEqual(['submitted']);
  });
});
