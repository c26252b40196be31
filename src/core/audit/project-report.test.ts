/** Audit of 项目支出绩效自评表: a clean composed form, then one fault at a time, and the formula as a property. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanProject } from '../../../test/fixtures/project/project-test-report.ts';
import { decString, roundHalfUp } from '../decimal.ts';
import type { ProjectReport } from '../model/index.ts';
import { quantitativeScore } from '../scoring/index.ts';
import { isAuditRule } from './catalogue.ts';
import { auditReport } from './index.ts';
import { auditProjectReport } from './project-report.ts';

const rules = (r: ProjectReport) => auditProjectReport(r).map((f) => f.rule);
const by = (r: ProjectReport, name: string) => r.indicators.find((i) => i.name.value === name)!;
const set = (f: { value: string } | null, value: string) => {
  if (f) f.value = value;
};

describe('project audit', () => {
  it('finds nothing in the clean form (through auditReport too)', () => {
    expect(auditProjectReport(cleanProject())).toEqual([]);
    expect(auditReport(cleanProject())).toEqual([]);
  });

  const faults: [string, (r: ProjectReport) => void, string[]][] = [
    ['执行率 not 全年执行数/全年预算数', (r) => set(r.funds[0]!.rate, '96.00'), ['project.rate-mismatch']],
    [
      '其中 rows not adding up',
      (r) => set(r.funds[1]!.final, '80.00'),
      ['project.fund-sum', 'project.rate-mismatch'],
    ],
    [
      '预算执行率 score not 10 × rate',
      (r) => set(r.funds[0]!.score, '10'),
      ['project.rate-score', 'project.total-mismatch'],
    ],
    [
      '预算执行率 weight not 10',
      (r) => set(r.funds[0]!.weight, '5'),
      ['project.rate-score', 'project.rate-weight'],
    ],
    [
      'a positive score above its formula',
      (r) => set(by(r, '器材完好率').score, '20'),
      ['project.score-formula', 'project.total-mismatch'],
    ],
    [
      'a reverse indicator over its ceiling, scored full, unexplained',
      (r) => {
        const i = by(r, '每套平均成本');
        i.actual = { text: '0.6万元', op: null, value: '0.6', unit: '万元' };
      },
      ['project.score-formula', 'project.deviation-missed'],
    ],
    [
      'a missed target without 偏差原因',
      (r) => {
        by(r, '器材完好率').deviation = null;
      },
      ['project.deviation-missed'],
    ],
    [
      'a target exceeded by 30% without 偏差原因',
      (r) => {
        by(r, '更新器材套数').actual = { text: '260套', op: null, value: '260', unit: '套' };
      },
      ['project.deviation-exceeded'],
    ],
    [
      'a qualitative score outside its band',
      (r) => set(by(r, '日常维护机制').score, '7'),
      ['project.score-band', 'project.total-mismatch'],
    ],
    [
      'a score above its weight',
      (r) => set(by(r, '居民满意度').score, '12'),
      ['project.score-range', 'project.total-mismatch'],
    ],
    [
      'weights not adding up to 90',
      (r) => {
        set(by(r, '居民满意度').weight, '15');
        set(by(r, '居民满意度').score, '15');
      },
      ['project.weights-total', 'project.total-mismatch'],
    ],
    [
      'units that cannot be compared',
      (r) => {
        by(r, '器材完好率').actual = { text: '85个', op: null, value: '85', unit: '个' };
      },
      ['project.unit-mismatch'],
    ],
    [
      'money units are converted, not a clash (0.6万元 = 6000元 over a ≤0.5万元 ceiling)',
      (r) => {
        by(r, '每套平均成本').actual = { text: '6000元', op: null, value: '6000', unit: '元' };
        set(by(r, '每套平均成本').score, '12');
        by(r, '每套平均成本').deviation = { value: '材料涨价。' };
        set(r.statedTotal, '95.39');
      },
      [],
    ],
    ['a stated total not the sum', (r) => set(r.statedTotal, '97.00'), ['project.total-mismatch']],
    ['a grade not fitting the total', (r) => set(r.statedGrade, '良'), ['project.grade-mismatch']],
    [
      '四川: execution below 90% without 原因',
      (r) => {
        r.layout = 'sichuan';
        set(r.funds[0]!.final, '85.00');
        set(r.funds[0]!.rate, '85.00');
        set(r.funds[0]!.score, '8.50');
        set(r.funds[1]!.final, '76.00');
        set(r.funds[1]!.rate, '84.44');
        set(r.statedTotal, '97.39');
      },
      ['project.rate-reason-missing'],
    ],
  ];
  for (const [what, breakIt, expected] of faults) {
    it(what, () => {
      const r = cleanProject();
      breakIt(r);
      expect(rules(r).sort()).toEqual([...expected].sort());
      expect(rules(r).filter((code) => !isAuditRule(code))).toEqual([]);
    });
  }

  it('a narrative report weighs its own tree to 100 (less a 预算执行率 row it weighs apart)', () => {
    const narrative = (): ProjectReport => ({ ...cleanProject(), layout: 'narrative' });
    const rateRow = narrative();
    expect(rules(rateRow)).not.toContain('project.weights-total');
    const noRate = narrative();
    for (const f of noRate.funds) f.weight = null;
    expect(rules(noRate)).toContain('project.weights-total');
    set(by(noRate, '居民满意度').weight, String(Number(by(noRate, '居民满意度').weight!.value) + 10));
    expect(rules(noRate)).not.toContain('project.weights-total');
  });

  it('findings carry Chinese messages and point at the cells', () => {
    const r = cleanProject();
    set(by(r, '器材完好率').score, '20');
    const f = auditProjectReport(r).find((x) => x.rule === 'project.score-formula')!;
    expect(f.message).toMatch(/「器材完好率」为正向指标.*应为 18\.89，填写 20/);
    expect(f.locations?.[0]).toBe(by(r, '器材完好率').score?.src);
  });
});

describe('the audit agrees with the scoring formula', () => {
  const amount = fc.integer({ min: 0, max: 100000 }).map((n) => decString(n / 100));
  const row = fc.record({
    op: fc.constantFrom('≥', '≤', '=') satisfies fc.Arbitrary<'≥' | '≤' | '='>,
    T: amount,
    A: amount,
    W: fc.integer({ min: 1, max: 30 }).map(String),
  });

  it('the formula score is never flagged; any other score is', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 99 }), ({ op, T, A, W }, off) => {
        const r = cleanProject();
        const i = r.indicators[0]!;
        i.target = { text: `${op}${T}`, op, value: T, unit: null };
        i.actual = { text: A, op: null, value: A, unit: null };
        i.weight = { value: W };
        const dir = op === '≥' ? 'positive' : op === '≤' ? 'reverse' : 'equal';
        const s = roundHalfUp(quantitativeScore(dir, roundHalfUp(T), roundHalfUp(A), roundHalfUp(W)));
        i.score = { value: decString(s) };
        const formula = (x: ProjectReport) => rules(x).filter((k) => k === 'project.score-formula');
        expect(formula(r)).toEqual([]);
        const other = s.plus(off / 100);
        if (other.lte(W)) {
          i.score = { value: decString(other) };
          expect(formula(r)).toEqual(['project.score-formula']);
        }
      }),
      { numRuns: 300 },
    );
  });
});
