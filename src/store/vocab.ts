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

/** 单位填报, 单位审核 are scoped to a department; 财政审核 and 管理员 to a jurisdiction (and what lies below). */
export const ROLES = ['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS = {
  preparer: '单位填报',
  'dept-reviewer': '单位审核',
  'bureau-reviewer': '财政审核',
  admin: '管理员',
} as const satisfies Record<Role, string>;
export const DEPARTMENT_ROLES = ['preparer', 'dept-reviewer'] as const satisfies readonly Role[];

export const REPORT_KINDS = ['department', 'project'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS = {
  department: '部门整体支出绩效自评报告',
  project: '项目支出绩效自评表',
} as const satisfies Record<ReportKind, string>;

export const REPORT_STATUSES = [
  'draft',
  'submitted',
  'dept-approved',
  'returned',
  'bureau-approved',
  'published',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已提交',
  'dept-approved': '单位已审核',
  returned: '已退回',
  'bureau-approved': '财政已审核',
  published: '已公开',
} as const satisfies Record<ReportStatus, string>;

/** return-reason: 退回理由; finding-explanation: a preparer's written reason for an audit error. */
export const COMMENT_KINDS = ['comment', 'return-reason', 'finding-explanation'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `x in ('a','b')` for a check constraint; the values are our own constants, never user input. */
export const sqlList = (values: readonly string[]): string =>
  values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
