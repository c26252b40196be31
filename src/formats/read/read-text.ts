import type { Finding } from '../../core/findings.ts';
import type { ReadResult } from '../read-result.ts';
import { textDocument } from '../text/text-document.ts';
import { formLines } from '../understand/project/form-lines.ts';
import { understandDocument } from '../understand/understand.ts';

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
 * Reads a text report (already decoded) of any shape into the model: the text becomes a
 * {@link Document} (src/formats/text/text-document.ts), which the understanding step reads. A project
 * form written one cell per line is told into rows by the form's vocabulary ({@link formLines}).
 */
export const readTextReport = (text: string, options: TextReadOptions): ReadResult => {
  const read = understandDocument(textDocument(text, options.encoding, formLines));
  if (read.ok && options.badLines?.length) {
    const lines = text.split(/\r\n|\r|\n/);
    read.value.meta.warnings.unshift(encodingWarning(options.badLines, (n) => lines[n - 1] ?? ''));
  }
  return read;
};
