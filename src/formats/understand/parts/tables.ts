/** Telling the report's tables apart by their header, and reading their cells. */
import type { Amount, TextFact } from '../../../core/model/index.ts';
import { cellText, type Piece, type Row, srcOf, type Table } from '../blocks.ts';
import { decimalOf } from '../numbers.ts';
import { type ReadContext, warn } from './context.ts';

export const TABLE_KINDS = ['expenditure', 'targets', 'achievements', 'other'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const COLUMN_KEYS = [
  'no',
  'name',
  'target',
  'actual',
  'status',
  'budget',
  'adjusted',
  'final',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The header's meaning of a column, by its text. */
const columnOf = (text: string): ColumnKey | null => {
  const t = text.replace(/\s/g, '');
  if (!t) return null;
  if (/^(?:序号|编号|序)$/.test(t)) return 'no';
  if (/调整/.test(t)) return 'adjusted';
  if (/决算/.test(t)) return 'final';
  if (/年初预算|预算数/.test(t)) return 'budget';
  if (/情况|是否|状态/.test(t)) return 'status';
  if (/完成值|实际|实现值|完成数|完成结果/.test(t)) return 'actual';
  if (/目标值|指标值|预期值|年度目标|计划值|目标数/.test(t)) return 'target';
  if (/目标|指标|名称|内容|项目/.test(t)) return 'name';
  return null;
};

export type Columns = { header: Row | null; columns: Partial<Record<ColumnKey, number>> };

/** The header row (when the first row names its columns) and the column of each key. */
export const columnsOf = (table: Table): Columns => {
  const first = table.rows[0];
  const columns: Partial<Record<ColumnKey, number>> = {};
  if (!first) return { header: null, columns };
  let named = 0;
  first.cells.forEach((c, i) => {
    const key = c ? columnOf(c.text) : null;
    if (key && columns[key] === undefined) {
      columns[key] = i;
      named++;
    }
  });
  return named >= 2 ? { header: first, columns } : { header: null, columns: {} };
};

const EXPENDITURE_LABELS = /基本支出|项目支出|本年支出合计|工资福利支出|商品和服务支出|人员经费/;

export const tableKind = (table: Table): TableKind => {
  const { columns } = columnsOf(table);
  if (columns.actual !== undefined || (columns.status !== undefined && columns.target !== undefined))
    return 'achievements';
  if (columns.target !== undefined) return 'targets';
  if (columns.final !== undefined || columns.budget !== undefined) return 'expenditure';
  if (table.rows.some((r) => EXPENDITURE_LABELS.test(cellText(r, 0)))) return 'expenditure';
  return 'other';
};

/** A row with no text in any cell (left in by the export or by an unfinished form). */
export const isEmptyRow = (row: Row): boolean => row.cells.every((c) => !c || c.text === '');

/** Cells that mean "nothing here": empty, or a dash. */
const NOTHING = /^(?:|-|－|—|——|–|\/|／|无)$/;

/** A table amount: null when the cell is empty (not zero); a warning when it holds text. */
export const amountOf = (ctx: ReadContext, cell: Piece | undefined, what: string): Amount | null => {
  if (!cell || NOTHING.test(cell.text)) return null;
  const v = decimalOf(cell.text);
  if (v !== null) return { value: v, src: srcOf(cell) };
  warn(ctx, 'read.cell-not-number', `${what}的单元格“${cell.text}”不是数字`, [srcOf(cell)]);
  return null;
};

export const textOf = (cell: Piece | undefined): TextFact | null =>
  cell?.text ? { value: cell.text, src: srcOf(cell) } : null;
