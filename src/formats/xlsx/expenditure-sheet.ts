/**
 * The 部门整体支出 table as a worksheet: amounts as numbers, the totals as formulas over their parts
 * (with the exact sum cached as the result, so viewers that do not recalculate show it too). Where the
 * report states a different total, a note on the cell says what it stated.
 */
import type { Worksheet } from 'exceljs';
import { type Decimal, decString, sum } from '../../core/decimal.ts';
import {
  type DepartmentReport,
  EXPENDITURE_COLUMNS,
  type ExpenditureRow,
  type ExpenditureRowKey,
} from '../../core/model/index.ts';
import { expenditureCaption } from '../document/blocks/expenditure-blocks.ts';
import { headerRow, MONEY_FORMAT, titleRow } from './sheet-style.ts';

/** Which rows a total row adds up, by key (the form's arithmetic). */
const PARTS: Partial<Record<ExpenditureRowKey, readonly ExpenditureRowKey[]>> = {
  basic: ['personnel', 'publicFunds'],
  economicTotal: ['economic'],
  yearTotal: ['basic', 'project', 'remitted', 'business', 'affiliates'],
  grandTotal: ['yearTotal', 'carryOverEnd'],
};

const COLUMN_LETTERS = ['B', 'C', 'D'] as const;

export const addExpenditureSheet = (ws: Worksheet, r: DepartmentReport): void => {
  const t = r.expenditureTable;
  if (!t) return;
  titleRow(
    ws,
    expenditureCaption(r)
      .map((b) => ('text' in b ? b.text : ''))
      .join(' ') || '部门整体支出',
    4,
  );
  headerRow(ws, ['项目（按支出性质和经济分类）', '年初预算数', '调整预算数', '决算数']);
  const first = ws.rowCount + 1;
  const rowOf = (i: number) => first + i;
  // Sums are computed exactly here, then cached as formula results.
  const computed = new Map<number, Decimal[]>();
  t.rows.forEach((row, i) => {
    ws.addRow([row.label, ...EXPENDITURE_COLUMNS.map((c) => (row[c] ? Number(row[c].value) : null))]);
    computed.set(i, []);
  });
  const indexes = (keys: readonly ExpenditureRowKey[]) =>
    t.rows.map((row, i) => (keys.includes(row.key) ? i : -1)).filter((i) => i >= 0);
  const valueAt = (i: number, c: (typeof EXPENDITURE_COLUMNS)[number], row: ExpenditureRow): string | null =>
    computed.get(i)?.[EXPENDITURE_COLUMNS.indexOf(c)]?.toString() ?? row[c]?.value ?? null;
  // Totals in row order, so a total over totals (总计) uses the computed ones.
  t.rows.forEach((row, i) => {
    const parts = PARTS[row.key] ? indexes(PARTS[row.key] ?? []) : [];
    if (!parts.length) return;
    EXPENDITURE_COLUMNS.forEach((c, j) => {
      const values = parts
        .map((k) => valueAt(k, c, t.rows[k] as ExpenditureRow))
        .filter((v): v is string => v !== null);
      if (!values.length && !row[c]) return;
      const total = sum(values);
      (computed.get(i) as Decimal[])[j] = total;
      const letter = COLUMN_LETTERS[j] ?? 'B';
      const refs = parts.map((k) => `${letter}${rowOf(k)}`).join(',');
      const cell = ws.getCell(`${letter}${rowOf(i)}`);
      cell.value = { formula: `SUM(${refs})`, result: Number(decString(total)) };
      const stated = row[c]?.value;
      if (stated !== undefined && !total.eq(stated)) cell.note = `报告所列：${stated}`;
      else if (stated === undefined) cell.note = '报告未列此数，此为合计';
    });
  });
  for (let i = first; i <= ws.rowCount; i++) {
    for (const l of COLUMN_LETTERS) ws.getCell(`${l}${i}`).numFmt = MONEY_FORMAT;
    const key = t.rows[i - first]?.key;
    if (key && PARTS[key]) ws.getRow(i).font = { bold: true };
  }
  ws.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }];
};
