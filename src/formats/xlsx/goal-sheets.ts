/** The 绩效目标 and 目标实现情况 tables as worksheets: texts as written, plus their numbers as numbers. */
import type { Worksheet } from 'exceljs';
import type { DepartmentReport, Measure } from '../../core/model/index.ts';
import type { Scores } from '../document/blocks/render-input.ts';
import { headerRow, titleRow } from './sheet-style.ts';

const num = (m: Measure): number | null => (m.value === null ? null : Number(m.value));

export const addTargetsSheet = (ws: Worksheet, r: DepartmentReport): void => {
  const t = r.targets;
  if (!t) return;
  titleRow(ws, t.title?.value ?? `${r.year?.value ?? ''}年部门整体支出绩效目标表`, 6);
  headerRow(ws, ['序号', '绩效目标', '目标值', '比较', '目标数值', '单位']);
  t.rows.forEach((row, i) => {
    ws.addRow([
      row.no?.value ?? i + 1,
      row.name.value,
      row.target.text,
      row.target.op,
      num(row.target),
      row.target.unit,
    ]);
  });
  ws.columns = [{ width: 6 }, { width: 40 }, { width: 14 }, { width: 6 }, { width: 12 }, { width: 8 }];
};

export const addAchievementsSheet = (ws: Worksheet, r: DepartmentReport, scores?: Scores): void => {
  const t = r.achievements;
  if (!t) return;
  titleRow(ws, t.title?.value ?? `${r.year?.value ?? ''}年部门整体绩效目标实现情况表`, 8);
  headerRow(ws, ['序号', '绩效目标', '目标值', '完成值', '完成情况', '目标数值', '完成数值', '单位']);
  t.rows.forEach((row, i) => {
    ws.addRow([
      row.no?.value ?? i + 1,
      row.name.value,
      row.target.text,
      row.actual.text,
      scores?.achievementStatuses?.[i] ?? row.status?.value ?? null,
      num(row.target),
      num(row.actual),
      row.actual.unit ?? row.target.unit,
    ]);
  });
  ws.columns = [
    { width: 6 },
    { width: 40 },
    { width: 14 },
    { width: 14 },
    { width: 10 },
    { width: 12 },
    { width: 12 },
    { width: 8 },
  ];
};
