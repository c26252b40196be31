/**
 * A new year's report started from last year's: the same structure and texts, the year moved on — the
 * report's and every year the figures are said to be of (收入, 支出, 三公经费, the quantities of indicators,
 * 人员编制's date, the year compared with) — the reader's warnings and the places values were read from
 * dropped (nothing of it was read from a file).
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

/** Every year of the figures moved from `from` to `to` (and the year before, compared with, alike). */
const moveYears = (v: unknown, from: number, to: number, key = ''): unknown => {
  if (Array.isArray(v)) return v.map((x) => moveYears(x, from, to));
  if (key === 'year') {
    if (v === from) return to;
    const f = v as { value?: unknown } | null;
    if (f && typeof f === 'object' && f.value === from) return { ...f, value: to };
    return v;
  }
  if (key === 'against' && v === String(from - 1)) return String(to - 1);
  if (key === 'asOf') {
    const f = v as { value?: unknown } | null;
    if (f && typeof f.value === 'string' && f.value.startsWith(`${from}-`))
      return { ...f, value: `${to}${f.value.slice(4)}` };
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, moveYears(x, from, to, k)]));
};

export const copyForYear = (doc: Report, year: number): Report => {
  const from = doc.year?.value;
  const dropped = dropSources(doc) as Report;
  const copy = from === undefined ? dropped : (moveYears(dropped, from, year) as Report);
  const title =
    copy.title && from ? { value: copy.title.value.replaceAll(String(from), String(year)) } : copy.title;
  return {
    ...copy,
    year: { value: year },
    title,
    meta: { format: 'editor', encoding: null, warnings: [] },
  };
};
