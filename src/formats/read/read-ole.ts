/**
 * Reads a report in an old Office file (Word 97–2003 .doc, WPS 文字 .wps, Excel 97–2003 .xls), the model
 * saying which format it came from.
 *
 * Word files are read first from their own streams (office/read-word97.ts: milliseconds, no LibreOffice
 * needed); when that gives no report or only part of one (a `read.incomplete` warning) and LibreOffice is
 * installed, the file is converted to .docx and read as one (the text loses headings marked only by
 * style, and merged cells), and that reading is kept unless the conversion fails. Excel files always go
 * through LibreOffice.
 */

import { convertWithLibreOffice, findSoffice } from '../office/libreoffice.ts';
import { oleKind } from '../office/ole-kind.ts';
import { word97Text } from '../office/read-word97.ts';
import { type ReadResult, readError } from '../read-result.ts';
import { readTextReport } from './read-text.ts';

/** A report read whole: not refused, and no `read.incomplete` warning. */
const whole = (read: ReadResult): boolean =>
  read.ok && !read.value.meta.warnings.some((w) => w.rule === 'read.incomplete');

const readNatively = async (bytes: Uint8Array, kind: 'doc' | 'wps'): Promise<ReadResult | null> => {
  const text = await word97Text(bytes);
  if (text === null) return null;
  const read = readTextReport(text, { encoding: null });
  if (read.ok) read.value.meta.format = kind;
  return read;
};

/** The file converted by LibreOffice and read as .docx/.xlsx (exported for the bench). */
export const readThroughLibreOffice = async (
  bytes: Uint8Array,
  kind: 'doc' | 'wps' | 'xls',
): Promise<ReadResult> => {
  const to = kind === 'xls' ? 'xlsx' : 'docx';
  const converted = await convertWithLibreOffice(bytes, kind, to);
  if (!converted.ok) return converted;
  const read =
    to === 'docx'
      ? (await import('./read-docx.ts')).readDocxReport(converted.value)
      : await (await import('./read-xlsx.ts')).readXlsxReport(converted.value);
  if (read.ok) read.value.meta.format = kind;
  return read;
};

export const readOleReport = async (bytes: Uint8Array): Promise<ReadResult> => {
  const kind = oleKind(bytes);
  if (kind === 'encrypted') {
    return readError(
      'read.encrypted',
      '文件是加密的 Office 文档，请去掉密码后再导入',
      'encrypted Office document; remove the password first',
    );
  }
  if (kind === 'other') {
    return readError(
      'read.ole',
      '文件是旧版 Office 格式，但不是 Word、WPS 或 Excel 文档',
      'an old Office file that is neither Word, WPS nor Excel',
    );
  }
  if (kind === 'xls') return readThroughLibreOffice(bytes, kind);
  const native = await readNatively(bytes, kind);
  if (native && (whole(native) || (native.ok && !findSoffice()))) return native;
  const converted = await readThroughLibreOffice(bytes, kind);
  return converted.ok || !native ? converted : native;
};
