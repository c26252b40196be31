/**
 * An .xlsx workbook: a 项目支出绩效自评表 form is read as the text export and .docx readers read one
 * ({@link parseProjectLines}); any other workbook (a 部门整体 report jixiao wrote, with its 报告正文 sheet,
 * or a workbook of other origin) becomes a document of paragraphs and tables for the understanding step.
 */

import { type ReadResult, readError } from '../read-result.ts';
import { looksLikeProjectForm, parseProjectLines } from '../understand/project/parse-project.ts';
import { understandDocument } from '../understand/understand.ts';
import { readXlsxLines } from '../xlsx/read-xlsx-lines.ts';
import { xlsxDocument } from '../xlsx/xlsx-document.ts';

export const readXlsxReport = async (bytes: Uint8Array): Promise<ReadResult> => {
  const read = await readXlsxLines(bytes);
  if (!read.ok) return readError(read.problem.code, read.problem.zh, read.problem.en);
  if (looksLikeProjectForm(read.lines))
    return parseProjectLines(read.lines, { format: 'xlsx', encoding: null });
  return understandDocument(xlsxDocument(read.lines, read.spans));
};
