/**
 * Label sets of the indicator grid per region (frameworks/targets/label-sets.json): which 一级 and 二级
 * labels a table uses, which 一级 are required, the weight total, and which optional columns the region
 * makes mandatory. Validated when this module loads, like the built-in frameworks.
 */
import { z } from 'zod';
import raw from '../../../frameworks/targets/label-sets.json' with { type: 'json' };
import { DecimalString } from '../decimal.ts';
import { LEVEL1_KEYS, type Level1Key } from './vocab.ts';

export const LabelSet = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  level1: z
    .array(
      z.object({
        key: z.enum(LEVEL1_KEYS),
        label: z.string().min(1),
        /** Other names the same 一级 goes by in the region's forms. */
        aliases: z.array(z.string().min(1)).default([]),
        level2: z.array(z.string().min(1)),
      }),
    )
    .min(1),
  required: z.array(z.enum(LEVEL1_KEYS)),
  /** The weights must add up to this; null where the region's form has no weights. */
  weightTotal: DecimalString.nullable(),
  requireStandard: z.boolean(),
  requireExplanation: z.boolean(),
});
export type LabelSet = z.infer<typeof LabelSet>;

export const LABEL_SETS: readonly LabelSet[] = z.array(LabelSet).parse(raw);

export const labelSet = (key: string): LabelSet =>
  LABEL_SETS.find((s) => s.key === key) ?? (LABEL_SETS[0] as LabelSet);

/** A label without spacing and a trailing 指标, so 产出 and 产出指标 match. */
export const normLabel = (s: string): string => s.replace(/\s/g, '').replace(/指标$/u, '');

/** The 一级 key of a label in a set, or null when the set does not know it. */
export const level1Of = (set: LabelSet, label: string): Level1Key | null => {
  const n = normLabel(label);
  if (n === '') return null;
  return level1Entry(set, label)?.key ?? null;
};

export const level1Entry = (set: LabelSet, label: string): LabelSet['level1'][number] | undefined => {
  const n = normLabel(label);
  return set.level1.find((l) => normLabel(l.label) === n || l.aliases.some((a) => normLabel(a) === n));
};

/** Whether an indicator row is a cost indicator: 一级 成本, or 二级 成本 inside 产出. */
export const isCostRow = (set: LabelSet, level1: string, level2: string): boolean =>
  level1Of(set, level1) === 'cost' || normLabel(level2).endsWith('成本');
