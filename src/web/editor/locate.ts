/**
 * From a finding's locations to the editor's fields. Every value read from a file keeps its source
 * (line, or table/row/column, and the raw text); the editor keeps that `src` when a value is edited, so
 * a finding still finds its field after the user has typed. Pure: tested without a browser.
 */
import type { Finding } from '../../core/findings.ts';
import type { Source } from '../../core/model/source.ts';
import type { Path } from '../lib/paths.ts';

type Sourced = { path: Path; src: Source };

const isSource = (v: unknown): v is Source =>
  typeof v === 'object' && v !== null && typeof (v as { raw?: unknown }).raw === 'string';

/** Every object of the document that carries a `src`, with its path; `meta` (reader warnings) skipped. */
export const sourcedFields = (doc: unknown): Sourced[] => {
  const out: Sourced[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'src' && isSource(x)) out.push({ path, src: x });
      else if (!(path.length === 0 && k === 'meta')) walk(x, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
};

/** How well a field's source fits a location; 0 when it does not. */
const fitOf = (field: Source, loc: Source): number => {
  let score = 0;
  if (loc.table !== undefined && field.table === loc.table && field.row === loc.row) {
    if (loc.column === undefined) score = field.column === undefined ? 60 : 40;
    else if (field.column === loc.column) score = 80;
    else if (field.column === undefined) score = 30;
  }
  if (score === 0 && loc.line !== undefined && field.line === loc.line) score = 20;
  if (score === 0) return 0;
  if (field.raw === loc.raw) score += 15;
  else if (loc.raw && field.raw.includes(loc.raw)) score += 5;
  return score;
};

/** The field that best fits one location: highest fit, then the deeper path (a cell over its row). */
export const fieldFor = (fields: readonly Sourced[], loc: Source): Path | null => {
  let best: { path: Path; score: number } | null = null;
  for (const f of fields) {
    const s = fitOf(f.src, loc);
    if (s === 0) continue;
    if (!best || s > best.score || (s === best.score && f.path.length > best.path.length)) {
      best = { path: f.path, score: s };
    }
  }
  return best?.path ?? null;
};

/** The fields a finding points at (deduplicated, in its locations' order). */
export const fieldsOfFinding = (fields: readonly Sourced[], finding: Finding): Path[] => {
  const seen = new Set<string>();
  const out: Path[] = [];
  for (const loc of finding.locations ?? []) {
    const p = fieldFor(fields, loc);
    if (!p) continue;
    const key = p.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
};
