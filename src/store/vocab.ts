/**
 * Closed sets the store keeps in text columns (checked by the database), with their Chinese labels.
 * Keys are stable English identifiers; users see the labels.
 */

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
export const REPORT_KIND_LABELS = {
  department: '部门整体支出绩效自评报告',
  project: '项目支出绩效自评表',
} as const satisfies Record<ReportKind, string>;

/** return-reason: 退回理由; finding-explanation: a preparer's written reason for an audit error. */
export const COMMENT_KINDS = ['comment', 'return-reason', 'finding-explanation'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `x in ('a','b')` for a check constraint; the values are our own constants, never user input. */
export const sqlList = (values: readonly string[]): string =>
  values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

export {
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  type AttachmentCategory,
} from '../core/attachments.ts';
