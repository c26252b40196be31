/**
 * A small report document for the store's tests and benchmarks, composed with the test report builder.
 * The store does not look inside documents beyond keeping them; what matters is that it round-trips.
 */
import type { DepartmentReport, ProjectReport } from '../../../src/core/model/index.ts';
import { departmentReport, fact, money, node } from './build.ts';

export const sampleReport = (
  year = 2024,
  departmentName = '示例县农业农村局',
  statedTotal = '92.50',
): DepartmentReport => ({
  ...departmentReport(departmentName, year, 'editor'),
  department: {
    name: fact(departmentName),
    rank: fact('正科级'),
    extraNames: [],
    nature: null,
    jurisdiction: fact('示例县'),
  },
  duties: { intro: null, items: [{ no: 1, text: '负责全县农业产业发展规划的拟订与实施。' }] },
  orgUnits: { statedCount: fact(3), items: [fact('办公室'), fact('产业股'), fact('财务股')] },
  staffing: {
    asOf: null,
    authorized: fact(20),
    inService: fact(18),
    contractStaff: null,
    other: null,
    retired: null,
  },
  income: {
    year: fact(year),
    budget: money('1200.00'),
    adjusted: money('1350.50'),
    final: money('1310.25'),
    components: [],
  },
  conclusion: {
    notice: null,
    noticeNo: null,
    statedTotal: fact(statedTotal),
    statedGrade: fact('优'),
    text: `经自评，本单位${year}年度部门整体支出绩效自评得分${statedTotal}分。`,
  },
  indicators: [
    { ...node(1, '产出指标', '40', '38.5', { evidence: '各项任务基本按计划完成。' }), label: '（一）' },
  ],
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
