/**
 * Closed sets of the target cycle (绩效目标申报, 目标审核, 运行监控), each with its Chinese labels.
 * Keys are stable identifiers kept in JSON and the database; users see the labels.
 */

export const TARGET_KINDS = ['department', 'project'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_KIND_LABELS = {
  department: '部门整体支出绩效目标申报表',
  project: '项目支出绩效目标申报表',
} as const satisfies Record<TargetKind, string>;

/** 指标性质: a comparator for a quantitative value, or 定性 for a phrase. */
export const NATURES = ['≥', '>', '=', '≤', '<', '定性'] as const;
export type Nature = (typeof NATURES)[number];

/** 一级指标. `cost` is a first level only where the region uses it; elsewhere 成本 sits inside 产出. */
export const LEVEL1_KEYS = ['output', 'cost', 'benefit', 'satisfaction'] as const;
export type Level1Key = (typeof LEVEL1_KEYS)[number];

export const PROJECT_ATTRIBUTES = ['新增', '延续'] as const;
export type ProjectAttribute = (typeof PROJECT_ATTRIBUTES)[number];

/** 目标表 status: a version is edited as a draft, submitted, graded, and frozen when approved. */
export const TARGET_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'rejected'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  approved: '已批复',
  rejected: '不予安排',
} as const satisfies Record<TargetStatus, string>;

/** 完成目标可能性. */
export const LIKELIHOODS = ['certain', 'possible', 'impossible'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_LABELS = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
} as const satisfies Record<Likelihood, string>;

/** 偏差原因 categories. */
export const DEVIATION_CAUSES = ['funding', 'rules', 'staff', 'equipment', 'other'] as const;
export type DeviationCause = (typeof DEVIATION_CAUSES)[number];
export const DEVIATION_CAUSE_LABELS = {
  funding: '经费保障',
  rules: '制度保障',
  staff: '人员保障',
  equipment: '硬件保障',
  other: '其他',
} as const satisfies Record<DeviationCause, string>;

/** The bureau's decision on a monitored project. */
export const DECISIONS = ['continue', 'reallocate', 'suspend', 'cancel'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS = {
  continue: '继续执行',
  reallocate: '调剂',
  suspend: '暂缓拨款',
  cancel: '取消',
} as const satisfies Record<Decision, string>;

/** Monitoring lights; blue marks an over-run (far ahead of the time-proportional pace). */
export const LIGHTS = ['red', 'yellow', 'green', 'blue'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
} as const satisfies Record<Light, string>;
