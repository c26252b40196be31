/**
 * Project forms from each file format: the text export and .docx (see docx/read-docx.ts) go through the
 * same records as the 部门整体 reader and come here only when they hold a project form; an .xlsx is always
 * read here.
 */
import { type ReadResult, readError } from '../read-result.ts';
import { splitTextLines } from '../text/split-lines.ts';
import { looksLikeProjectForm, parseProjectLines } from './parse-project.ts';
import { readXlsxLines } from './read-xlsx-lines.ts';

/** The project form in a text export, or undefined when the text is not one. */
export const projectFromText = (text: string, encoding: string | null): ReadResult | undefined => {
  const lines = splitTextLines(text);
  return looksLikeProjectForm(lines) ? parseProjectLines(lines, { format: 'text', encoding }) : undefined;
};

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
