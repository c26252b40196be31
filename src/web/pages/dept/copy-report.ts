/**
 * A new year's report started from last year's: the same structure and texts, the year moved on, the
 * reader's warnings and the places values were read from dropped (nothing of it was read from a file).
 */
import type { Report } from '../../../core/model/report.ts';

const dropSources = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(dropSources);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'src')
      .map(([k, x]) => [k, dropSources(x)]),
  );
};

export const copyForYear = (doc: Report, year: number): Report => {
  const copy = dropSources(doc) as Report;
  const from = doc.year?.value;
  const title =
    copy.title && from ? { value: copy.title.value.replaceAll(String(from), String(year)) } : copy.title;
  return {
    ...copy,
    year: { value: year },
    title,
    meta: { format: 'editor', encoding: null, warnings: [] },
  };
};
