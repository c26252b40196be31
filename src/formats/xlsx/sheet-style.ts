import type { Worksheet } from 'exceljs';

export const MONEY_FORMAT = '#,##0.00';

export const titleRow = (ws: Worksheet, text: string, columns: number): void => {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, columns);
  row.font = { bold: true, size: 14 };
  row.alignment = { horizontal: 'center' };
};

export const headerRow = (ws: Worksheet, names: readonly string[]): void => {
  const row = ws.addRow([...names]);
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: row.number }];
};
