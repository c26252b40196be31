/** How indicator headings are compared: a report writes 预算编制情况 where the framework says 预算编制. */

const PUNCT = /[\s“”"'‘’「」《》（）()【】[\]、，,。.:：;；·]/g;

/**
 * The comparable form of a heading: no spaces, quotes or punctuation, no trailing 情况. Reports use the
 * same few dozen indicator names over and over, so the forms are kept (a bounded cache).
 */
export const normalizeName = (name: string): string => {
  let key = normalized.get(name);
  if (key === undefined) {
    const n = name.replace(PUNCT, '');
    key = n.length > 2 && n.endsWith('情况') ? n.slice(0, -2) : n;
    if (normalized.size >= 10_000) normalized.clear();
    normalized.set(name, key);
  }
  return key;
};
const normalized = new Map<string, string>();

/** True when a report heading names the framework node (by its name or an alias). */
export const namesMatch = (
  heading: string,
  node: { name: string; aliases?: string[] | undefined },
): boolean => {
  const h = normalizeName(heading);
  return [node.name, ...(node.aliases ?? [])].some((n) => normalizeName(n) === h);
};
