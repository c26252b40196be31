import { looksLikeProjectForm, parseProjectLines } from '../project/parse-project.ts';
import type { ReadResult } from '../read-result.ts';
import { parseReportLines } from './parse-lines.ts';
import { splitTextLines } from './split-lines.ts';

export type TextReadOptions = { encoding: string | null };

/**
 * Reads the text export of a 部门整体支出绩效自评报告 (already decoded) into the model; a 项目支出绩效自评表
 * goes to its own reader (src/formats/project) from the same lines.
 */
export const readTextReport = (text: string, options: TextReadOptions): ReadResult => {
  const lines = splitTextLines(text);
  const meta = { format: 'text', encoding: options.encoding } as const;
  return looksLikeProjectForm(lines) ? parseProjectLines(lines, meta) : parseReportLines(lines, meta);
};
