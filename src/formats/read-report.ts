import { detectFormat } from './detect.ts';
import { readJsonReport } from './json/read-json.ts';
import { readTextReport } from './read/read-text.ts';
import { type ReadResult, readError } from './read-result.ts';
import { decodeText } from './text/decode.ts';

/**
 * Reads any supported report file into the model: the JSON model, the text export of a report, a .docx.
 * Never throws for bad input: the result says what was expected and where reading stopped.
 */
export const readReport = async (bytes: Uint8Array): Promise<ReadResult> => {
  const format = detectFormat(bytes);
  switch (format) {
    case 'empty':
      return readError(
        'read.empty',
        '文件为空，应为自评报告',
        'empty file; expected a self-evaluation report',
      );
    case 'json': {
      const decoded = decodeText(bytes);
      return readJsonReport(decoded.text);
    }
    case 'text': {
      const decoded = decodeText(bytes);
      return readTextReport(decoded.text, { encoding: decoded.encoding, badLines: decoded.badLines });
    }
    // The Office readers load exceljs and the XML parser (a large share of start-up): only when needed.
    case 'docx': {
      const { readDocxReport } = await import('./read/read-docx.ts');
      return readDocxReport(bytes);
    }
    case 'html': {
      const { readHtmlReport } = await import('./read/read-html.ts');
      return readHtmlReport(bytes);
    }
    case 'xlsx': {
      const { readXlsxReport } = await import('./read/read-xlsx.ts');
      return readXlsxReport(bytes);
    }
    case 'ole': {
      const { readOleReport } = await import('./read/read-ole.ts');
      return readOleReport(bytes);
    }
    case 'pdf': {
      const { readPdfReport } = await import('./read/read-pdf.ts');
      return readPdfReport(bytes);
    }
    case 'zip':
      return readError('read.zip', '压缩包不是 .docx 或 .xlsx 文档', 'a zip that is neither .docx nor .xlsx');
    case 'binary':
      return readError('read.binary', '文件是二进制数据，不是自评报告', 'binary data, not a report');
  }
};
