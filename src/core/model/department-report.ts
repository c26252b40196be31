import { z } from 'zod';
import { DecimalString } from '../decimal.ts';
import { Finding } from '../findings.ts';
import { fact, IntFact, Source, TextFact } from './source.ts';
import { Amount, Comparator, DecimalFact, Measure, Money, MoneyUnit } from './values.ts';

export const GRADES = ['优', '良', '中', '差'] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

/** A numbered item of a list (职责, 工作任务): its number as written, and its text. */
export const NumberedItem = z.object({
  no: z.number().int().positive(),
  text: z.string(),
  src: Source.optional(),
});
export type NumberedItem = z.infer<typeof NumberedItem>;

export const Department = z.object({
  name: TextFact.nullable(),
  /** 正科级, 副处级 … */
  rank: TextFact.nullable(),
  /** 加挂…牌子: the other names the department carries. */
  extraNames: z.array(TextFact),
  /** 县政府工作部门 … as stated. */
  nature: TextFact.nullable(),
  /** The county, city or province, read off the name (阳西县…). */
  jurisdiction: TextFact.nullable(),
});

export const Staffing = z.object({
  /** ISO date (YYYY-MM-DD) of 截止…. */
  asOf: TextFact.nullable(),
  authorized: IntFact.nullable(),
  inService: IntFact.nullable(),
  contractStaff: IntFact.nullable(),
  other: IntFact.nullable(),
  retired: IntFact.nullable(),
});

export const WorkSection = z.object({
  no: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  src: Source.optional(),
});

/** A signed comparison stated in words: 增加 5.65万元 → +5.65, 减少 → −. */
export const MoneyChange = z.object({
  /** What it is compared with: a year ("2022") or a figure ("年初预算"). */
  against: z.string(),
  amount: Money,
  direction: z.enum(['increase', 'decrease', 'same']),
});

export const INCOME_COMPONENT_KEYS = ['fiscal', 'carryOverStart', 'other'] as const;
export const IncomeComponent = z.object({
  key: z.enum(INCOME_COMPONENT_KEYS),
  name: z.string(),
  budget: Money.nullable(),
  adjusted: Money.nullable(),
  final: Money.nullable(),
});

export const Income = z.object({
  year: IntFact.nullable(),
  budget: Money.nullable(),
  adjusted: Money.nullable(),
  final: Money.nullable(),
  components: z.array(IncomeComponent),
  src: Source.optional(),
});

export const EXPENDITURE_PART_KEYS = [
  'basic',
  'project',
  'remitted',
  'business',
  'affiliates',
  'other',
] as const;
export const ExpenditureSummary = z.object({
  year: IntFact.nullable(),
  budget: Money.nullable(),
  adjusted: Money.nullable(),
  final: Money.nullable(),
  parts: z.array(z.object({ key: z.enum(EXPENDITURE_PART_KEYS), name: z.string(), amount: Money })),
  carryOverEnd: Money.nullable(),
  src: Source.optional(),
});

/**
 * Rows of the 部门整体支出 table. Nature rows (按支出性质), the 部门预算支出经济分类 class rows (301…399,
 * `economic` with a `code`), and the totals.
 */
export const EXPENDITURE_ROW_KEYS = [
  'basic',
  'personnel',
  'publicFunds',
  'project',
  'capitalProjects',
  'remitted',
  'business',
  'affiliates',
  'economicTotal',
  'economic',
  'yearTotal',
  'carryOverEnd',
  'grandTotal',
  'unknown',
] as const;
export const ExpenditureRowKey = z.enum(EXPENDITURE_ROW_KEYS);
export type ExpenditureRowKey = z.infer<typeof ExpenditureRowKey>;

export const EXPENDITURE_COLUMNS = ['budget', 'adjusted', 'final'] as const;
export const ExpenditureColumn = z.enum(EXPENDITURE_COLUMNS);
export type ExpenditureColumn = z.infer<typeof ExpenditureColumn>;

export const ExpenditureRow = z.object({
  key: ExpenditureRowKey,
  /** Economic class code (301…399) for `economic` rows. */
  code: z.string().nullable(),
  label: z.string(),
  budget: Amount.nullable(),
  adjusted: Amount.nullable(),
  final: Amount.nullable(),
  src: Source.optional(),
});
export type ExpenditureRow = z.infer<typeof ExpenditureRow>;

export const ExpenditureTable = z.object({
  title: TextFact.nullable(),
  /** The unit label as stated (单位：元). May be wrong; the audit compares it with the text. */
  unit: fact(MoneyUnit).nullable(),
  rows: z.array(ExpenditureRow),
});
export type ExpenditureTable = z.infer<typeof ExpenditureTable>;

export const ThreePublic = z.object({
  year: IntFact.nullable(),
  actual: Money.nullable(),
  changes: z.array(MoneyChange),
  /** The budget (预算数/预算安排) when the sentence states it. */
  budget: Money.nullable().optional(),
  /** 因公出国（境）费, 公务用车购置及运行维护费 (购置, 运行维护), 公务接待费, when stated. */
  parts: z.array(z.object({ name: z.string(), amount: Money })),
  src: Source.optional(),
});

export const TargetRow = z.object({
  no: IntFact.nullable(),
  name: TextFact,
  target: Measure,
  src: Source.optional(),
});
export type TargetRow = z.infer<typeof TargetRow>;

export const TargetTable = z.object({ title: TextFact.nullable(), rows: z.array(TargetRow) });

export const AchievementRow = z.object({
  no: IntFact.nullable(),
  name: TextFact,
  target: Measure,
  actual: Measure,
  /** 完成 / 未完成 / 部分完成 as stated. */
  status: TextFact.nullable(),
  src: Source.optional(),
});
export type AchievementRow = z.infer<typeof AchievementRow>;

export const AchievementTable = z.object({ title: TextFact.nullable(), rows: z.array(AchievementRow) });

/**
 * A quantity stated in an indicator's evidence text: 政府采购执行率 64.94%, 目标共15个, 已实现13个,
 * 三公经费实际支出 19.85万元. `key` is a stable English name (see glossary), `year` the year it is said to be of.
 */
export const IndicatorInput = z.object({
  key: z.string(),
  name: z.string(),
  value: DecimalString,
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** A comparator stated with the figure: 超90%以上 → '>', 不低于95% → '≥'. Absent when none is said. */
  op: Comparator.optional(),
  src: Source.optional(),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export type IndicatorNode = {
  level: 1 | 2 | 3;
  /** The number as written: （一）, 1., （1）. */
  label: string | null;
  name: string;
  weight: DecimalFact | null;
  statedScore: DecimalFact | null;
  evidence: string;
  inputs: IndicatorInput[];
  children: IndicatorNode[];
  src?: Source | undefined;
};
const indicatorFields = {
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  label: z.string().nullable(),
  name: z.string(),
  weight: DecimalFact.nullable(),
  statedScore: DecimalFact.nullable(),
  evidence: z.string(),
  inputs: z.array(IndicatorInput),
};
export const IndicatorNode: z.ZodType<IndicatorNode> = z
  .object({
    ...indicatorFields,
    get children() {
      return z.array(IndicatorNode);
    },
    src: Source.optional(),
  })
  .meta({ id: 'IndicatorNode' });

/**
 * IndicatorNode to `depth` levels, the deepest with no children: the same check and output for a tree no
 * deeper, without the reference cycle that keeps `z.compile` from compiling the recursive schema.
 */
export const indicatorTreeTo = (depth: number): z.ZodType<IndicatorNode> =>
  z.object({
    ...indicatorFields,
    children: z.array(depth > 1 ? indicatorTreeTo(depth - 1) : z.never()),
    src: Source.optional(),
  });

export const Conclusion = z.object({
  /** The notice cited: 《…通知》. */
  notice: TextFact.nullable(),
  /** Its document number: 西财绩〔2024〕1号. */
  noticeNo: TextFact.nullable(),
  statedTotal: DecimalFact.nullable(),
  statedGrade: fact(Grade).nullable(),
  text: z.string(),
  src: Source.optional(),
});

export const Problems = z.object({
  problems: TextFact.nullable(),
  causes: TextFact.nullable(),
  measures: TextFact.nullable(),
});

export const ReadMeta = z.object({
  format: z.enum(['text', 'docx', 'doc', 'wps', 'html', 'pdf', 'xlsx', 'xls', 'json', 'editor']),
  encoding: z.string().nullable(),
  /** Problems met while reading: a part missing, a cell that is not a number. */
  warnings: z.array(Finding),
});

export const DepartmentReport = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('department'),
  title: TextFact.nullable(),
  year: IntFact.nullable(),
  /** The framework the report was filled against, when known. */
  frameworkId: z.string().nullable(),
  department: Department,
  duties: z.object({ intro: z.string().nullable(), items: z.array(NumberedItem) }),
  orgUnits: z.object({ statedCount: IntFact.nullable(), items: z.array(TextFact) }),
  staffing: Staffing,
  work: z.object({ intro: z.string().nullable(), sections: z.array(WorkSection) }),
  income: Income.nullable(),
  expenditure: ExpenditureSummary.nullable(),
  expenditureTable: ExpenditureTable.nullable(),
  threePublic: ThreePublic.nullable(),
  targets: TargetTable.nullable(),
  conclusion: Conclusion.nullable(),
  indicators: z.array(IndicatorNode),
  achievements: AchievementTable.nullable(),
  problems: Problems,
  otherNotes: TextFact.nullable(),
  meta: ReadMeta,
});
export type DepartmentReport = z.infer<typeof DepartmentReport>;
