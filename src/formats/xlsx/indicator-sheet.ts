/**
 * The scored indicator tree as a worksheet: one row per node, its name in the column of its level,
 * weight, stated score and computed score. A parent's computed score is a SUM formula over its
 * children (parents are sums of rounded children), cached with the exact sum.
 */
import type { Worksheet } from 'exceljs';
import { dec, decString } from '../../core/decimal.ts';
import type { DepartmentReport, IndicatorNode } from '../../core/model/index.ts';
import type { ScoredNode, Scores } from '../document/blocks/render-input.ts';
import { headerRow, titleRow } from './sheet-style.ts';

const SCORE_FORMAT = '0.00';

export const addIndicatorSheet = (ws: Worksheet, r: DepartmentReport, scores?: Scores): void => {
  titleRow(ws, '绩效自评指标评分', 7);
  headerRow(ws, ['序号', '一级指标', '二级指标', '三级指标', '分值', '自评得分', '计算得分']);
  /** Adds a node's row (and its subtree); returns its row number and computed score. */
  const add = (
    node: IndicatorNode,
    scored: ScoredNode | undefined,
  ): { row: number; score: string | null } => {
    const names = ['', '', ''];
    names[node.level - 1] = node.name;
    const row = ws.addRow([
      node.label,
      ...names,
      node.weight ? Number(node.weight.value) : null,
      node.statedScore ? Number(node.statedScore.value) : null,
      null,
    ]);
    const kids = node.children.map((c, i) => add(c, scored?.children[i]));
    const cell = row.getCell(7);
    if (kids.length) {
      const total = kids.reduce((acc, k) => acc.plus(k.score ?? 0), dec(0));
      cell.value = {
        formula: `SUM(${kids.map((k) => `G${k.row}`).join(',')})`,
        result: Number(decString(total)),
      };
      row.font = { bold: node.level === 1 };
      return { row: row.number, score: decString(total) };
    }
    const score = scored?.score ?? node.statedScore?.value ?? null;
    cell.value = score === null ? null : Number(score);
    return { row: row.number, score };
  };
  const tops = r.indicators.map((n, i) => add(n, scores?.indicators[i]));
  const total = ws.addRow(['', '合计', '', '', null, null, null]);
  total.font = { bold: true };
  const refs = (col: string) => tops.map((t) => `${col}${t.row}`).join(',');
  const sumOf = (xs: (string | null | undefined)[]) =>
    Number(decString(xs.reduce((a, x) => a.plus(x ?? 0), dec(0))));
  if (tops.length) {
    total.getCell(5).value = {
      formula: `SUM(${refs('E')})`,
      result: sumOf(r.indicators.map((n) => n.weight?.value)),
    };
    total.getCell(6).value = {
      formula: `SUM(${refs('F')})`,
      result: sumOf(r.indicators.map((n) => n.statedScore?.value)),
    };
    total.getCell(7).value = { formula: `SUM(${refs('G')})`, result: sumOf(tops.map((t) => t.score)) };
  }
  if (scores)
    ws.addRow([
      '',
      '等级',
      '',
      '',
      null,
      r.conclusion?.statedGrade?.value ?? null,
      scores.gradeLabel ?? scores.grade,
    ]);
  for (let i = 3; i <= ws.rowCount; i++)
    for (const c of [5, 6, 7]) ws.getRow(i).getCell(c).numFmt = SCORE_FORMAT;
  ws.columns = [
    { width: 6 },
    { width: 18 },
    { width: 18 },
    { width: 26 },
    { width: 8 },
    { width: 10 },
    { width: 10 },
  ];
};
