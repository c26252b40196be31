/**
 * The reviewer's grade of a target table and what each grade does, as data
 * (frameworks/targets/review-grades.json): 优 goes on, 良 is fixed by agreement and goes on, 中 goes back
 * for revision, 差 cannot enter the budget. The outcome decides the table's next status.
 */
import { z } from 'zod';
import raw from '../../../frameworks/targets/review-grades.json' with { type: 'json' };
import { GRADES } from '../model/index.ts';
import type { TargetStatus } from './vocab.ts';

export const REVIEW_OUTCOMES = ['approve', 'approve-with-fixes', 'return', 'reject'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const ReviewGrade = z.enum(GRADES);
export type ReviewGrade = z.infer<typeof ReviewGrade>;

export const GradeRule = z.object({
  grade: ReviewGrade,
  outcome: z.enum(REVIEW_OUTCOMES),
  meaning: z.string().min(1),
});
export type GradeRule = z.infer<typeof GradeRule>;

export const GRADE_RULES: readonly GradeRule[] = z
  .array(GradeRule)
  .refine((rules) => GRADES.every((g) => rules.some((r) => r.grade === g)), {
    message: '每个审核等级都应有处理方式',
  })
  .parse(raw);

export const gradeRule = (grade: ReviewGrade): GradeRule =>
  GRADE_RULES.find((r) => r.grade === grade) as GradeRule;

/** The status a table takes after a review with this grade. */
export const statusAfterReview = (grade: ReviewGrade): TargetStatus => {
  switch (gradeRule(grade).outcome) {
    case 'approve':
    case 'approve-with-fixes':
      return 'approved';
    case 'return':
      return 'returned';
    case 'reject':
      return 'rejected';
  }
};

/** A review needs reasons unless it approves outright. */
export const reviewNeedsReason = (grade: ReviewGrade): boolean => gradeRule(grade).outcome !== 'approve';
