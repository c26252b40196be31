import { describe, expect, it } from 'vitest';
import { rescoreNote, rescoreOptions } from './rescore-options.ts';

const leaf = (path: string, weight: string, computed: string | null) => ({
  path,
  weight,
  computed,
  children: [],
});
const fmt = (v: string | null) => v ?? '—';

describe('rescoreOptions', () => {
  it('offers every leaf of a report scored by its own stated tree (no framework fits)', () => {
    // The stated tree's nodes carry no rule at all: a choice by rule offered nothing (seen in the walk).
    const tree = [
      {
        path: '预算编制情况',
        weight: '20',
        computed: '18',
        children: [
          leaf('预算编制情况 / 预算编制合理性', '4', '3'),
          leaf('预算编制情况 / 预算编制规范性', '4', '4'),
        ],
      },
      leaf('效果性', '20', '20'),
    ];
    expect(rescoreOptions(tree, fmt)).toEqual([
      { value: '预算编制情况 / 预算编制合理性', label: '预算编制情况 / 预算编制合理性（3/4）' },
      { value: '预算编制情况 / 预算编制规范性', label: '预算编制情况 / 预算编制规范性（4/4）' },
      { value: '效果性', label: '效果性（20/20）' },
    ]);
  });

  it('offers no parent, whose score is the sum of its children', () => {
    const tree = [{ path: 'A', weight: '10', computed: '9', children: [leaf('A / b', '10', '9')] }];
    expect(rescoreOptions(tree, fmt).map((o) => o.value)).toEqual(['A / b']);
  });
});

describe('rescoreNote', () => {
  it('says why nothing can be chosen, and what a stated tree means', () => {
    expect(rescoreNote('stated', 0)).toContain('没有读到各项指标的得分');
    expect(rescoreNote('stated', 3)).toContain('未找到适用的指标体系');
    expect(rescoreNote('framework', 3)).toBeNull();
  });
});
