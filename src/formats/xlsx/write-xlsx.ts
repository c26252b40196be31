/**
 * The report as an .xlsx workbook: its text with the tables in their places (报告正文, what the reader
 * imports back), then the tables each on a sheet: expenditure, targets, achievement, scored indicators.
 */

import ExcelJS from 'exceljs';
import type { RenderInput } from '../document/blocks/render-input.ts';
import { reportBlocks, reportTitle } from '../document/blocks/report-blocks.ts';
import { xmlSafe } from '../xml-safe.ts';
import { addExpenditureSheet } from './expenditure-sheet.ts';
import { addAchievementsSheet, addTargetsSheet } from './goal-sheets.ts';
import { addIndicatorSheet } from './indicator-sheet.ts';
import { addReportTextSheet } from './report-text-sheet.ts';
import { SHEET_NAMES } from './sheet-names.ts';

export { SHEET_NAMES };

export const writeXlsx = async (given: RenderInput): Promise<Uint8Array> => {
  // Characters XML cannot carry would make the workbook one Excel refuses.
  const input = xmlSafe(given);
  const r = input.report;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.title = reportTitle(r);
  // A fixed date keeps the output reproducible (the workbook carries no clock reading).
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  // The error sheet comes first, as the error page does in the documents.
  const errors = input.allowErrors ? [] : (input.findings ?? []).filter((f) => f.severity === 'error');
  if (errors.length) {
    const ws = wb.addWorksheet('审核错误');
    ws.addRow(['规则', '说明']).font = { bold: true };
    for (const f of errors) ws.addRow([f.rule, f.message]);
    ws.columns = [{ width: 28 }, { width: 80 }];
  }
  // The whole text, tables in their places, so that the workbook imports back as the report.
  addReportTextSheet(wb.addWorksheet(SHEET_NAMES.text), reportBlocks(input));
  if (r.expenditureTable) addExpenditureSheet(wb.addWorksheet(SHEET_NAMES.expenditure), r);
  if (r.targets) addTargetsSheet(wb.addWorksheet(SHEET_NAMES.targets), r);
  if (r.achievements) addAchievementsSheet(wb.addWorksheet(SHEET_NAMES.achievements), r, input.scores);
  addIndicatorSheet(wb.addWorksheet(SHEET_NAMES.indicators), r, input.scores);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
