import type { DepartmentReport } from './department-report.ts';
import type { ProjectReport } from './project-report.ts';

/**
 * A 部门整体 report with nothing in it: every part null or empty, no figure invented. Editors start
 * from it; tests and views override the parts they need (`{ ...emptyDepartmentReport(), year: … }`).
 */
export const emptyDepartmentReport = (
  format: DepartmentReport['meta']['format'] = 'editor',
): DepartmentReport => ({
  schemaVersion: 1,
  kind: 'department',
  title: null,
  year: null,
  frameworkId: null,
  department: { name: null, rank: null, extraNames: [], nature: null, jurisdiction: null },
  duties: { intro: null, items: [] },
  orgUnits: { statedCount: null, items: [] },
  staffing: {
    asOf: null,
    authorized: null,
    inService: null,
    contractStaff: null,
    other: null,
    retired: null,
  },
  work: { intro: null, sections: [] },
  income: null,
  expenditure: null,
  expenditureTable: null,
  threePublic: null,
  targets: null,
  conclusion: null,
  indicators: [],
  achievements: null,
  problems: { problems: null, causes: null, measures: null },
  otherNotes: null,
  meta: { format, encoding: null, warnings: [] },
});

/** A 项目支出 report with nothing in it but its layout (the standard form) and the unit of its funds. */
export const emptyProjectReport = (format: ProjectReport['meta']['format'] = 'editor'): ProjectReport => ({
  schemaVersion: 1,
  kind: 'project',
  layout: 'standard',
  title: null,
  year: null,
  frameworkId: null,
  formNo: null,
  project: { name: null, department: null, implementer: null },
  moneyUnit: { value: '万元' },
  funds: [],
  goal: { expected: null, actual: null },
  overview: null,
  indicators: [],
  statedTotal: null,
  statedGrade: null,
  conclusion: null,
  problems: null,
  measures: null,
  meta: { format, encoding: null, warnings: [] },
});
