/** How indicator headings are compared: a report writes 预算编制情况 where the framework says 预算编制. */
import { keptByName } from '../kept.ts';

const PUNCT = /[\s“”"'‘’「」《》（）()【】[\]、，,。.:：;；·]/g;

/**
 * The comparable form of a heading: no spaces, quotes or punctuation, no trailing 情况. Reports use the
 * same few dozen indicator names over and over, so the forms are kept (a bounded cache).
 */
export const normalizeName = keptByName((name) => {
  const n = name.replace(PUNCT, '');
  return n.length > 2 && n.endsWith('情况') ? n.slice(0, -2) : n;
});

/** True when a report heading names the framework node (by its name or an alias). */
export const namesMatch = (
  heading: string,
  node: { name: string; aliases?: string[] | undefined },
): boolean => {
  const h = normalizeName(heading);
  return [node.name, ...(node.aliases ?? [])].some((n) => normalizeName(n) === h);
};
