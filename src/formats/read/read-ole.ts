/**
 * Reads a report in an old Office file (Word 97–2003 .doc, WPS 文字 .wps, Excel 97–2003 .xls): converted by
 * LibreOffice to .docx/.xlsx and read by those readers, the model saying which format it came from.
 */

import { convertWithLibreOffice } from '../office/libreoffice.ts';
import { oleKind } from '../office/ole-kind.ts';
import { type ReadResult, readError } from '../read-result.ts';

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
  const to = kind === 'xls' ? 'xlsx' : 'docx';
  const converted = await convertWithLibreOffice(bytes, kind, to);
  if (!converted.ok) return readError(converted.code, converted.zh, converted.en);
  const read =
    to === 'docx'
      ? (await import('./read-docx.ts')).readDocxReport(converted.bytes)
      : await (await import('./read-xlsx.ts')).readXlsxReport(converted.bytes);
  if (read.ok) read.value.meta.format = kind;
  return read;
};
