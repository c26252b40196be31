/** The rule codes of the 项目支出绩效自评表 audit (project-*.ts), for the catalogue. Never rename one. */
import type { Severity } from '../severity.ts';

export const PROJECT_AUDIT_RULES = {
  'project.rate-mismatch': {
    severity: 'error',
    title: '执行率 = 全年执行数 / 全年预算数（四川：预算执行数 / 调整后预算数）',
  },
  'project.fund-sum': { severity: 'error', title: '年度资金总额 = 其中各项资金之和（逐列）' },
  'project.rate-score': { severity: 'error', title: '预算执行率得分 = 分值 × 执行率（不超过分值）' },
  'project.rate-reason-missing': { severity: 'warning', title: '四川：预算执行率未达 90% 须说明原因' },
  'project.rate-weight': { severity: 'error', title: '预算执行率分值为 10 分' },
  'project.score-range': { severity: 'error', title: '0 ≤ 指标得分 ≤ 分值' },
  'project.score-formula': { severity: 'error', title: '定量指标得分按正向、反向、等于指标公式计算' },
  'project.score-band': { severity: 'warning', title: '定性指标得分在实际完成值所属档次内' },
  'project.deviation-missed': { severity: 'warning', title: '未达到指标值须填写偏差原因分析及改进措施' },
  'project.deviation-exceeded': {
    severity: 'warning',
    title: '偏离指标值 30% 以上须填写偏差原因分析及改进措施',
  },
  'project.unit-mismatch': { severity: 'warning', title: '指标值与实际完成值单位一致（金额单位可换算）' },
  'project.weight-missing': { severity: 'warning', title: '每个三级指标都有分值' },
  'project.weights-total': { severity: 'error', title: '绩效指标分值合计 90 分' },
  'project.total-mismatch': { severity: 'error', title: '总分 = 预算执行率得分 + 各指标得分' },
  'project.grade-mismatch': { severity: 'error', title: '等级与总分相符' },
} as const satisfies Record<string, { severity: Severity; title: string }>;
