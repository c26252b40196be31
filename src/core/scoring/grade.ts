/** Grades from the framework's bands: the first band whose minimum the total reaches. */
import { type DecimalLike, dec } from '../decimal.ts';
import { DEFAULT_GRADE_BANDS, type GradeBand } from '../framework/schema.ts';
import type { Grade } from '../model/department-report.ts';

const reaches = (t: ReturnType<typeof dec>, b: GradeBand): boolean =>
  b.strict ? t.gt(dec(b.min)) : t.gte(dec(b.min));

/** The band a total falls in: the first it reaches, else the last. */
export const bandOf = (
  total: DecimalLike,
  bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS,
): GradeBand | undefined => {
  const t = dec(total);
  return bands.find((b) => reaches(t, b)) ?? bands[bands.length - 1];
};

export const gradeOf = (total: DecimalLike, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): Grade =>
  bandOf(total, bands)?.grade ?? '差';

/** The grade word a framework uses for a total (优秀, 合格 …), else the grade itself. */
export const gradeLabelOf = (
  total: DecimalLike,
  bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS,
): string => {
  const b = bandOf(total, bands);
  return b?.label ?? b?.grade ?? '差';
};

/** The band above the one `total` falls in, or undefined at the top. */
export const nextBand = (
  total: DecimalLike,
  bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS,
): GradeBand | undefined => {
  const t = dec(total);
  let above: GradeBand | undefined;
  for (const b of bands) {
    if (reaches(t, b)) return above;
    above = b;
  }
  return above;
};
