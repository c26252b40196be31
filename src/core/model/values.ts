import { z } from 'zod';
import { DecimalString } from '../decimal.ts';
import { Source } from './source.ts';

export const MONEY_UNITS = ['元', '万元', '亿元'] as const;
export const MoneyUnit = z.enum(MONEY_UNITS);
export type MoneyUnit = z.infer<typeof MoneyUnit>;

/** An amount with the unit it was stated in (a sentence figure such as "1747.99万元"). */
export const Money = z
  .object({ value: DecimalString, unit: MoneyUnit, src: Source.optional() })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;

/** A table cell amount; its unit is the table's stated unit label. Empty cells are null, not zero. */
export const Amount = z.object({ value: DecimalString, src: Source.optional() }).meta({ id: 'Amount' });
export type Amount = z.infer<typeof Amount>;

/** A plain decimal with its source: a score, a weight, a rate. */
export const DecimalFact = z
  .object({ value: DecimalString, src: Source.optional() })
  .meta({ id: 'DecimalFact' });
export type DecimalFact = z.infer<typeof DecimalFact>;

export const COMPARATORS = ['≥', '>', '=', '≤', '<'] as const;
export const Comparator = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof Comparator>;

/**
 * A target or achieved value as written in a goal table: "≥50个", "500亿元", "90%", "效果明显".
 * `op` is null when no comparator is written; `value` is null for a qualitative text.
 */
export const Measure = z
  .object({
    text: z.string(),
    op: Comparator.nullable(),
    value: DecimalString.nullable(),
    unit: z.string().nullable(),
    src: Source.optional(),
  })
  .meta({ id: 'Measure' });
export type Measure = z.infer<typeof Measure>;
