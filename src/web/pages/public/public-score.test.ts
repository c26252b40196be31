import { describe, expect, it } from 'vitest';
import { listedTotal, publicScoreWords, reviewedWords } from './public-score.ts';

describe('publicScoreWords', () => {
  it('does not call a total that was not recomputed 重算得分', () => {
    // Seen in the walk: a published report no framework fits showed “重算得分 88.50”.
    const w = publicScoreWords('stated');
    expect(w.total).toBe('按所填得分合计');
    expect(w.note).toContain('未重新计分');
  });

  it('keeps 重算得分 for a report a framework scored', () => {
    expect(publicScoreWords('framework')).toEqual({ total: '重算得分', note: null });
  });
});

describe('reviewedWords', () => {
  it('says in words that the bureau changed nothing, instead of “— —”', () => {
    expect(reviewedWords(null)).toBe('未调整');
    expect(reviewedWords('88.5')).toBeNull();
  });
});

describe('listedTotal', () => {
  const fmt = (v: string) => Number(v).toFixed(2);
  it('shows the stated total, marked, when nothing was recomputed (not “—” beside 良)', () => {
    expect(listedTotal(null, '88.5', fmt)).toBe('88.50（按所填）');
  });
  it('shows the recomputed total when there is one, and “—” when there is none at all', () => {
    expect(listedTotal('91', '90', fmt)).toBe('91.00');
    expect(listedTotal(null, null, fmt)).toBe('—');
  });
});
