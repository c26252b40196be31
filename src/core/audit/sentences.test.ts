import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanReport, money } from '../../../test/support/reports/clean-report.ts';
import { dec } from '../decimal.ts';
import type { Money } from '../model/index.ts';
import { auditReport } from './index.ts';

const codes = (r: ReturnType<typeof cleanReport>) => auditReport(r).map((f) => `${f.rule}:${f.severity}`);

describe('income and expenditure sentences', () => {
  it('accepts the convention where the income total includes 年初结转和结余', () => {
    const r = cleanReport();
    r.income!.final = money('3100.77');
    expect(codes(r)).toEqual([]);
  });

  it('flags a part larger than the total it belongs to', () => {
    const r = cleanReport();
    r.income!.final = money('3039.92');
    expect(codes(r)).toEqual(['income.total:error']);
  });

  it('reads the table in the unit the text shows, reporting a wrong label once', () => {
    const r = cleanReport();
    r.expenditureTable!.unit!.value = '元';
    expect(codes(r)).toEqual(['units.table-label:error']);
  });

  it('accepts a table in 元 under a 元 label', () => {
    const r = cleanReport();
    for (const row of r.expenditureTable!.rows)
      for (const c of ['budget', 'adjusted', 'final'] as const) {
        const a = row[c];
        if (a) a.value = (Number(a.value) * 10000).toFixed(2);
      }
    r.expenditureTable!.unit!.value = '元';
    expect(codes(r)).toEqual([]);
  });
});

describe('三公经费', () => {
  it('checks the sentence against a budget it states itself', () => {
    const r = cleanReport();
    r.threePublic!.budget = money('20.00');
    expect(codes(r)).toEqual([]);
    r.threePublic!.budget = money('22.00');
    expect(codes(r)).toEqual(['three-public.budget:error']);
  });

  it('checks the parts against the total', () => {
    const r = cleanReport();
    r.threePublic!.parts = [
      { name: '公务用车运行维护费', amount: money('8.00') },
      { name: '公务接待费', amount: money('4.63') },
    ];
    expect(codes(r)).toEqual(['three-public.parts:error']);
  });
});

describe('the 其中 parts of the expenditure sentence', () => {
  it('may name only some parts when the table holds the rest', () => {
    const r = cleanReport();
    const rows = r.expenditureTable!.rows;
    const business = {
      key: 'business' as const,
      code: null,
      label: '四、经营支出',
      budget: null,
      adjusted: null,
      final: { value: '100.00' },
    };
    rows.splice(5, 0, business);
    for (const key of ['yearTotal', 'economicTotal'] as const)
      rows.find((x) => x.key === key)!.final!.value = '3160.59';
    rows.find((x) => x.label === '八、对企业补助')!.final!.value = '937.00';
    rows.find((x) => x.key === 'grandTotal')!.final!.value = '3200.77';
    r.expenditure!.final = money('3160.59');
    r.income!.final = money('3193.92');
    r.income!.components[0]!.final = money('3193.92');
    expect(codes(r)).toEqual([]);
  });
});

describe('income components said once', () => {
  it('reads a component given one figure without a column word into every column', () => {
    const r = cleanReport();
    const inc = r.income!;
    inc.budget = money('1541.16');
    inc.adjusted = money('3117.42');
    inc.final = money('3117.42');
    inc.components[0]!.adjusted = money('3093.92');
    inc.components.push({
      key: 'other',
      name: '其他收入',
      budget: money('23.50'),
      adjusted: null,
      final: null,
    });
    // 本年收入 3117.42 + 6.85 must still equal the table's 总计: the table grows by 23.50 too.
    const rows = r.expenditureTable!.rows;
    for (const key of ['yearTotal', 'economicTotal'] as const)
      rows.find((x) => x.key === key)!.final!.value = '3084.09';
    rows.find((x) => x.label === '二、项目支出')!.final!.value = '2395.34';
    rows.find((x) => x.label === '八、对企业补助')!.final!.value = '860.50';
    rows.find((x) => x.key === 'grandTotal')!.final!.value = '3124.27';
    r.expenditure!.final = money('3084.09');
    r.expenditure!.parts[1]!.amount = money('2395.34');
    const f = codes(r).filter((c) => c.startsWith('income.'));
    expect(f).toEqual([]);
  });
});

describe('any one wrong figure of the income and expenditure sentences', () => {
  // 调整预算数 of income is left out: no 其中 part states one, so nothing can contradict it.
  it('is one error finding that points at it', () => {
    type R = ReturnType<typeof cleanReport>;
    const figures: ((r: R) => Money | null)[] = [
      (r) => r.income!.budget,
      (r) => r.income!.final,
      (r) => r.income!.components[0]!.final,
      (r) => r.income!.components[1]!.final,
      (r) => r.expenditure!.budget,
      (r) => r.expenditure!.final,
      (r) => r.expenditure!.parts[0]!.amount,
      (r) => r.expenditure!.parts[1]!.amount,
      (r) => r.expenditure!.carryOverEnd,
    ];
    fc.assert(
      fc.property(fc.nat(figures.length - 1), fc.integer({ min: 5, max: 50_000 }), (i, cents) => {
        const r = cleanReport();
        const m = figures[i]!(r)!;
        m.value = dec(m.value).plus(dec(cents).div(100)).toFixed(2);
        const errors = auditReport(r).filter((f) => f.severity === 'error');
        expect(errors.map((f) => f.rule)).toHaveLength(1);
        expect(errors[0]!.locations).toContain(m.src);
      }),
      { numRuns: 200 },
    );
  });
});
