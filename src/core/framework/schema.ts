/**
 * The indicator framework file (frameworks/*.json): a versioned indicator tree per region × year × kind,
 * with weights, the rule of each leaf and the grade bands.
 */
import { z } from 'zod';
import { DecimalString } from '../decimal.ts';
import { Grade } from '../model/department-report.ts';
import { Rule } from './rule-schema.ts';

export const FRAMEWORK_KINDS = ['department', 'project'] as const;
export const FrameworkKind = z.enum(FRAMEWORK_KINDS);
export type FrameworkKind = z.infer<typeof FrameworkKind>;

/**
 * A grade and the lowest total that earns it. `label`: the grade word of the region (优秀, 良好, 合格,
 * 不合格) when it is not 优/良/中/差; `strict`: the total must exceed `min` (some notices write "> 90").
 */
export const GradeBand = z.object({
  grade: Grade,
  min: DecimalString,
  label: z.string().min(1).optional(),
  strict: z.boolean().optional(),
});
export type GradeBand = z.infer<typeof GradeBand>;

/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (DOMAIN.md §2). */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: '优', min: '90' },
  { grade: '良', min: '80' },
  { grade: '中', min: '60' },
  { grade: '差', min: '0' },
];

export const INDICATOR_BETTER = ['less', 'more'] as const;
export const IndicatorBetter = z.enum(INDICATOR_BETTER);
export type IndicatorBetter = z.infer<typeof IndicatorBetter>;

export type FrameworkNode = {
  name: string;
  /** Other headings a report may use for it (政府采购执行情况 for 政府采购执行率). */
  aliases?: string[] | undefined;
  weight: DecimalString;
  /** Where a figure or threshold comes from, when it is not official. */
  note?: string | undefined;
  /**
   * Which way a target of this indicator is met, when the definition says: 'less' (less is better, the
   * target is a ceiling: 天数, 变动率) or 'more' (at least). Read before the indicator's meaning.
   */
  better?: IndicatorBetter | undefined;
  /** 指标解释: what the notice says the indicator means. */
  definition?: string | undefined;
  /** 评分标准: how the notice says it is scored, as written. */
  criteria?: string | undefined;
  children?: FrameworkNode[] | undefined;
  rule?: Rule | undefined;
};
export const FrameworkNode: z.ZodType<FrameworkNode> = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string()).optional(),
    weight: DecimalString,
    note: z.string().optional(),
    better: IndicatorBetter.optional(),
    definition: z.string().optional(),
    criteria: z.string().optional(),
    get children() {
      return z.array(FrameworkNode).optional();
    },
    rule: Rule.optional(),
  })
  .meta({ id: 'FrameworkNode' });

export const Framework = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '应为小写字母、数字和连字符 (lowercase id with dashes)'),
  name: z.string().min(1),
  region: z.string().min(1),
  /** The year of the notice that sets the framework; it scores the budget year before it. */
  year: z.number().int(),
  /**
   * A bureau's own framework: the year of the reports it scores. Stored reports of this year and kind in
   * the jurisdiction that stores it are bound to its newest version (src/app/framework-choice.ts).
   */
  reportYear: z.number().int().optional(),
  kind: FrameworkKind,
  version: z.string().min(1),
  total: DecimalString,
  /** The notice it comes from, and how sure we are of it. */
  source: z.string().optional(),
  grades: z.array(GradeBand).min(1).optional(),
  indicators: z.array(FrameworkNode).min(1),
});
export type Framework = z.infer<typeof Framework>;

export const gradeBandsOf = (f: Framework): readonly GradeBand[] => f.grades ?? DEFAULT_GRADE_BANDS;

/** The JSON Schema of framework files, for editors and other tools. */
export const frameworkJsonSchema = (): unknown => z.toJSONSchema(Framework, { io: 'input' });
