/**
 * What changed between two versions of a document: every leaf value that differs, with its path and a
 * Chinese label of where it is (the glossary's names of parts and fields). `src` (where a value was read
 * from) is not a change of content.
 */
import { DOCUMENT_FIELD_TERMS, DOCUMENT_PART_TERMS } from '../../core/glossary.ts';
import type { Path } from '../lib/paths.ts';

export type Change = { path: Path; label: string; before: string; after: string };

const PART_LABELS: Record<string, string> = DOCUMENT_PART_TERMS;
const FIELD_LABELS: Record<string, string> = DOCUMENT_FIELD_TERMS;

const show = (v: unknown): string => {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'object') {
    const o = v as { value?: unknown; text?: unknown; unit?: unknown };
    if ('value' in o) return `${String(o.value)}${typeof o.unit === 'string' ? o.unit : ''}`;
    if (typeof o.text === 'string') return o.text;
    const name = (v as { name?: unknown; label?: unknown }).name ?? (v as { label?: unknown }).label;
    if (typeof name === 'string') return `（整项）${name}`;
    return '（整项）';
  }
  return String(v);
};

/** A short label: the part's Chinese name, then the names met on the way (an indicator's name). */
const labelOf = (root: unknown, path: Path): string => {
  const names: string[] = [PART_LABELS[String(path[0])] ?? '其他'];
  let cur: unknown = root;
  for (const seg of path) {
    cur = (cur as Record<string | number, unknown> | null)?.[seg];
    const o = cur as { name?: unknown; label?: unknown } | null;
    if (typeof seg === 'number' && o && typeof o === 'object') {
      const n = typeof o.name === 'string' ? o.name : (o.name as { value?: unknown } | undefined)?.value;
      const l = typeof o.label === 'string' ? o.label : undefined;
      names.push(typeof n === 'string' ? n : (l ?? `第${seg + 1}项`));
    }
  }
  const last = path[path.length - 1];
  // A field without a Chinese name is left unnamed rather than shown by its code.
  const field = typeof last === 'string' ? FIELD_LABELS[last] : undefined;
  if (field && field !== names[names.length - 1]) names.push(field);
  return names.join(' · ');
};

/** A value compared as a whole: a primitive, a fact ({value, src}) or a measure ({text, …}). */
const isLeafish = (v: unknown): boolean =>
  v === null || typeof v !== 'object' || (!Array.isArray(v) && ('value' in v || 'text' in v));

const strip = (v: unknown): unknown => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(strip);
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'src')
      .map(([k, x]) => [k, strip(x)]),
  );
};

export const diffDocuments = (before: unknown, after: unknown, limit = 500): Change[] => {
  const out: Change[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (out.length >= limit) return;
    if (path.length === 1 && path[0] === 'meta') return;
    if (isLeafish(a) || isLeafish(b)) {
      const sa = JSON.stringify(strip(a) ?? null);
      const sb = JSON.stringify(strip(b) ?? null);
      if (sa !== sb)
        out.push({
          path,
          label: labelOf(b === undefined ? before : after, path),
          before: show(a),
          after: show(b),
        });
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const xa = Array.isArray(a) ? a : [];
      const xb = Array.isArray(b) ? b : [];
      for (let i = 0; i < Math.max(xa.length, xb.length); i++) walk(xa[i], xb[i], [...path, i]);
      return;
    }
    const oa = (a ?? {}) as Record<string, unknown>;
    const ob = (b ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(oa), ...Object.keys(ob)])) {
      if (k !== 'src') walk(oa[k], ob[k], [...path, k]);
    }
  };
  walk(before, after, []);
  return out;
};
