/**
 * A 绩效目标申报表 as a grid of cells (the shape the project form writers take): the header block of its
 * kind (DOMAIN-CYCLE §1.1 A and C), 年度目标, then the indicator grid with 指标性质, 指标值, 计量单位, 指标解释,
 * 评(扣)分标准 and 权重. Reading a written table gives back the same model data (target-tables.test.ts).
 */

import type { TargetTable } from '../../core/targets/table.ts';
import { TARGET_KIND_LABELS } from '../../core/targets/vocab.ts';
import type { FormCell, FormGrid, FormRow } from '../project/form-rows.ts';

export const COLUMNS = 9;
export const GRID_HEADER = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标性质',
  '指标值',
  '计量单位',
  '指标解释',
  '评(扣)分标准',
  '权重',
] as const;

const h = (text: string, span = 1): FormCell => ({ text, span, head: true });
const c = (text: string, span = 1): FormCell => ({ text, span });
const pair = (label: string, value: string): FormRow => [h(label, 2), c(value, COLUMNS - 2)];
const amount = (a: string | null): string => a ?? '';

const headerRows = (t: TargetTable): FormRow[] => {
  if (t.kind === 'department') {
    const { income, expenditure } = t.funds;
    return [
      pair('部门(单位)名称', t.unitName),
      pair('部门职能概述', t.duties.map((d, i) => `${i + 1}. ${d}`).join('\n')),
      [
        h('收入构成', 2),
        h('财政拨款'),
        c(amount(income.fiscal.amount)),
        h('其他资金'),
        c(amount(income.other.amount)),
        h('合计'),
        c(amount(income.total.amount), 2),
      ],
      [
        h('支出构成', 2),
        h('基本支出'),
        c(amount(expenditure.basic.amount)),
        h('项目支出'),
        c(amount(expenditure.project.amount)),
        h('合计'),
        c(amount(expenditure.total.amount), 2),
      ],
    ];
  }
  return [
    pair('项目名称', t.projectName),
    pair('项目属性', t.attribute ?? ''),
    pair('主管部门', t.department),
    pair('项目实施单位', t.implementer),
    pair('项目起止时间', `${t.start}至${t.end}`),
    pair('资金总额(万元)', amount(t.fundsTotal)),
    ...t.fundSources.map((s) => pair(`其中：${s.label}`, amount(s.amount))),
    pair('立项依据', t.basis),
    ...t.schedule.map((s, i) => pair(`实施进度${i + 1}`, `${s.content}｜${s.start}至${s.end}`)),
    pair('中长期目标', t.longTermGoal),
  ];
};

export const targetTitle = (t: TargetTable): string => `${TARGET_KIND_LABELS[t.kind]}（${t.year}年度）`;

export const targetFormGrid = (t: TargetTable): FormGrid => ({
  title: [targetTitle(t), '金额单位：万元'],
  columns: COLUMNS,
  rows: [
    ...headerRows(t),
    pair(
      t.kind === 'department' ? '年度总体目标' : '年度目标',
      t.goals.map((g, i) => `目标${i + 1}：${g}`).join('\n'),
    ),
    GRID_HEADER.map((x) => h(x)),
    ...t.indicators.map((i) =>
      [
        i.level1,
        i.level2,
        i.name,
        i.nature ?? '',
        i.value,
        i.unit,
        i.explanation,
        i.standard,
        i.weight ?? '',
      ].map((x) => c(x)),
    ),
  ],
});
