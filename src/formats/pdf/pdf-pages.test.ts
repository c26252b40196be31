import { describe, expect, it } from 'vitest';
import { mayHoldTable, type PdfText } from './pdf-pages.ts';

const t = (str: string, x: number, y: number, w: number, size = 12): PdfText => ({ str, x, y, w, size });

describe('mayHoldTable', () => {
  it('is false for prose: runs that follow one another or stand a space apart, lines under lines', () => {
    expect(mayHoldTable([])).toBe(false);
    const prose = [
      t('一、部门基本情况', 72, 700, 96),
      t('本部门', 96, 680, 36),
      t('共有', 132, 680, 24),
      t('2024', 156.2, 680.3, 24, 12),
      t('年', 183, 680, 12),
      t('单位', 72, 660, 24),
      // The last line of a paragraph ends short; the next begins at the margin.
      t('完成。', 72, 640, 36),
      t('二、', 72, 620, 24),
    ];
    expect(mayHoldTable(prose)).toBe(false);
  });

  it('is true when two texts of one line stand apart by more than half a character (cells of a row)', () => {
    const row = [t('项目名称', 80, 500, 48), t('金额', 200, 500.8, 24), t('说明', 300, 520, 24)];
    expect(mayHoldTable(row)).toBe(true);
    // Cell texts just clear of their borders and paddings.
    expect(mayHoldTable([t('合计', 80, 400, 24), t('120.5', 111, 400, 30)])).toBe(true);
    // Far apart in height is not one line.
    expect(mayHoldTable([t('合计', 80, 400, 24), t('120.5', 200, 390, 30)])).toBe(false);
  });
});
