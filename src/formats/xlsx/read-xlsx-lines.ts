/**
 * An .xlsx workbook as {@link SourceLine} records: each sheet a table (named by the sheet), each cell a
 * record at its 0-based row and column, a merged range once at its top-left cell. exceljs unzips whole
 * entries and believes no limit, so the zip guard inflates every entry first (counting the bytes that come
 * out) and exceljs gets them packed again uncompressed: it never inflates anything itself.
 */
import ExcelJS from 'exceljs';
import type { SourceLine } from '../document/source-line.ts';
import { ERROR_SHEET } from '../project/write-project-xlsx.ts';
import { guardedRepack, type ZipProblem } from '../zip/index.ts';

/** How many rows and columns a cell covers (1 and 1 unless it heads a merged range). */
export type CellSpan = { rowSpan: number; colSpan: number };

/** `spans[i]` is the span of `lines[i]`. */
export type XlsxLines =
  | { ok: true; lines: SourceLine[]; spans: CellSpan[] }
  | { ok: false; problem: ZipProblem };

/** Sheets larger than this are not a self-evaluation form. */
const MAX_CELLS = 200_000;

const textOf = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // A percent-formatted cell holds the fraction: 0.952 shown as 95.20%.
    if (/%/.test(cell.numFmt ?? '')) return `${trimNumber(v * 100)}%`;
    return trimNumber(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (typeof result === 'number')
      return /%/.test(cell.numFmt ?? '') ? `${trimNumber(result * 100)}%` : trimNumber(result);
    return result === undefined || result === null ? '' : String(result);
  }
  if ('text' in v) return String(v.text);
  return '';
};

/** Binary noise of spreadsheet arithmetic removed: 0.1 + 0.2 is shown as 0.3, as Excel shows it. */
const trimNumber = (n: number): string => {
  const s = String(Number(n.toPrecision(15)));
  return /e/i.test(s) ? n.toFixed(10).replace(/\.?0+$/, '') : s;
};

export const readXlsxLines = async (bytes: Uint8Array): Promise<XlsxLines> => {
  const packed = guardedRepack(bytes);
  if (!packed.ok) return packed;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer: the repacked zip has one of its own.
    await wb.xlsx.load(packed.value.buffer as ArrayBuffer);
  } catch {
    return {
      ok: false,
      problem: {
        code: 'read.xlsx-invalid',
        zh: '无法读取 .xlsx 工作簿',
        en: 'not a readable .xlsx workbook',
      },
    };
  }
  const lines: SourceLine[] = [];
  const spans: CellSpan[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    // jixiao's own audit-error sheet is not part of the form.
    if (ws.name === ERROR_SHEET) continue;
    let tooBig = false;
    // The span of each merged range's top-left cell, grown by the cells it covers.
    const masters = new Map<string, CellSpan>();
    ws.eachRow((row, r) => {
      if (tooBig) return;
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged && cell.master.address !== cell.address) {
          const span = masters.get(cell.master.address);
          if (span) {
            span.rowSpan = Math.max(span.rowSpan, r - Number(cell.master.row) + 1);
            span.colSpan = Math.max(span.colSpan, c - Number(cell.master.col) + 1);
          }
          continue;
        }
        const text = textOf(cell);
        const span = { rowSpan: 1, colSpan: 1 };
        if (cell.isMerged) masters.set(cell.address, span);
        lines.push({ text, src: { table: ws.name, row: r - 1, column: c - 1, raw: text } });
        spans.push(span);
        if (++cells > MAX_CELLS) tooBig = true;
      }
    });
    if (tooBig) {
      return {
        ok: false,
        problem: {
          code: 'read.xlsx-too-large',
          zh: '工作簿单元格过多，不像自评表',
          en: 'too many cells for a form',
        },
      };
    }
  }
  return { ok: true, lines, spans };
};
