/** A plain table as an .xlsx workbook: one sheet, a bold header row, then one row per record. */
import ExcelJS from 'exceljs';
import { xmlText } from '../xml-safe.ts';

export type TableColumn = { header: string; width?: number };
export type TableCell = string | number | null;

export const writeTableWorkbook = async (
  sheetName: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  // A fixed date keeps the output reproducible (the workbook carries no clock reading).
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(xmlText(sheetName));
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  // Strings stay strings (a leading "=" is text, never a formula); XML-unsafe characters are dropped.
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? xmlText(v) : v)));
  ws.columns = columns.map((c) => ({ width: c.width ?? 14 }));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
