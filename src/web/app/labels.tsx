import { Tag } from 'antd';
import type { Severity } from '../../core/findings.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { Grade } from '../../core/model/department-report.ts';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../core/workflow.ts';

const STATUS_COLORS = {
  draft: 'default',
  submitted: 'processing',
  'dept-approved': 'cyan',
  returned: 'error',
  'bureau-approved': 'blue',
  published: 'success',
} as const satisfies Record<ReportStatus, string>;

export const StatusTag = ({ status }: { status: ReportStatus }) => (
  <Tag color={STATUS_COLORS[status]} data-status={status}>
    {REPORT_STATUS_LABELS[status]}
  </Tag>
);

export const GRADE_COLORS = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' } as const satisfies Record<
  Grade,
  string
>;

/** A grade, in the framework's word for it (优秀, 合格 …) when it has one. */
export const GradeTag = ({ grade, label }: { grade: Grade | null | undefined; label?: string | null }) =>
  grade ? <Tag color={GRADE_COLORS[grade]}>{label ?? grade}</Tag> : <span>—</span>;

export const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const satisfies Record<
  Severity,
  string
>;

/** A finding's severity in the glossary's word (错误, 警告, 提示). */
export const SeverityTag = ({ severity }: { severity: Severity }) => (
  <Tag color={SEVERITY_COLORS[severity]}>{SEVERITY_TERMS[severity]}</Tag>
);

export const KIND_SHORT = { department: '部门整体', project: '项目支出' } as const;

/** Years to offer in a filter: this year back ten years. */
export const recentYears = (now = new Date().getFullYear()): number[] =>
  Array.from({ length: 10 }, (_, i) => now - i);
