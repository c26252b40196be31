/** Reads a .docx report: OOXML body → source lines → the text reader's parser (or the project form's) → the model. */
import { looksLikeProjectForm, parseProjectLines } from '../project/parse-project.ts';
import { type ReadResult, readError } from '../read-result.ts';
import { parseReportLines } from '../text/parse-lines.ts';
import { readDocxLines } from './read-docx-lines.ts';

export const readDocxReport = (bytes: Uint8Array): ReadResult => {
  const lines = readDocxLines(bytes);
  if (!lines.ok) return readError(lines.problem.code, lines.problem.zh, lines.problem.en);
  // A 项目支出绩效自评表 has its own reader (src/formats/project); the body is read once for both.
  if (looksLikeProjectForm(lines.lines))
    return parseProjectLines(lines.lines, { format: 'docx', encoding: null });
  return parseReportLines(lines.lines, { format: 'docx', encoding: null });
};
