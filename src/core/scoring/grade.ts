/** Grades from the framework's bands: the first band whose minimum the total reaches. */
import { type DecimalLike, dec } from '../decimal.ts';
import { DEFAULT_GRADE_BANDS, type GradeBand } from '../framework/schema.ts';
import type { Grade } from '../model/department-report.ts';

export const gradeOf = (total: DecimalLike, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): Grade => {
  const t = dec(total);
  for (const b of bands) if (t.gte(dec(b.min))) return b.grade;
  return bands[bands.length - 1]?.grade ?? '差';
};

/** The band above the one `total` falls in, or undefined at the top. */
export const nextBand = (
  total: DecimalLike,
  bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS,
): GradeBand | undefined => {
  const t = dec(total);
  let above: GradeBand | undefined;
  for (const b of bands) {
    if (t.gte(dec(b.min))) return above;
    above = b;
  }
  return above;
};
