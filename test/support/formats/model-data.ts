/**
 * A report's data for comparison: without `src` (where each fact was read) and `meta` (how), decimal
 * strings in canonical form ("653.60" and "653.6" are the same amount). Used by round-trip tests.
 */
import { decString, isDecimalString } from '../../../src/core/decimal.ts';
import type { Report } from '../../../src/core/model/index.ts';

const DECIMAL_KEYS = new Set(['value']);

const strip = (v: unknown, key: string): unknown => {
  if (Array.isArray(v)) return v.map((x) => strip(x, ''));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'src' && k !== 'meta') out[k] = strip(x, k);
    return out;
  }
  if (typeof v === 'string' && DECIMAL_KEYS.has(key) && isDecimalString(v)) return decString(v);
  return v;
};

export const modelData = (r: Report): unknown => strip(r, '');
