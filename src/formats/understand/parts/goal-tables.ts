/** 绩效目标表 and 绩效目标实现情况表: numbered goals with their target (and actual, status) values. */
import type { AchievementRow, IntFact, Measure, TargetRow, TextFact } from '../../../core/model/index.ts';
import { type Piece, type Row, srcOf, type Table } from '../blocks.ts';
import { parseMeasure } from '../numbers.ts';
import { type ReadContext, warn } from './context.ts';
import { type ColumnKey, columnsOf, isEmptyRow, textOf } from './tables.ts';

type Goals<R> = { title: TextFact | null; rows: R[] };

// Fields copied by name: spreading the parsed measure was the slowest line of reading a report.
const measureOf = (cell: Piece | undefined): Measure => {
  if (!cell) return { text: '', op: null, value: null, unit: null };
  const { text, op, value, unit } = parseMeasure(cell.text);
  return { text, op, value, unit, src: srcOf(cell) };
};

const noOf = (ctx: ReadContext, cell: Piece | undefined, what: string): IntFact | null => {
  if (!cell?.text) return null;
  const t = cell.text.replace(/[.、．]$/, '');
  if (/^\d+$/.test(t)) return { value: Number(t), src: srcOf(cell) };
  warn(ctx, 'read.cell-not-number', `${what}的序号“${cell.text}”不是整数`, [srcOf(cell)]);
  return null;
};

/** Column positions: from the header, else the usual order 序号 | 目标 | 目标值 | 完成值 | 完成情况. */
const layout = (table: Table): { header: Row | null; col: (k: ColumnKey) => number | undefined } => {
  const { header, columns } = columnsOf(table);
  const fallback: Partial<Record<ColumnKey, number>> = { no: 0, name: 1, target: 2, actual: 3, status: 4 };
  return { header, col: (k) => (header ? columns[k] : fallback[k]) };
};

const title = (table: Table): TextFact | null => {
  const p = table.titles.find((x) => !/^单位/.test(x.text));
  return p ? { value: p.text, src: srcOf(p) } : null;
};

const nameOf = (ctx: ReadContext, row: Row, c: number | undefined, what: string, at: Table) => {
  const cell = c === undefined ? undefined : row.cells[c];
  const name = textOf(cell);
  if (name) return name;
  warn(ctx, 'read.cell-empty', `${what}中有一行没有目标名称`, [row.cells.find(Boolean)?.src ?? at.src]);
  return { value: '', src: cell ? srcOf(cell) : at.src };
};

export const readTargets = (ctx: ReadContext, table: Table): Goals<TargetRow> => {
  const { header, col } = layout(table);
  const rows: TargetRow[] = [];
  const what = '绩效目标表';
  for (const row of table.rows) {
    if (row === header || isEmptyRow(row)) continue;
    const c = (k: ColumnKey) => {
      const i = col(k);
      return i === undefined ? undefined : row.cells[i];
    };
    rows.push({
      no: noOf(ctx, c('no'), what),
      name: nameOf(ctx, row, col('name'), what, table),
      target: measureOf(c('target')),
      src: srcOf(row.cells.find(Boolean)!),
    });
  }
  return { title: title(table), rows };
};

export const readAchievements = (ctx: ReadContext, table: Table): Goals<AchievementRow> => {
  const { header, col } = layout(table);
  const rows: AchievementRow[] = [];
  const what = '绩效目标实现情况表';
  for (const row of table.rows) {
    if (row === header || isEmptyRow(row)) continue;
    const c = (k: ColumnKey) => {
      const i = col(k);
      return i === undefined ? undefined : row.cells[i];
    };
    rows.push({
      no: noOf(ctx, c('no'), what),
      name: nameOf(ctx, row, col('name'), what, table),
      target: measureOf(c('target')),
      actual: measureOf(c('actual')),
      status: textOf(c('status')),
      src: srcOf(row.cells.find(Boolean)!),
    });
  }
  return { title: title(table), rows };
};
