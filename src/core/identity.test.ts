import { describe, expect, it } from 'vitest';
import { describeMismatches, identityMismatches } from './identity.ts';
import { emptyDepartmentReport, emptyProjectReport } from './model/empty-report.ts';
import type { Report } from './model/report.ts';

const dept = (name: string | null, year: number | null, extra: string[] = []): Report => ({
  ...emptyDepartmentReport(),
  year: year === null ? null : { value: year },
  department: {
    ...emptyDepartmentReport().department,
    name: name === null ? null : { value: name },
    extraNames: extra.map((value) => ({ value })),
  },
});

describe('does a file belong to the report it goes into', () => {
  it('the same unit (with or without the county in front, spaces aside) and year: nothing to say', () => {
    expect(identityMismatches(dept('示范县 教育局', 2023), { departmentName: '教育局', year: 2023 })).toEqual(
      [],
    );
    expect(identityMismatches(dept('示范县教育局', 2023), { departmentName: '示范县教育局' })).toEqual([]);
  });

  it('a file that names nothing is not a mismatch', () => {
    expect(identityMismatches(dept(null, null), { departmentName: '示范县教育局', year: 2023 })).toEqual([]);
  });

  it("another county's unit and another year are both said, in Chinese", () => {
    const m = identityMismatches(dept('邻县教育局', 2022), { departmentName: '示范县教育局', year: 2023 });
    expect(m).toEqual([
      { field: 'department', inFile: '邻县教育局', expected: '示范县教育局' },
      { field: 'year', inFile: '2022年度', expected: '2023年度' },
    ]);
    expect(describeMismatches(m)).toBe(
      '文件写的单位是“邻县教育局”，报告属于“示范县教育局”；文件写的是2022年度，报告是2023年度',
    );
  });

  it('one of the names the department carries (加挂牌子) is enough', () => {
    const doc = dept('示范县工业和信息化局', 2023, ['示范县科学技术局']);
    expect(identityMismatches(doc, { departmentName: '示范县科学技术局', year: 2023 })).toEqual([]);
  });

  it('a project form: its 主管部门 or 实施单位', () => {
    const doc: Report = {
      ...emptyProjectReport(),
      project: { name: { value: '路灯' }, department: { value: '示范县住建局' }, implementer: null },
    };
    expect(identityMismatches(doc, { departmentName: '示范县住建局' })).toEqual([]);
    expect(identityMismatches(doc, { departmentName: '示范县教育局' }).map((x) => x.field)).toEqual([
      'department',
    ]);
  });
});
