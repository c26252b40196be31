/**
 * A score sheet (评分表) file as cells: an .xlsx (each worksheet a table) or the tables of a .docx, with the
 * paragraphs before them (the title). Merged cells come once, at their first row; the core
 * (src/core/framework/score-sheet.ts) carries level names down. The zip guard limits what the file may
 * inflate to; the server reads uploads in a worker (src/formats/isolate).
 */
import type { ScoreSheet, SheetTable } from '../../core/framework/score-sheet.ts';
import { type FailureCode, failure, ok, type Result } from '../../core/result.ts';
import { detectFormat } from '../detect.ts';
import type { SourceLine } from '../document/source-line.ts';

export type SheetRead = Result<ScoreSheet>;

const refuse = (code: FailureCode, zh: string, en: string): SheetRead => failure(code, zh, en);

/** Cells into tables and rows, in document order; paragraphs before the first table kept as lines. */
export const sheetOf = (lines: readonly SourceLine[]): ScoreSheet => {
  const tables: SheetTable[] = [];
  const before: string[] = [];
  for (const l of lines) {
    const { table, row, column } = l.src;
    if (table === undefined || row === undefined || column === undefined) {
      if (tables.length === 0 && l.text.trim()) before.push(l.text.trim());
      continue;
    }
    let t = tables.at(-1);
    if (!t || t.name !== table) {
      t = { name: table, rows: [] };
      tables.push(t);
    }
    let r = t.rows.at(-1);
    if (!r || r.row !== row) {
      r = { row, cells: [] };
      t.rows.push(r);
    }
    r.cells.push({ column, text: l.text });
  }
  return { tables, lines: before };
};

export const readScoreSheet = async (bytes: Uint8Array): Promise<SheetRead> => {
  const format = detectFormat(bytes);
  if (format === 'xlsx') {
    const { readXlsxLines } = await import('../xlsx/read-xlsx-lines.ts');
    const read = await readXlsxLines(bytes);
    if (!read.ok) return refuse(read.problem.code, read.problem.zh, read.problem.en);
    return ok(sheetOf(read.lines));
  }
  if (format === 'docx') {
    const { readDocxLines } = await import('../docx/read-docx-lines.ts');
    const read = readDocxLines(bytes);
    if (!read.ok) return refuse(read.problem.code, read.problem.zh, read.problem.en);
    return ok(sheetOf(read.lines));
  }
  if (format === 'empty')
    return refuse('read.empty', '文件为空，应为评分表', 'empty file; expected a score sheet');
  return refuse(
    'read.not-a-sheet',
    '不是 .xlsx 或 .docx 文件；评分表请上传 Excel 工作簿或 Word 文档',
    'not an .xlsx or .docx file; a score sheet is an Excel workbook or a Word document',
  );
};
