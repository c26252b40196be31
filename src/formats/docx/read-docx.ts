/** Reads a .docx report: OOXML body → source lines → the text reader's parser → the model. */
import { type ReadResult, readError } from '../read-result.ts';
import { parseReportLines } from '../text/parse-lines.ts';
import { readDocxLines } from './read-docx-lines.ts';

export const readDocxReport = (bytes: Uint8Array): ReadResult => {
  const lines = readDocxLines(bytes);
  if (!lines.ok) return readError(lines.problem.code, lines.problem.zh, lines.problem.en);
  return parseReportLines(lines.lines, { format: 'docx', encoding: null });
};
