/**
 * Every rule code of 目标审核 (checks on a declared target table), with its Chinese title and severity.
 * Codes are a public contract: never rename one, add new ones.
 */
import type { Finding, Severity } from '../findings.ts';

export const TARGET_RULES = {
  'target.required-empty': { severity: 'error', title: '必填内容不得为空' },
  'target.placeholder': { severity: 'error', title: '不得填写占位值或照抄指标名称' },
  'target.level-missing': { severity: 'warning', title: '指标体系应含产出、效益、满意度等一级指标' },
  'target.level-unknown': { severity: 'warning', title: '一级、二级指标名称应属于所用的指标口径' },
  'target.comparator-missing': { severity: 'error', title: '定量指标须写明指标性质（≥ > = ≤ <）' },
  'target.value-not-number': { severity: 'error', title: '带比较符的指标值应为数字' },
  'target.unit-mismatch': { severity: 'error', title: '计量单位与指标值相符' },
  'target.unit-unusual': { severity: 'warning', title: '计量单位与指标类型相称' },
  'target.qualitative-number': { severity: 'warning', title: '定性指标不应只填一个数字' },
  'target.weight-missing': { severity: 'error', title: '每个指标都应设权重' },
  'target.weight-sum': { severity: 'error', title: '指标权重之和等于规定总分' },
  'target.amount-sum': { severity: 'error', title: '资金合计等于各项之和' },
  'target.share-sum': { severity: 'error', title: '资金占比合计为100%' },
  'target.share-mismatch': { severity: 'error', title: '资金占比与金额相符' },
  'target.cost-over-funds': { severity: 'error', title: '成本指标不超过申报资金' },
  'target.below-last-year': { severity: 'warning', title: '指标值低于上年实际完成值须说明理由' },
} as const satisfies Record<string, { severity: Severity; title: string }>;
export type TargetRule = keyof typeof TARGET_RULES;

/** A finding about a target table; `indicatorId` and `field` say which cell, for the editor. */
export type TargetFinding = Finding & { rule: TargetRule; indicatorId?: string; field?: string };

export const targetFinding = (
  rule: TargetRule,
  message: string,
  extra: { indicatorId?: string; field?: string; expected?: string; actual?: string } = {},
): TargetFinding => ({ rule, severity: TARGET_RULES[rule].severity, message, ...extra });
