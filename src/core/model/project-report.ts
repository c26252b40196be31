/**
 * The 项目支出绩效自评表 (财预〔2020〕10号 form, DOMAIN.md §1.4): one table per project with its funds, its
 * yearly goal and its indicator rows. Two layouts are read: the MoF/standard one (comparator and unit
 * inside 年度指标值) and the Sichuan one (separate 指标性质 and 度量单位 columns, 调整后预算数).
 */
import { z } from 'zod';
import { Grade, ReadMeta } from './department-report.ts';
import { fact, IntFact, Source, TextFact } from './source.ts';
import { Amount, DecimalFact, Measure, MoneyUnit } from './values.ts';

/** `narrative`: the 项目支出绩效自评报告 written as prose (figures in sentences, perhaps a score table). */
export const PROJECT_LAYOUTS = ['standard', 'sichuan', 'narrative'] as const;
export const ProjectLayout = z.enum(PROJECT_LAYOUTS);
export type ProjectLayout = z.infer<typeof ProjectLayout>;

/**
 * The rows of 项目资金 / 预算执行情况: 年度资金总额 (四川: 总额) and its 其中 rows. `fiscal` is 当年/本年财政拨款
 * (四川: 财政资金), `specialAccount` 财政专户管理资金, `unit` 单位资金.
 */
export const FUND_ROW_KEYS = [
  'total',
  'fiscal',
  'carryOver',
  'specialAccount',
  'unit',
  'other',
  'unknown',
] as const;
export const FundRowKey = z.enum(FUND_ROW_KEYS);
export type FundRowKey = z.infer<typeof FundRowKey>;

export const FundRow = z.object({
  key: FundRowKey,
  label: z.string(),
  /** 年初预算数. */
  budget: Amount.nullable(),
  /** 全年预算数 (四川: 调整后预算数): the base of the execution rate. */
  adjusted: Amount.nullable(),
  /** 全年执行数 (四川: 预算执行数). */
  final: Amount.nullable(),
  /** 分值 (四川: 权重). */
  weight: DecimalFact.nullable(),
  /** 执行率 in percent, as stated ("95.2%" → "95.2"). */
  rate: DecimalFact.nullable(),
  score: DecimalFact.nullable(),
  /** 四川: 原因 (why execution stayed below 90%). */
  reason: TextFact.nullable(),
  src: Source.optional(),
});
export type FundRow = z.infer<typeof FundRow>;

export const ProjectIndicator = z.object({
  /** 产出指标 / 效益指标 / 满意度指标 (a stated weight such as "(50分)" is dropped from the name). */
  level1: TextFact.nullable(),
  /** 数量指标, 质量指标 … */
  level2: TextFact.nullable(),
  /** The indicator itself (三级指标). */
  name: TextFact,
  /** 年度指标值 with its comparator and unit (四川: 指标性质 + 指标值 + 度量单位, joined). */
  target: Measure,
  /** 实际完成值 (四川: 完成值). */
  actual: Measure,
  /** 分值 (四川: 权重). */
  weight: DecimalFact.nullable(),
  score: DecimalFact.nullable(),
  /** 偏差原因分析及改进措施 (四川: 未完成原因分析). */
  deviation: TextFact.nullable(),
  src: Source.optional(),
});
export type ProjectIndicator = z.infer<typeof ProjectIndicator>;

export const ProjectReport = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('project'),
  layout: ProjectLayout,
  title: TextFact.nullable(),
  year: IntFact.nullable(),
  frameworkId: z.string().nullable(),
  /** 报表编号 (四川: 510000_0013zp), when stated. */
  formNo: TextFact.nullable(),
  project: z.object({
    name: TextFact.nullable(),
    /** 主管部门. */
    department: TextFact.nullable(),
    /** 实施单位. */
    implementer: TextFact.nullable(),
  }),
  /** The unit of the fund amounts as stated (项目资金（万元）). */
  moneyUnit: fact(MoneyUnit).nullable(),
  funds: z.array(FundRow),
  /** 年度总体目标: 预期目标 and 实际完成情况. */
  goal: z.object({ expected: TextFact.nullable(), actual: TextFact.nullable() }),
  /** 四川: 项目实施内容及过程概述. */
  overview: TextFact.nullable(),
  indicators: z.array(ProjectIndicator),
  statedTotal: DecimalFact.nullable(),
  statedGrade: fact(Grade).nullable(),
  /** 评价结论, 存在问题, 改进措施 when the form has them. */
  conclusion: TextFact.nullable(),
  problems: TextFact.nullable(),
  measures: TextFact.nullable(),
  meta: ReadMeta,
});
export type ProjectReport = z.infer<typeof ProjectReport>;
