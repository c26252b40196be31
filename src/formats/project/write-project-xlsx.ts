/**
 * The project form as an .xlsx sheet in the form's grid (merged ranges as in the document). Figures are
 * written as the text of the form, so that reading the sheet gives back exactly the stated decimals.
 */

import ExcelJS from 'exceljs';
import type { Finding } from '../../core/findings.ts';
import { xmlSafe } from '../xml-safe.ts';
import { type FormGrid, gridLayout } from './form-rows.ts';

/** The sheet jixiao writes audit errors to; readers skip it. */
export const ERROR_SHEET = '审核错误';
export const FORM_SHEET = '项目支出绩效自评表';

export const writeProjectXlsx = async (
  givenGrid: FormGrid,
  givenErrors: readonly Finding[] = [],
  sheetName: string = FORM_SHEET,
): Promise<Uint8Array> => {
  // Characters XML cannot carry would make a workbook Excel refuses.
  const grid = xmlSafe(givenGrid);
  const errors = xmlSafe(givenErrors);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  // A fixed date keeps the output reproducible.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  if (errors.length) {
    const es = wb.addWorksheet(ERROR_SHEET);
    es.addRow(['规则', '说明']).font = { bold: true };
    for (const f of errors) es.addRow([f.rule, f.message]);
    es.columns = [{ width: 28 }, { width: 80 }];
  }
  const ws = wb.addWorksheet(sheetName);
  ws.columns = Array.from({ length: grid.columns }, (_, i) => ({ width: i === grid.columns - 1 ? 30 : 14 }));
  let r = 1;
  for (const [i, t] of grid.title.entries()) {
    ws.getCell(r, 1).value = t;
    ws.getCell(r, 1).font = { bold: i === 0, size: i === 0 ? 16 : 12 };
    ws.getCell(r, 1).alignment = { horizontal: 'center' };
    ws.mergeCells(r, 1, r, grid.columns);
    r++;
  }
  const { starts, rowsBelow: depth } = gridLayout(grid);
  grid.rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (cell.mergeUp) return;
      const col = starts[i]![j]!;
      const span = cell.span ?? 1;
      const x = ws.getCell(r + i, col + 1);
      x.value = cell.text;
      x.alignment = { vertical: 'middle', horizontal: cell.head ? 'center' : 'left', wrapText: true };
      if (cell.head) x.font = { bold: true };
      x.border = BORDER;
      const down = depth(i, col);
      if (down > 0 || span > 1) ws.mergeCells(r + i, col + 1, r + i + down, col + span);
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
