/**
 * 项目支出绩效自评表 in and out: read from SourceLine records (text export, .docx) or an .xlsx workbook,
 * laid out as a grid in the form's own layout, and written as .docx, .xlsx or HTML (PDF through Chromium).
 */
export { type FormGrid, type FormScores, projectFormGrid } from './form-rows.ts';
export { looksLikeProjectForm, parseProjectLines } from './parse-project.ts';
export { readXlsxReport } from './read-project.ts';
export { readXlsxLines } from './read-xlsx-lines.ts';
export { projectSummaryLines } from './summary.ts';
export { writeProjectDocx } from './write-project-docx.ts';
export { writeProjectHtml } from './write-project-html.ts';
export { ERROR_SHEET, FORM_SHEET, writeProjectXlsx } from './write-project-xlsx.ts';
