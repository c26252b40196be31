/**
 * Project forms in an .xlsx workbook. The text export and .docx readers (text/read-text.ts,
 * docx/read-docx.ts) send their records to {@link parseProjectLines} when they hold a project form.
 */
import { type ReadResult, readError } from '../read-result.ts';
import { looksLikeProjectForm, parseProjectLines } from './parse-project.ts';
import { readXlsxLines } from './read-xlsx-lines.ts';

/** An .xlsx workbook: only project forms are read from spreadsheets. */
export const readXlsxReport = async (bytes: Uint8Array): Promise<ReadResult> => {
  const read = await readXlsxLines(bytes);
  if (!read.ok) return readError(read.problem.code, read.problem.zh, read.problem.en);
  if (!looksLikeProjectForm(read.lines)) {
    return readError(
      'read.xlsx-not-a-form',
      '工作簿中没有项目支出绩效自评表（应有「项目名称」和「三级指标」或「年初预算数」）',
      'no project self-evaluation form in the workbook',
    );
  }
  return parseProjectLines(read.lines, { format: 'xlsx', encoding: null });
};
