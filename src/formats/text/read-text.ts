import type { Finding } from '../../core/findings.ts';
import { looksLikeProjectForm, parseProjectLines } from '../project/parse-project.ts';
import type { ReadResult } from '../read-result.ts';
import { parseReportLines } from './parse-lines.ts';
import { splitTextLines } from './split-lines.ts';

export type TextReadOptions = {
  encoding: string | null;
  /** Lines (1-based) the decoder could not read as the file's encoding (decode.ts): one warning names them. */
  badLines?: readonly number[] | undefined;
};

/** The `read.encoding` warning: which lines were not UTF-8 and what was made of them. */
export const encodingWarning = (lines: readonly number[], rawOf: (line: number) => string): Finding => {
  const shown = lines.slice(0, 20).join('、');
  const more = lines.length > 20 ? ` 等 ${lines.length} 行` : '';
  return {
    rule: 'read.encoding',
    severity: 'warning',
    message: `第 ${shown}${more} 行不是 UTF-8 编码：已按 GB18030 读取，或以“\uFFFD”代替无法识别的字节，其余内容照常读取；请核对这些行`,
    locations: lines.slice(0, 20).map((line) => ({ line, raw: rawOf(line) })),
  };
};

/**
 * Reads the text export of a 部门整体支出绩效自评报告 (already decoded) into the model; a 项目支出绩效自评表
 * goes to its own reader (src/formats/project) from the same lines.
 */
export const readTextReport = (text: string, options: TextReadOptions): ReadResult => {
  const lines = splitTextLines(text);
  const meta = { format: 'text', encoding: options.encoding } as const;
  const read = looksLikeProjectForm(lines) ? parseProjectLines(lines, meta) : parseReportLines(lines, meta);
  if (read.ok && options.badLines?.length) {
    const raw = new Map(lines.map((l) => [l.src.line, l.src.raw]));
    read.report.meta.warnings.unshift(encodingWarning(options.badLines, (n) => raw.get(n) ?? ''));
  }
  return read;
};
