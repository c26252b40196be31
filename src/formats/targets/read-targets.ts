/**
 * Reading a 绩效目标申报表 file: the target model JSON as `jixiao import` writes it, a .docx (its tables), an
 * .xlsx (its sheets, merged cells once), or a text export whose cells are separated by `|` or tabs. Never
 * throws for bad input: the answer says what was expected.
 */

import { type Failure, failure, ok } from '../../core/result.ts';
import { TargetTable } from '../../core/targets/table.ts';
import { detectFormat } from '../detect.ts';
import { decodeText } from '../text/decode.ts';
import { notATargetTable, readTargetRows, type TargetRead } from './read-target-rows.ts';

/** Whether JSON text is a target table (not a report): what `jixiao render` and `import` look for. */
export const targetTableJson = (text: string): TargetTable | null => {
  try {
    const parsed = TargetTable.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const docxRows = async (bytes: Uint8Array): Promise<string[][] | Failure> => {
  const { readDocxDocument } = await import('../docx/read-docx-lines.ts');
  const read = readDocxDocument(bytes);
  if (!read.ok) return failure(read.problem.code, read.problem.zh, read.problem.en);
  return read.doc.blocks.flatMap((b) =>
    b.kind === 'paragraph' ? [[b.text]] : b.rows.map((r) => r.cells.map((c) => c.text)),
  );
};

const xlsxRows = async (bytes: Uint8Array): Promise<string[][] | Failure> => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return failure('read.xlsx-invalid', '无法打开的 Excel 文件', 'cannot open the workbook');
  }
  const rows: string[][] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === '审核错误') continue;
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        // A merged range is read once, at its first cell.
        if (cell.isMerged && cell.master !== cell) return;
        cells.push(cell.text ?? '');
      });
      rows.push(cells);
    });
  }
  return rows;
};

const textRows = (text: string): string[][] =>
  text
    .split(/\r?\n/u)
    .map((l) => (/[|\t]/u.test(l) ? l.split(/\s*[|\t]\s*/u) : [l.trim()]))
    .map((cells) => cells.map((c) => c.replaceAll('\\n', '\n')));

export const readTargetTable = async (bytes: Uint8Array): Promise<TargetRead> => {
  const format = detectFormat(bytes);
  let rows: string[][] | Failure;
  switch (format) {
    case 'json': {
      const table = targetTableJson(decodeText(bytes).text);
      return table ? ok(table) : notATargetTable('JSON 不是绩效目标表模型', 'JSON is not a target table');
    }
    case 'text':
      rows = textRows(decodeText(bytes).text);
      break;
    case 'docx':
      rows = await docxRows(bytes);
      break;
    case 'xlsx':
      rows = await xlsxRows(bytes);
      break;
    default:
      return notATargetTable(
        '绩效目标表应为 JSON、.docx、.xlsx 或文本文件',
        'a target table is read from JSON, .docx, .xlsx or text',
      );
  }
  return Array.isArray(rows) ? readTargetRows(rows) : rows;
};
