/**
 * Every rule code of the 部门整体 audit, with what it checks (Chinese, for users and the editor) and
 * the severity it reports with. Codes are a public contract: never rename one, add new ones.
 * A rule may also report `info` when a difference is explained by rounding (尾差). A code begins with its
 * family (families.ts): the section its findings are shown under.
 */
import type { Severity } from '../severity.ts';
import { BINDING_RULES } from './binding-catalogue.ts';
import type { RuleFamily } from './families.ts';
import { PROJECT_AUDIT_RULES } from './project-catalogue.ts';

export const AUDIT_RULES = {
  'units.table-label': { severity: 'error', title: '支出表的单位标注与正文所给同一行数额的量级不符' },
  'finance.basic-split': { severity: 'error', title: '基本支出 = 人员经费 + 公用经费' },
  'finance.nature-sum': { severity: 'error', title: '本年支出合计 = 按支出性质各项之和' },
  'finance.year-total': { severity: 'error', title: '本年支出合计与各项之和、经济分类合计、总计相符' },
  'finance.economic-total': { severity: 'error', title: '经济分类支出合计 = 本年支出合计' },
  'finance.economic-sum': { severity: 'error', title: '本年支出合计 = 按经济分类各项之和' },
  'finance.grand-total': { severity: 'error', title: '总计 = 本年支出合计 + 年末结转和结余' },
  'finance.component-exceeds': { severity: 'error', title: '其中项不大于其所属的合计' },
  'income.total': { severity: 'error', title: '收入合计与其中各项相符（两种口径之一）' },
  'income.components': { severity: 'error', title: '收入其中各项与收入合计、支出表总计相符' },
  'income.balance': { severity: 'error', title: '本年收入 + 年初结转和结余 = 本年支出合计 + 年末结转和结余' },
  'expenditure.parts-sum': { severity: 'error', title: '决算支出 = 其中各项之和' },
  'expenditure.total-includes-carry-over': {
    severity: 'warning',
    title: '决算支出写成了含年末结转和结余的总计',
  },
  'expenditure.vs-table': { severity: 'error', title: '支出情况文字与支出表同一数额相符' },
  'three-public.parts': { severity: 'error', title: '三公经费合计 = 各项之和' },
  'three-public.actual': { severity: 'error', title: '三公经费决算数与经济性评分说明相符' },
  'three-public.budget': {
    severity: 'error',
    title: '三公经费决算数 ± 较预算增减 = 预算数（本句及经济性评分说明）',
  },
  'score.subtotal': { severity: 'error', title: '上级得分 = 下级得分之和' },
  'score.weight-sum': { severity: 'error', title: '上级分值 = 下级分值之和' },
  'score.weight-total': { severity: 'error', title: '一级指标分值之和为 100' },
  'score.range': { severity: 'error', title: '0 ≤ 得分 ≤ 分值' },
  'score.total': { severity: 'error', title: '自评总分 = 一级指标得分之和' },
  'score.grade': { severity: 'error', title: '等级与总分相符（优 ≥90，良 80–90，中 60–80，差 <60）' },
  'score.leaf-inputs': { severity: 'warning', title: '定量指标得分与所述数据按评分规则相符' },
  'score.targets-total': { severity: 'error', title: '所述目标总数 = 目标实现情况表项数' },
  'score.targets-met': { severity: 'error', title: '所述已实现目标数 = 表中完成项数' },
  'score.targets-rate': { severity: 'error', title: '所述绩效目标完成率 = 已实现 / 总数' },
  'target.value-mismatch': { severity: 'error', title: '同一目标在两张目标表中的目标值相同' },
  'target.unit-mismatch': { severity: 'error', title: '同一目标在两张目标表中的单位相同' },
  'target.unit-missing': { severity: 'info', title: '同一目标一处写单位一处未写' },
  'target.name-mismatch': { severity: 'warning', title: '同一序号的目标在两张表中名称不同' },
  'target.missing': { severity: 'warning', title: '目标只出现在一张表中' },
  'target.status': {
    severity: 'error',
    title: '完成情况与目标值、完成值相符（按所写比较符，未写则按指标含义定方向，相等为完成）',
  },
  'target.direction-unstated': {
    severity: 'info',
    title: '目标值未注明方向、指标名称也看不出方向，完成情况与按“≥”理解不符',
  },
  'target.full-marks-missed': { severity: 'warning', title: '有目标未完成而效果性得满分' },
  'narrative.target-value': { severity: 'warning', title: '工作情况所述指标数值与绩效目标表相符' },
  'counts.org-units': { severity: 'error', title: '内设机构个数与所列机构相符' },
  'counts.duties-numbering': { severity: 'warning', title: '主要职责编号连续、不重复' },
  'counts.work-numbering': { severity: 'warning', title: '重点工作编号连续、不重复' },
  'staffing.over-authorized': { severity: 'warning', title: '实有在职人员不多于编制' },
  'period.input-year': { severity: 'warning', title: '评分依据的数据属于评价年度' },
  'period.figure-year': { severity: 'warning', title: '收支、三公和表格所述年度为评价年度' },
  'period.staffing-as-of': { severity: 'warning', title: '人员编制统计时点在评价年度内' },
  ...PROJECT_AUDIT_RULES,
  ...BINDING_RULES,
} as const satisfies Record<`${RuleFamily}.${string}`, { severity: Severity; title: string }>;

export type AuditRule = keyof typeof AUDIT_RULES;
export const isAuditRule = (code: string): code is AuditRule => Object.hasOwn(AUDIT_RULES, code);
