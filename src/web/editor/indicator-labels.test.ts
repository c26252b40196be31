import { describe, expect, it } from 'vitest';
import { chineseNumeral, labelFor } from './indicator-labels.ts';

describe('indicator labels', () => {
  it('numbers headings as the form does', () => {
    expect([1, 3, 10, 12, 20, 23].map(chineseNumeral)).toEqual(['一', '三', '十', '十二', '二十', '二十三']);
    expect([labelFor(1, 0), labelFor(1, 2), labelFor(2, 0), labelFor(3, 4)]).toEqual([
      '（一）',
      '（三）',
      '1.',
      '（5）',
    ]);
  });
});
