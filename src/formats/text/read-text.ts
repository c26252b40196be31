import type { ReadResult } from '../read-result.ts';
import { parseReportLines } from './parse-lines.ts';
import { splitTextLines } from './split-lines.ts';

export type TextReadOptions = { encoding: string | null };

/** Reads the text export of a 部门整体支出绩效自评报告 (already decoded) into the model. */
export const readTextReport = (text: string, options: TextReadOptions): ReadResult =>
  parseReportLines(splitTextLines(text), { format: 'text', encoding: options.encoding });
