/** Reads a report saved from a website (.html/.htm, or .mhtml as one file) into the model. */

import { decodeHtml } from '../html/decode-html.ts';
import { htmlDocument } from '../html/html-document.ts';
import { looksLikeMhtml, mhtmlPage } from '../html/mhtml.ts';
import { type ReadResult, readError } from '../read-result.ts';
import { understandDocument } from '../understand/understand.ts';

/** A report page is tens to hundreds of kilobytes; a larger page is something else, or hostile. */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;

export const readHtmlReport = (bytes: Uint8Array): ReadResult => {
  if (bytes.length > MAX_HTML_BYTES) {
    return readError('read.html-too-large', '网页超过 16 MB，不像自评报告', 'HTML page larger than 16 MB');
  }
  let page = bytes;
  let charset: string | null = null;
  if (looksLikeMhtml(bytes)) {
    const found = mhtmlPage(bytes);
    if (!found) {
      return readError(
        'read.mhtml-no-page',
        '单文件网页（.mhtml）中没有网页正文',
        'no HTML page in the .mhtml file',
      );
    }
    page = found.html;
    charset = found.charset;
  }
  const decoded = decodeHtml(page, charset);
  const doc = htmlDocument(decoded.text, decoded.encoding);
  if (!doc.ok) return readError(doc.problem.code, doc.problem.zh, doc.problem.en);
  return understandDocument(doc.doc);
};
