/**
 * The indicator library by project type (frameworks/targets/indicator-library.json): suggested rows
 * offered while filling in, with the department's own values of past years laid over them when known.
 */
import { z } from 'zod';
import raw from '../../../frameworks/targets/indicator-library.json' with { type: 'json' };
import { normName } from '../audit/measure.ts';
import { NatureSchema, type TargetIndicator, type TargetTable } from './table.ts';

export const LibraryEntry = z.object({
  type: z.string().min(1),
  name: z.string().min(1),
  indicators: z
    .array(
      z.object({
        level1: z.string().min(1),
        level2: z.string().min(1),
        name: z.string().min(1),
        nature: NatureSchema,
        value: z.string().default(''),
        unit: z.string(),
      }),
    )
    .min(1),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

export const INDICATOR_LIBRARY: readonly LibraryEntry[] = z.array(LibraryEntry).parse(raw);

/**
 * Suggested rows for a project type, as new indicators (ids from `nextId`), without those the table
 * already has; `history` (earlier approved tables of the department) gives a row's last value and unit.
 */
export const suggestIndicators = (
  type: string,
  table: TargetTable,
  history: readonly TargetTable[],
  nextId: (i: number) => string,
): TargetIndicator[] => {
  const entry = INDICATOR_LIBRARY.find((e) => e.type === type);
  if (!entry) return [];
  const have = new Set(table.indicators.map((i) => normName(i.name)));
  const past = new Map<string, TargetIndicator>();
  for (const t of [...history].sort((a, b) => a.year - b.year))
    for (const i of t.indicators) past.set(normName(i.name), i);
  return entry.indicators
    .filter((s) => !have.has(normName(s.name)))
    .map((s, i) => {
      const before = past.get(normName(s.name));
      return {
        id: nextId(i),
        level1: s.level1,
        level2: s.level2,
        name: s.name,
        nature: before?.nature ?? s.nature,
        value: before?.value ?? s.value,
        unit: before?.unit || s.unit,
        explanation: '',
        standard: '',
        weight: null,
        lastYearActual: null,
        belowLastYearReason: '',
      };
    });
};
