/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; a
 * surrogate without its pair) removed from everything an Office writer is given. Word and Excel refuse
 * a file that holds one, and the libraries write them as they are, so each writer's entry point passes
 * its input through {@link xmlSafe} once.
 */

/** True for a UTF-16 code unit at `i` of `s` that XML cannot carry. */
const invalidAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c < 0xd800) return false;
  if (c < 0xdc00) {
    const next = s.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next < 0xe000);
  }
  if (c < 0xe000) {
    const prev = s.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev < 0xdc00);
  }
  return c === 0xfffe || c === 0xffff;
};

/** The string without the characters XML cannot carry (the same string when it has none). */
export const xmlText = (s: string): string => {
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    if (invalidAt(s, i)) {
      first = i;
      break;
    }
  }
  if (first < 0) return s;
  let out = s.slice(0, first);
  for (let i = first; i < s.length; i++) if (!invalidAt(s, i)) out += s[i];
  return out;
};

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of plain data (objects, arrays, strings) with every string through {@link xmlText}; other
 * values (numbers, dates, class instances) are kept as they are. Unchanged parts are shared, not copied.
 */
export const xmlSafe = <T>(value: T): T => {
  if (typeof value === 'string') return xmlText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const mapped = value.map((v) => xmlSafe(v));
    return (mapped.some((v, i) => v !== value[i]) ? mapped : value) as T;
  }
  if (!isPlain(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const safe = xmlSafe(v);
    if (safe !== v) changed = true;
    out[k] = safe;
  }
  return (changed ? out : value) as T;
};
