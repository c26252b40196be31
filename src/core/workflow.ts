/**
 * The review workflow of a report: its statuses, the roles, and which role may move a report from one
 * status to the next. Pure data and functions; the app checks them on the server before it asks the store
 * for a compare-and-set of the status.
 */

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
export const JURISDICTION_ROLES = ['bureau-reviewer', 'admin'] as const satisfies readonly Role[];

export const isDepartmentRole = (role: Role): role is (typeof DEPARTMENT_ROLES)[number] =>
  (DEPARTMENT_ROLES as readonly Role[]).includes(role);

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

/** What a transition is called in the API and the audit log. */
export const WORKFLOW_ACTIONS = [
  'submit',
  'dept-approve',
  'return',
  'reopen',
  'bureau-approve',
  'publish',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
export const WORKFLOW_ACTION_LABELS = {
  submit: '提交',
  'dept-approve': '单位审核通过',
  return: '退回',
  reopen: '重新编辑',
  'bureau-approve': '财政审核通过',
  publish: '公开',
} as const satisfies Record<WorkflowAction, string>;

export type Transition = {
  from: ReportStatus;
  to: ReportStatus;
  action: WorkflowAction;
  roles: readonly Role[];
};

/**
 * Every allowed move. A return needs a written reason (the app checks it). A published report is
 * corrected by returning it: its earlier publications stay public, and publishing again adds one.
 */
export const TRANSITIONS = [
  { from: 'draft', to: 'submitted', action: 'submit', roles: ['preparer'] },
  { from: 'submitted', to: 'dept-approved', action: 'dept-approve', roles: ['dept-reviewer'] },
  { from: 'submitted', to: 'returned', action: 'return', roles: ['dept-reviewer'] },
  { from: 'dept-approved', to: 'returned', action: 'return', roles: ['bureau-reviewer'] },
  { from: 'dept-approved', to: 'bureau-approved', action: 'bureau-approve', roles: ['bureau-reviewer'] },
  { from: 'bureau-approved', to: 'returned', action: 'return', roles: ['bureau-reviewer'] },
  { from: 'bureau-approved', to: 'published', action: 'publish', roles: ['bureau-reviewer'] },
  { from: 'published', to: 'returned', action: 'return', roles: ['bureau-reviewer'] },
  { from: 'returned', to: 'draft', action: 'reopen', roles: ['preparer'] },
] as const satisfies readonly Transition[];

export const transitionOf = (from: ReportStatus, to: ReportStatus): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.to === to);

export const canTransition = (role: Role, from: ReportStatus, to: ReportStatus): boolean =>
  (transitionOf(from, to)?.roles as readonly Role[] | undefined)?.includes(role) ?? false;

/** The statuses `role` may move a report in status `from` to. */
export const nextStatuses = (role: Role, from: ReportStatus): ReportStatus[] =>
  TRANSITIONS.filter((t) => t.from === from && (t.roles as readonly Role[]).includes(role)).map((t) => t.to);

/** Statuses in which the department may still change the document (saving a returned one reopens it). */
export const EDITABLE_STATUSES = ['draft', 'returned'] as const satisfies readonly ReportStatus[];
export const isEditable = (status: ReportStatus): boolean =>
  (EDITABLE_STATUSES as readonly ReportStatus[]).includes(status);

/** Reached the bureau: counted as handed in on time when it got there before the deadline. */
export const HANDED_IN_STATUSES = [
  'submitted',
  'dept-approved',
  'bureau-approved',
  'published',
] as const satisfies readonly ReportStatus[];

/**
 * A stable key for one audit finding, to attach a written explanation to it: the rule and a short hash
 * of its message (two findings of one rule differ by their message; a changed figure needs a new note).
 */
export const findingKey = (f: { rule: string; message: string }): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < f.message.length; i++) {
    h ^= f.message.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${f.rule}#${h.toString(16).padStart(8, '0')}`;
};
