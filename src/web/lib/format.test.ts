import { describe, expect, it } from 'vitest';
import { fmtDate, fmtDecimal, fmtScore, fmtWan } from './format.ts';

describe('zh-CN formats', () => {
  it('money in 万元 keeps 2 decimals, rounds half up and groups thousands', () => {
    expect(fmtWan('1747.985')).toBe('1,747.99 万元');
    expect(fmtWan('1234567')).toBe('1,234,567.00 万元');
    expect(fmtWan('-0.005')).toBe('-0.01 万元');
    expect(fmtWan(null)).toBe('—');
    expect(fmtWan('abc')).toBe('—');
  });
  it('scores show 2 decimals', () => {
    expect(fmtScore('98.2')).toBe('98.20');
    expect(fmtDecimal('2.345', 1)).toBe('2.3');
  });
  it('dates read the Chinese way', () => {
    expect(fmtDate('2024-03-05T08:00:00Z')).toMatch(/^2024年3月5日$/);
    expect(fmtDate('not a date')).toBe('—');
  });
});
