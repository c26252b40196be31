/**
 * A small report document composed for the store's tests and benchmarks (not read from any real report).
 * The store does not look inside documents beyond keeping them; what matters is that it round-trips.
 */
import type { DepartmentReport, ProjectReport } from '../../../src/core/model/index.ts';

export const sampleReport = (
  year = 2024,
  departmentName = '示例县农业农村局',
  statedTotal = '92.50',
): DepartmentReport => ({
  schemaVersion: 1,
  kind: 'department',
  title: { value: `${departmentName}${year}年度部门整体支出绩效自评报告` },
  year: { value: year },
  frameworkId: null,
  department: {
    name: { value: departmentName },
    rank: { value: '正科级' },
    extraNames: [],
    nature: null,
    jurisdiction: { value: '示例县' },
  },
  duties: { intro: null, items: [{ no: 1, text: '负责全县农业产业发展规划的拟订与实施。' }] },
  orgUnits: {
    statedCount: { value: 3 },
    items: [{ value: '办公室' }, { value: '产业股' }, { value: '财务股' }],
  },
  staffing: {
    asOf: null,
    authorized: { value: 20 },
    inService: { value: 18 },
    contractStaff: null,
    other: null,
    retired: null,
  },
  work: { intro: null, sections: [] },
  income: {
    year: { value: year },
    budget: { value: '1200.00', unit: '万元' },
    adjusted: { value: '1350.50', unit: '万元' },
    final: { value: '1310.25', unit: '万元' },
    components: [],
  },
  expenditure: null,
  expenditureTable: null,
  threePublic: null,
  targets: null,
  conclusion: {
    notice: null,
    noticeNo: null,
    statedTotal: { value: statedTotal },
    statedGrade: { value: '优' },
    text: `经自评，本单位${year}年度部门整体支出绩效自评得分${statedTotal}分。`,
  },
  indicators: [
    {
      level: 1,
      label: '（一）',
      name: '产出指标',
      weight: { value: '40' },
      statedScore: { value: '38.5' },
      evidence: '各项任务基本按计划完成。',
      inputs: [],
      children: [],
    },
  ],
  achievements: null,
  problems: { problems: null, causes: null, measures: null },
  otherNotes: null,
  meta: { format: 'editor', encoding: null, warnings: [] },
});

/** A small 项目支出绩效自评表 document, composed for tests. */
export const sampleProjectReport = (year = 2024, projectName = '高标准农田建设'): ProjectReport => ({
  schemaVersion: 1,
  kind: 'project',
  layout: 'standard',
  title: { value: `${year}年度项目支出绩效自评表` },
  year: { value: year },
  frameworkId: null,
  formNo: null,
  project: { name: { value: projectName }, department: { value: '示例县农业农村局' }, implementer: null },
  moneyUnit: { value: '万元' },
  funds: [],
  goal: { expected: { value: '完成年度建设任务。' }, actual: { value: '已按期完成。' } },
  overview: null,
  indicators: [],
  statedTotal: { value: '90' },
  statedGrade: { value: '优' },
  conclusion: null,
  problems: null,
  measures: null,
  meta: { format: 'editor', encoding: null, warnings: [] },
});
