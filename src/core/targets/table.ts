/**
 * The two target tables as declared the year before the report (DOMAIN-CYCLE §1.1): 部门整体支出绩效目标申报表
 * and 项目支出绩效目标申报表, sharing one indicator grid. Values are typed by people, so they are plain strings;
 * amounts are decimal strings in 万元; empty cells are empty strings or null (the checks name them).
 */
import { z } from 'zod';
import { DecimalString } from '../decimal.ts';
import { NATURES, PROJECT_ATTRIBUTES } from './vocab.ts';

export const NatureSchema = z.enum(NATURES);

/** One row of the grid (一级 → 二级 → 三级 with 指标性质, 指标值, 计量单位, 指标解释, 评(扣)分标准, 权重). */
export const TargetIndicator = z
  .object({
    /** Stable within the table across versions, so monitoring and the year-end report find the row. */
    id: z.string().min(1),
    level1: z.string(),
    level2: z.string(),
    /** 三级指标. */
    name: z.string(),
    /** null when the clerk left 指标性质 empty (a finding for a quantitative value). */
    nature: NatureSchema.nullable(),
    /** 指标值: a decimal for a comparator, a phrase for 定性; as typed. */
    value: z.string(),
    unit: z.string(),
    explanation: z.string().default(''),
    /** 评(扣)分标准. */
    standard: z.string().default(''),
    weight: DecimalString.nullable().default(null),
    /** Last year's actual of the same indicator (历史标准), when known. */
    lastYearActual: DecimalString.nullable().default(null),
    /** Why the target is below last year's actual, when it is. */
    belowLastYearReason: z.string().default(''),
  })
  .meta({ id: 'TargetIndicator' });
export type TargetIndicator = z.infer<typeof TargetIndicator>;

/** An amount (万元) with its 占比 in percent, both as typed. */
export const SharedAmount = z.object({ amount: DecimalString.nullable(), share: DecimalString.nullable() });
export type SharedAmount = z.infer<typeof SharedAmount>;

const common = {
  schemaVersion: z.literal(1),
  year: z.number().int().min(2000).max(2100),
  /** Which label set (framework data) the grid uses: `standard`, `cost-first-level`, `legacy-2016` … */
  labelSet: z.string().min(1).default('standard'),
  /** 年度总体目标 (目标1 … 目标n); for a project 年度目标. */
  goals: z.array(z.string()),
  indicators: z.array(TargetIndicator),
};

export const DepartmentTargetTable = z
  .object({
    kind: z.literal('department'),
    ...common,
    unitName: z.string(),
    /** 部门职能概述, one duty per entry. */
    duties: z.array(z.string()),
    funds: z.object({
      /** 收入构成. */
      income: z.object({ fiscal: SharedAmount, other: SharedAmount, total: SharedAmount }),
      /** 支出构成. */
      expenditure: z.object({ basic: SharedAmount, project: SharedAmount, total: SharedAmount }),
    }),
  })
  .meta({ id: 'DepartmentTargetTable' });
export type DepartmentTargetTable = z.infer<typeof DepartmentTargetTable>;

export const FundSource = z.object({ label: z.string(), amount: DecimalString.nullable() });
export type FundSource = z.infer<typeof FundSource>;

export const ScheduleStep = z.object({ content: z.string(), start: z.string(), end: z.string() });
export type ScheduleStep = z.infer<typeof ScheduleStep>;

export const ProjectTargetTable = z
  .object({
    kind: z.literal('project'),
    ...common,
    projectName: z.string(),
    attribute: z.enum(PROJECT_ATTRIBUTES).nullable(),
    /** 主管部门 and 实施单位. */
    department: z.string(),
    implementer: z.string(),
    /** 项目起止时间 as typed ("2026-01" …). */
    start: z.string(),
    end: z.string(),
    /** 资金总额 (万元) and its sources (财政拨款, 自有资金, 其他 …). */
    fundsTotal: DecimalString.nullable(),
    fundSources: z.array(FundSource),
    /** 立项依据. */
    basis: z.string(),
    schedule: z.array(ScheduleStep),
    /** 中长期目标. */
    longTermGoal: z.string(),
    /** A project type of the indicator library (purchase, training …), when chosen. */
    projectType: z.string().nullable().default(null),
  })
  .meta({ id: 'ProjectTargetTable' });
export type ProjectTargetTable = z.infer<typeof ProjectTargetTable>;

export const TargetTable = z.discriminatedUnion('kind', [DepartmentTargetTable, ProjectTargetTable]);
export type TargetTable = z.infer<typeof TargetTable>;

/** The amount in 万元 the table's money checks use as the funds: 支出合计 or 资金总额. */
export const tableFunds = (t: TargetTable): string | null =>
  t.kind === 'department' ? (t.funds.expenditure.total.amount ?? t.funds.income.total.amount) : t.fundsTotal;
