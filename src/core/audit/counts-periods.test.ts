import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../test/support/reports/clean-report.ts';
import { auditReport } from './index.ts';

const codes = (r: ReturnType<typeof cleanReport>) => auditReport(r).map((f) => `${f.rule}:${f.severity}`);

describe('counts and numbering', () => {
  it('checks a stated count against its list', () => {
    const r = cleanReport();
    r.orgUnits.statedCount!.value = 4;
    expect(codes(r)).toEqual(['counts.org-units:error']);
  });

  it('reports one mislabelled item once, and a gap once', () => {
    const r = cleanReport();
    r.duties.items[4]!.no = 6;
    expect(codes(r)).toEqual(['counts.duties-numbering:warning']);
    const g = cleanReport();
    g.duties.items = g.duties.items.filter((i) => i.no !== 9);
    expect(codes(g)).toEqual(['counts.duties-numbering:warning']);
  });

  it('reports a repeated number', () => {
    const r = cleanReport();
    r.work.sections.splice(3, 0, { ...r.work.sections[2]! });
    expect(codes(r)).toEqual(['counts.work-numbering:warning']);
  });

  it('warns when staff in service exceed the authorized number', () => {
    const r = cleanReport();
    r.staffing.inService!.value = 40;
    expect(codes(r)).toEqual(['staffing.over-authorized:warning']);
  });
});

describe('periods', () => {
  it('notes staffing counted at the start of the year, and warns earlier', () => {
    const r = cleanReport();
    r.staffing.asOf!.value = '2022-12-31';
    expect(codes(r)).toEqual(['period.staffing-as-of:info']);
    r.staffing.asOf!.value = '2021-12-31';
    expect(codes(r)).toEqual(['period.staffing-as-of:warning']);
  });

  it('warns about a scoring input of another year', () => {
    const r = cleanReport();
    r.indicators[1]!.children[1]!.children[2]!.inputs[0]!.year = 2022;
    expect(codes(r)).toEqual(['period.input-year:warning']);
  });

  it('warns about a table titled with another year', () => {
    const r = cleanReport();
    r.expenditureTable!.title = { value: '2022年部门整体支出（单位：万元）' };
    expect(codes(r)).toEqual(['period.figure-year:warning']);
  });
});
