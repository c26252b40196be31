import { describe, expect, it } from 'vitest';
import sample from '../../../test/fixtures/score/sample-report.json' with { type: 'json' };
import { emptyDepartmentReport, emptyProjectReport } from '../../core/model/empty-report.ts';
import { setAt } from '../lib/paths.ts';
import { diffDocuments } from './diff.ts';

const doc = {
  threePublic: { actual: { value: '19.85', unit: '万元', src: { line: 3, raw: '19.85万元' } } },
  indicators: [{ name: '预算编制', statedScore: { value: '8' }, children: [], evidence: '' }],
  meta: { warnings: [] },
};

describe('version differences', () => {
  it('lists each changed value with a readable place, ignoring where values were read from', () => {
    let next = setAt(doc, ['threePublic', 'actual', 'value'], '18.85');
    next = setAt(next, ['threePublic', 'actual', 'src'], { line: 9, raw: 'x' });
    next = setAt(next, ['indicators', 0, 'statedScore'], { value: '7.5' });
    next = setAt(next, ['meta', 'warnings'], [{ rule: 'x' }]);
    expect(diffDocuments(doc, next)).toEqual([
      { path: ['threePublic', 'actual'], label: '三公经费 · 实际', before: '19.85万元', after: '18.85万元' },
      {
        path: ['indicators', 0, 'statedScore'],
        label: '指标 · 预算编制 · 自评得分',
        before: '8',
        after: '7.5',
      },
    ]);
  });
  it('the same document has no differences; an added row is one', () => {
    expect(diffDocuments(doc, structuredClone(doc))).toEqual([]);
    const added = setAt(doc, ['indicators', 1], {
      name: '新指标',
      statedScore: null,
      children: [],
      evidence: '',
    });
    expect(diffDocuments(doc, added).map((c) => c.label)).toEqual(['指标 · 新指标']);
  });

  it('names every place in Chinese, never by a field code', () => {
    const staffing = setAt(sample, ['staffing', 'inService'], { value: 99 });
    expect(diffDocuments(sample, staffing).map((c) => c.label)).toEqual(['人员编制 · 在职人数']);
    const labels = [
      ...diffDocuments(sample, emptyDepartmentReport()),
      ...diffDocuments(emptyDepartmentReport(), sample),
      ...diffDocuments(sample, emptyProjectReport()),
    ].map((c) => c.label);
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((l) => /[A-Za-z]/.test(l))).toEqual([]);
  });
});
