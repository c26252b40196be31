import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../test/support/reports/clean-report.ts';
import { dec } from '../decimal.ts';
import { auditReport } from './index.ts';

const rowOf = (r: ReturnType<typeof cleanReport>, label: string) =>
  r.expenditureTable!.rows.find((x) => x.label === label)!;
const codes = (r: ReturnType<typeof cleanReport>) => auditReport(r).map((f) => `${f.rule}:${f.severity}`);

describe('finance table', () => {
  it('finds nothing in a consistent table', () => {
    expect(codes(cleanReport())).toEqual([]);
  });

  it('blames 基本支出 once when its parts and the totals agree without it', () => {
    const r = cleanReport();
    rowOf(r, '一、基本支出').final!.value = '698.75';
    const f = auditReport(r);
    expect(f.map((x) => x.rule)).toContain('finance.basic-split');
    expect(f.filter((x) => x.severity === 'error').map((x) => x.rule)).toEqual(['finance.basic-split']);
    expect(f[0]!.expected).toBe('688.75');
  });

  it('calls a one-cent difference of rounded figures 尾差 (info), never an error', () => {
    const r = cleanReport();
    rowOf(r, '人员经费').final!.value = '617.43';
    expect(codes(r)).toEqual(['finance.basic-split:info']);
  });

  it('blames 本年支出合计 when the nature rows and the economic rows agree', () => {
    const r = cleanReport();
    rowOf(r, '本年支出合计').final!.value = '3006.59';
    const f = auditReport(r).filter((x) => x.severity === 'error');
    expect(f.map((x) => x.rule)).toEqual(['finance.year-total']);
    expect(f[0]!.expected).toBe('3060.59');
  });

  it('blames the economic rows when they do not add up to the agreed total', () => {
    const r = cleanReport();
    rowOf(r, '八、对企业补助').final!.value = '846.00';
    const f = auditReport(r).filter((x) => x.severity === 'error');
    expect(f.map((x) => x.rule)).toEqual(['finance.economic-sum']);
  });

  it('checks 总计 = 本年支出合计 + 年末结转和结余', () => {
    const r = cleanReport();
    rowOf(r, '总计').adjusted!.value = '3102.77';
    expect(codes(r)).toEqual(['finance.grand-total:error']);
  });

  it('flags a component above its total', () => {
    const r = cleanReport();
    rowOf(r, '其中：基本建设类项目').final = { value: '2500.00' };
    expect(codes(r)).toEqual(['finance.component-exceeds:error']);
  });

  it('reports with no majority once', () => {
    const r = cleanReport();
    r.expenditureTable!.rows = r.expenditureTable!.rows.filter(
      (x) => x.key !== 'economic' && x.key !== 'economicTotal',
    );
    rowOf(r, '本年支出合计').budget!.value = '1527.66';
    expect(codes(r)).toEqual(['finance.year-total:error']);
  });
});

describe('any one wrong cell of the table', () => {
  it('is one error finding that points at it', () => {
    const cells = cleanReport().expenditureTable!.rows.flatMap((row, r) =>
      (['budget', 'adjusted', 'final'] as const).flatMap((c) => (row[c] ? [[r, c] as const] : [])),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cells), fc.integer({ min: 5, max: 50_000 }), ([r, c], cents) => {
        const report = cleanReport();
        const cell = report.expenditureTable!.rows[r]![c]!;
        cell.value = dec(cell.value).plus(dec(cents).div(100)).toFixed(2);
        const errors = auditReport(report).filter((f) => f.severity === 'error');
        expect(errors.map((f) => f.rule)).toHaveLength(1);
        expect(errors[0]!.locations).toContain(cell.src);
      }),
      { numRuns: 200 },
    );
  });
});
