/**
 * zh-CN display of numbers, money and dates. Money and scores arrive as decimal strings and are rounded
 * with the core's half-up decimals, never through binary floats; only the grouping is done here.
 */
import { decFixed, isDecimalString } from '../../core/decimal.ts';

/** Groups the integer part with commas: "1234567.80" → "1,234,567.80". */
const group = (fixed: string): string => {
  const neg = fixed.startsWith('-');
  const [int = '', frac] = (neg ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
};

/** A decimal with `places` decimals, grouped; '—' for empty or unreadable values. */
export const fmtDecimal = (v: string | null | undefined, places = 2): string =>
  v !== null && v !== undefined && isDecimalString(v) ? group(decFixed(v, places)) : '—';

/** 万元 with 2 decimals: "1747.985" → "1,747.99 万元". */
export const fmtWan = (v: string | null | undefined): string => {
  const s = fmtDecimal(v, 2);
  return s === '—' ? s : `${s} 万元`;
};

/** A score with 2 decimals ("98.2" → "98.20"). */
export const fmtScore = (v: string | null | undefined): string => fmtDecimal(v, 2);

const dateFmt = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const toDate = (v: string | number | Date): Date | null => {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** 2024年3月5日 */
export const fmtDate = (v: string | number | Date | null | undefined): string => {
  const d = v === null || v === undefined ? null : toDate(v);
  return d ? dateFmt.format(d) : '—';
};

/** 2024/03/05 14:07 */
export const fmtDateTime = (v: string | number | Date | null | undefined): string => {
  const d = v === null || v === undefined ? null : toDate(v);
  return d ? dateTimeFmt.format(d) : '—';
};

/** A whole count: 1,234 */
export const fmtCount = (n: number): string => n.toLocaleString('zh-CN');

/** A share in percent with one decimal: 0.4567 → "45.7%". */
export const fmtPercent = (share: number): string => `${(share * 100).toFixed(1)}%`;
