/** Reads a report from a PDF with a text layer; a scanned PDF (images only) is named as such. */

import { pdfDocument } from '../pdf/pdf-document.ts';
import { pdfPages } from '../pdf/pdf-pages.ts';
import { type ReadResult, readError } from '../read-result.ts';
import { understandDocument } from '../understand/understand.ts';

/** Fewer letters than this on all pages together: page numbers at most, no text layer. */
const MIN_TEXT = 20;

export const readPdfReport = async (bytes: Uint8Array): Promise<ReadResult> => {
  const read = await pdfPages(bytes);
  if (!read.ok) return readError(read.problem.code, read.problem.zh, read.problem.en);
  const letters = read.pages.reduce(
    (n, p) => n + p.texts.reduce((k, t) => k + t.str.replace(/\s/g, '').length, 0),
    0,
  );
  if (letters < MIN_TEXT) {
    return readError(
      'read.pdf-scanned',
      'PDF 是扫描件，没有文字层，无法读取文字；请提供 Word 文档或带文字的 PDF',
      'scanned PDF without a text layer',
    );
  }
  return understandDocument(pdfDocument(read.pages));
};
