/**
 * Closed sets the store keeps in text columns (checked by the database), with their Chinese labels.
 * Keys are stable English identifiers; users see the labels.
 */
import { REPORT_KIND_TERMS } from '../core/glossary.ts';

export const JURISDICTION_LEVELS = ['province', 'city', 'county'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
export const JURISDICTION_LEVEL_LABELS = {
  province: '省',
  city: '市',
  county: '县（区）',
} as const satisfies Record<JurisdictionLevel, string>;

// Roles and statuses belong to the workflow (core); the store keeps them in checked text columns.
export {
  DEPARTMENT_ROLES,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  type ReportStatus,
  ROLE_LABELS,
  ROLES,
  type Role,
} from '../core/workflow.ts';

export const REPORT_KINDS = ['department', 'project'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** The kinds' names are the glossary's. */
export const REPORT_KIND_LABELS = REPORT_KIND_TERMS satisfies Record<ReportKind, string>;

/**
 * return-reason: 退回理由; finding-explanation: a preparer's written reason for an audit error;
 * approval-opinion: 审核意见 written when approving.
 */
export const COMMENT_KINDS = ['comment', 'return-reason', 'finding-explanation', 'approval-opinion'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** What a batch job does with its files (src/app/jobs): today a bulk audit. */
export const JOB_KINDS = ['audit'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** `x in ('a','b')` for a check constraint; the values are our own constants, never user input. */
export const sqlList = (values: readonly string[]): string =>
  values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

export {
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  type AttachmentCategory,
} from '../core/attachments.ts';
