/**
 * Two clean target tables composed for tests, the demo and the browser flows: a county 水利局's whole
 * department and one of its projects. Every check passes on them; tests change one cell at a time.
 */
import type { DepartmentTargetTable, ProjectTargetTable, TargetIndicator } from './table.ts';

const row = (
  id: string,
  level1: string,
  level2: string,
  name: string,
  nature: TargetIndicator['nature'],
  value: string,
  unit: string,
  weight: string,
): TargetIndicator => ({
  id,
  level1,
  level2,
  name,
  nature,
  value,
  unit,
  explanation: '',
  standard: '',
  weight,
  lastYearActual: null,
  belowLastYearReason: '',
});

export const sampleProjectTable = (): ProjectTargetTable => ({
  kind: 'project',
  schemaVersion: 1,
  year: 2026,
  labelSet: 'standard',
  projectName: '乡镇供水管网改造',
  attribute: '延续',
  department: '示例县水利局',
  implementer: '示例县农村供水服务中心',
  start: '2026-03',
  end: '2026-11',
  fundsTotal: '320',
  fundSources: [
    { label: '财政拨款', amount: '300' },
    { label: '其他资金', amount: '20' },
  ],
  basis: '县政府年度民生实事安排',
  schedule: [
    { content: '勘察设计与招标', start: '2026-03', end: '2026-04' },
    { content: '管网铺设与验收', start: '2026-05', end: '2026-11' },
  ],
  longTermGoal: '三年内完成全县老旧供水管网更新',
  goals: ['完成6个乡镇主干管网改造，受益群众稳定用水'],
  projectType: 'engineering',
  indicators: [
    row('p1', '产出指标', '数量指标', '改造主干管网长度', '≥', '42', '公里', '20'),
    row('p2', '产出指标', '质量指标', '工程验收合格率', '=', '100', '%', '15'),
    row('p3', '产出指标', '时效指标', '工程完工时间', '≤', '11', '月', '10'),
    row('p4', '成本指标', '经济成本指标', '每公里改造成本', '≤', '7.2', '万元', '15'),
    row('p5', '效益指标', '社会效益指标', '受益人口', '≥', '18000', '人', '15'),
    row('p6', '效益指标', '可持续影响指标', '供水保障水平', '定性', '明显提升', '', '15'),
    row('p7', '满意度指标', '服务对象满意度指标', '受益群众满意度', '≥', '90', '%', '10'),
  ],
});

export const sampleDepartmentTable = (): DepartmentTargetTable => ({
  kind: 'department',
  schemaVersion: 1,
  year: 2026,
  labelSet: 'standard',
  unitName: '示例县水利局',
  duties: ['负责全县水资源的统一管理和保护', '组织实施农村供水和小型水利工程建设'],
  funds: {
    income: {
      fiscal: { amount: '1180', share: '94.4' },
      other: { amount: '70', share: '5.6' },
      total: { amount: '1250', share: '100' },
    },
    expenditure: {
      basic: { amount: '830', share: '66.4' },
      project: { amount: '420', share: '33.6' },
      total: { amount: '1250', share: '100' },
    },
  },
  goals: ['保障机关正常运转', '完成农村供水工程建设任务', '做好汛期防汛值守'],
  indicators: [
    row('d1', '产出指标', '数量指标', '防汛巡查次数', '≥', '24', '次', '25'),
    row('d2', '产出指标', '时效指标', '汛情信息报送及时率', '≥', '98', '%', '15'),
    row('d3', '成本指标', '经济成本指标', '公用经费支出', '≤', '160', '万元', '15'),
    row('d4', '效益指标', '社会效益指标', '农村自来水普及率', '≥', '92', '%', '20'),
    row('d5', '效益指标', '生态效益指标', '水土流失治理成效', '定性', '持续改善', '', '15'),
    row('d6', '满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '10'),
  ],
});

/** An empty indicator row with a fresh id (ids only need to be unique within the table). */
export const blankIndicator = (id: string, level1 = '产出指标', level2 = '数量指标'): TargetIndicator =>
  row(id, level1, level2, '', '≥', '', '', '0');

/** A new table to fill in: the header empty, one row for each required 一级. */
export const blankTargetTable = (
  kind: 'department' | 'project',
  year: number,
): DepartmentTargetTable | ProjectTargetTable => {
  const indicators = [
    blankIndicator('n1', '产出指标', '数量指标'),
    blankIndicator('n2', '效益指标', '社会效益指标'),
    blankIndicator('n3', '满意度指标', '服务对象满意度指标'),
  ];
  const common = { schemaVersion: 1 as const, year, labelSet: 'standard', goals: [''], indicators };
  const cell = { amount: null, share: null };
  return kind === 'department'
    ? {
        kind,
        ...common,
        unitName: '',
        duties: [''],
        funds: {
          income: { fiscal: cell, other: cell, total: cell },
          expenditure: { basic: cell, project: cell, total: cell },
        },
      }
    : {
        kind,
        ...common,
        projectName: '',
        attribute: null,
        department: '',
        implementer: '',
        start: '',
        end: '',
        fundsTotal: null,
        fundSources: [
          { label: '财政拨款', amount: null },
          { label: '其他资金', amount: null },
        ],
        basis: '',
        schedule: [],
        longTermGoal: '',
        projectType: null,
      };
};
