/**
 * The one place where Chinese domain terms meet English identifiers. Messages and documents use the
 * Chinese; code uses the keys. Readers map what they read to these keys; frameworks refer to them.
 */
import type { Severity } from './severity.ts';

/**
 * A finding's severity (core/severity.ts) as every tag, column, count and message names it: the CLI, the
 * web, exports and documents. One word each (test/severity-terms.test.ts finds any other).
 */
export const SEVERITY_TERMS = {
  error: '错误',
  warning: '警告',
  info: '提示',
} as const satisfies Record<Severity, string>;

/** Quantities stated in indicator evidence texts (IndicatorInput.key), with the names they go by. */
export const INPUT_TERMS = {
  budgetCompletionRate: [
    '部门预算资金支出完成率',
    '预算资金支出完成率',
    '预算完成率',
    '预算执行率',
    '支出完成率',
  ],
  procurementRate: ['政府采购执行率', '采购执行率'],
  carryOverRate: ['结转结余率', '结余结转率'],
  carryOverChangeRate: ['结转结余变动率'],
  fixedAssetUtilization: ['固定资产利用率'],
  targetsTotal: ['绩效目标总数', '目标总数', '绩效计划目标', '设置绩效目标', '设定绩效目标', '绩效目标共'],
  targetsMet: ['已实现目标', '已实现目标数', '已完成目标数', '已完成目标', '实现目标', '完成目标'],
  targetCompletionRate: ['绩效目标完成率', '整体绩效目标完成率', '目标完成率'],
  threePublicActual: ['三公经费实际支出', '三公经费实际支出数'],
  threePublicBudget: ['三公经费预算', '预算安排的三公经费数', '三公经费预算数'],
  publicFundsFinal: ['日常公用经费决算数', '公用经费决算数'],
  publicFundsAdjusted: ['日常公用经费调整预算数', '公用经费调整预算数'],
  petitionReplyRate: ['信访办理回复率', '群众信访办理回复率', '信访回复率'],
  satisfaction: ['满意度', '社会公众满意度', '服务对象满意度'],
  staffControlRate: ['在职人员控制率'],
  publicFundsControlRate: ['公用经费控制率'],
  threePublicControlRate: ['三公经费控制率'],
  threePublicChangeRate: ['三公经费变动率'],
} as const satisfies Record<string, readonly string[]>;
export type InputKey = keyof typeof INPUT_TERMS;

/** The English key of an input by any of its Chinese names, or undefined. */
export const inputKeyOf = (name: string): InputKey | undefined => {
  const n = name.replace(/[“”"'‘’\s]/g, '');
  for (const [key, names] of Object.entries(INPUT_TERMS) as [InputKey, readonly string[]][]) {
    if (names.some((x) => x === n)) return key;
  }
  return undefined;
};

/** 部门整体支出 table rows by nature (按支出性质). */
export const EXPENDITURE_NATURE_TERMS = {
  basic: '基本支出',
  personnel: '人员经费',
  publicFunds: '公用经费',
  project: '项目支出',
  capitalProjects: '基本建设类项目',
  remitted: '上缴上级支出',
  business: '经营支出',
  affiliates: '对附属单位补助支出',
  economicTotal: '经济分类支出合计',
  yearTotal: '本年支出合计',
  carryOverEnd: '年末结转和结余',
  grandTotal: '总计',
} as const;

/** 部门预算支出经济分类科目, class level (DOMAIN.md §4.1). */
export const ECONOMIC_CLASSES = [
  { code: '301', name: '工资福利支出' },
  { code: '302', name: '商品和服务支出' },
  { code: '303', name: '对个人和家庭的补助' },
  { code: '307', name: '债务利息及费用支出' },
  { code: '309', name: '资本性支出（基本建设）' },
  { code: '310', name: '资本性支出' },
  { code: '311', name: '对企业补助（基本建设）' },
  { code: '312', name: '对企业补助' },
  { code: '313', name: '对社会保障基金补助' },
  { code: '399', name: '其他支出' },
] as const;

export const EXPENDITURE_COLUMN_TERMS = {
  budget: '年初预算数',
  adjusted: '调整预算数',
  final: '决算数',
} as const;

/** The amounts of the 收入/支出 sentences by their short names (收入年初预算, 支出决算 …). */
export const AMOUNT_TERMS = {
  budget: '年初预算',
  adjusted: '调整预算',
  final: '决算',
} as const;

/**
 * The parts of a report document (department and project) by their model keys, with the short names the
 * editor and its version differences show (a 部门整体 report's sections as read: REPORT_PART_TERMS).
 */
export const DOCUMENT_PART_TERMS = {
  title: '标题',
  year: '年度',
  department: '部门',
  duties: '职责',
  orgUnits: '内设机构',
  staffing: '人员编制',
  work: '年度工作',
  income: '收入',
  expenditure: '支出',
  expenditureTable: '支出表',
  threePublic: '三公经费',
  targets: '绩效目标',
  achievements: '完成情况',
  indicators: '指标',
  conclusion: '结论',
  problems: '问题',
  otherNotes: '其他说明',
  funds: '项目资金',
  project: '项目',
  goal: '总体目标',
  formNo: '报表编号',
  moneyUnit: '资金单位',
  overview: '实施概述',
  statedTotal: '自评总分',
  statedGrade: '自评等级',
  measures: '改进措施',
  layout: '表式',
  frameworkId: '指标体系',
  schemaVersion: '格式版本',
} as const;

/** The fields within a report's parts (a fact, a row, a measure), by their Chinese names. */
export const DOCUMENT_FIELD_TERMS = {
  ...AMOUNT_TERMS,
  actual: '实际',
  statedScore: '自评得分',
  weight: '分值',
  evidence: '说明',
  target: '目标值',
  statedTotal: DOCUMENT_PART_TERMS.statedTotal,
  statedGrade: DOCUMENT_PART_TERMS.statedGrade,
  text: '内容',
  body: '内容',
  score: '得分',
  name: '名称',
  authorized: '编制数',
  inService: '在职人数',
  contractStaff: '编外人员',
  other: '其他人员',
  retired: '退休人数',
  asOf: '截止日期',
  intro: '概述',
  statedCount: '机构数',
  rank: '级别',
  nature: '性质',
  jurisdiction: '所属行政区',
  unit: '单位',
  title: DOCUMENT_PART_TERMS.title,
  no: '序号',
  label: '名称',
  level1: '一级指标',
  level2: '二级指标',
  deviation: '偏差原因',
  reason: '原因',
  rate: '执行率',
  expected: '预期目标',
  implementer: '实施单位',
  department: '主管部门',
  problems: '存在问题',
  causes: '原因分析',
  measures: DOCUMENT_PART_TERMS.measures,
  carryOverEnd: EXPENDITURE_NATURE_TERMS.carryOverEnd,
  against: '比较对象',
  amount: '金额',
  direction: '增减',
  code: '编码',
  year: DOCUMENT_PART_TERMS.year,
  key: '类别',
  op: '比较符',
} as const;

export const REPORT_KIND_TERMS = {
  department: '部门整体支出绩效自评报告',
  project: '项目支出绩效自评表',
} as const;

/** The parts of a 部门整体支出绩效自评报告 by their English keys, named as messages name them. */
export const REPORT_PART_TERMS = {
  title: '标题',
  basic: '部门基本情况',
  duties: '主要职责',
  orgUnits: '内设机构',
  staffing: '人员编制',
  work: '年度总体工作和重点工作任务',
  spending: '部门整体支出情况',
  income: '部门整体收入情况',
  expenditure: '部门整体支出情况（支出）',
  threePublic: '三公经费',
  targets: '部门整体支出绩效目标',
  conclusion: '绩效自评结论',
  analysis: '绩效自评分析',
  problems: '存在的问题、原因分析及改进措施',
  other: '其他需要说明的情况',
} as const;

/**
 * The words a section's name ends with (部门基本情况, 主要职责, 内设机构, 人员编制, 重点工作任务, 三公经费,
 * 存在的问题, 改进措施 …). A short line with neither a heading number nor a heading style is taken for a
 * section's heading only when it ends with one of these: 人员编制严格管理 is a sentence, not a heading.
 */
export const SECTION_NAME_ENDINGS = [
  '情况',
  '概况',
  '职责',
  '职能',
  '机构',
  '设置',
  '编制',
  '人员',
  '构成',
  '任务',
  '工作',
  '目标',
  '结论',
  '结果',
  '得分',
  '评分',
  '分析',
  '自评',
  '评价',
  '问题',
  '不足',
  '原因',
  '措施',
  '建议',
  '打算',
  '计划',
  '方向',
  '说明',
  '事项',
  '经费',
  '收入',
  '支出',
  '收支',
] as const;

/**
 * The section names of a narrative 项目支出绩效自评报告, each part with the names it goes by. A short line
 * that is one of these (spaces and a closing colon aside) is a heading even without a number.
 */
export const PROJECT_REPORT_SECTION_TERMS = {
  overview: ['项目概况', '项目基本情况', '基本情况', '项目基本概况', '项目简介', '概况'],
  funds: [
    '项目资金情况',
    '资金情况',
    '项目资金使用情况',
    '资金使用情况',
    '资金投入和使用情况',
    '项目资金投入和使用情况',
    '预算执行情况',
    '项目预算执行情况',
  ],
  goal: ['项目绩效目标', '绩效目标', '项目目标', '年度绩效目标', '项目年度绩效目标', '绩效目标情况'],
  actual: [
    '绩效目标完成情况',
    '目标完成情况',
    '绩效目标实现情况',
    '目标实现情况',
    '项目绩效目标完成情况',
    '绩效指标完成情况',
    '项目绩效目标及完成情况',
    '绩效目标及完成情况',
  ],
  selfScore: [
    '自评得分情况',
    '自评结论',
    '绩效自评结论',
    '自评结果',
    '评价结论',
    '综合评价结论',
    '综合评分情况',
  ],
  problems: [
    '存在的问题',
    '存在问题',
    '主要问题',
    '存在的问题及原因',
    '存在的问题及原因分析',
    '问题及原因',
    '存在的问题及改进措施',
    '存在的问题和改进措施',
  ],
  measures: [
    '改进措施',
    '整改措施',
    '下一步改进措施',
    '改进措施及建议',
    '改进建议',
    '意见建议',
    '下一步工作计划',
  ],
  other: ['其他需要说明的情况', '其他需要说明的问题', '其他说明'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Indicators for which less is better, by a word of their name (平均办理天数, 三公经费支出控制率, 安全事故
 * 发生率, 投诉件数, 每套平均成本 …): a target written without a comparator is a ceiling (≤). The one
 * vocabulary the audit, scoring and the editor read a target's direction from (after the comparator
 * written and the framework's definition).
 */
export const LESS_IS_BETTER_TERMS = [
  '天数',
  '时长',
  '时间',
  '用时',
  '耗时',
  '周期',
  '控制率',
  '发生率',
  '投诉',
  '事故',
  '差错',
  '误差',
  '超支',
  '结余率',
  '结转结余',
  '三公经费变动率',
  '变动率',
  '成本',
  '逾期',
  '死亡率',
  '不合格率',
  '违规',
] as const;

/**
 * Names that contain a less-is-better word but measure what was done about it, so more is better:
 * 投诉办结率, 事故处置率, 成本节约率, 时间达标率 ….
 */
export const MORE_IS_BETTER_TERMS = [
  '办结率',
  '处理率',
  '处置率',
  '回复率',
  '解决率',
  '整改率',
  '节约率',
  '降低率',
  '下降率',
  '压减',
  '及时率',
  '达标率',
  '完成率',
  '执行率',
  '满意度',
  '覆盖率',
  '合格率',
  '到位率',
  '数量',
  '收入',
  '新增',
  '人数',
  '人次',
] as const;

/** Units of things done or people served: with no telling name, more is better (10个 → 12个). */
export const COUNT_UNITS = [
  '个',
  '座',
  '家',
  '项',
  '件',
  '台',
  '户',
  '所',
  '处',
  '条',
  '批',
  '套',
  '场',
  '期',
  '次',
  '家次',
  '人',
  '人次',
  '名',
] as const;

/** Units of time taken: with no telling name, less is better (办理 6天 → 5天). */
export const DURATION_UNITS = ['天', '日', '个工作日', '工作日', '小时', '分钟'] as const;
