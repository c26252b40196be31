/**
 * Project forms for the tests: the composed fixtures of test/fixtures/project as rows of cells, and the
 * same rows written as a text export, a .docx (raw OOXML, merged cells as Word merges them) or an .xlsx.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ProjectReport } from '../../../src/core/model/index.ts';
import { readReport } from '../../../src/formats/read-report.ts';
import { splitTextLines } from '../../../src/formats/text/split-lines.ts';
import { makeDocx, para } from './docx-bytes.ts';

export type Form = { paragraphs: string[]; tables: string[][][] };

export const fixtureBytes = (name: string): Uint8Array =>
  readFileSync(new URL(`../../fixtures/project/${name}`, import.meta.url));

export const fixtureText = (name: string): string => new TextDecoder().decode(fixtureBytes(name));

/** A text export split back into its paragraphs (before the first table) and tables of rows. */
export const formOf = (text: string): Form => {
  const form: Form = { paragraphs: [], tables: [] };
  const byTable = new Map<string, string[][]>();
  for (const l of splitTextLines(text)) {
    const { table, row } = l.src;
    if (table === undefined || row === undefined) {
      if (byTable.size === 0) form.paragraphs.push(l.text);
      continue;
    }
    let t = byTable.get(table);
    if (!t) {
      t = [];
      byTable.set(table, t);
      form.tables.push(t);
    }
    t[row] ??= [];
    t[row].push(l.text);
  }
  return form;
};

export const textExport = (f: Form): string =>
  [
    ...f.paragraphs,
    ...f.tables.map((t) => t.map((row) => row.map((c) => `\t${c}`).join('\n')).join('\n\n')),
  ].join('\n\n\n');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** True where a cell repeats the one above in a merged column: it is a continuation. */
const continues = (t: string[][], r: number, c: number, mergeDown: readonly number[]) =>
  mergeDown.includes(c) && r > 0 && t[r - 1]?.[c] === t[r]?.[c] && (t[r]?.[c] ?? '') !== '';

export type DocxOptions = {
  /** Columns whose cells repeating the one above become vertical merges (given once by the reader). */
  mergeDown?: number[];
  /** Single cells ([table, row, column]) that continue the cell above. */
  continueAt?: [number, number, number][];
  /** Cells ([table, row, column, span]) spanning grid columns; the row's next span − 1 cells are dropped. */
  spans?: [number, number, number, number][];
};

/** A .docx of the form, merged cells written the way Word writes them (gridSpan, vMerge). */
export const docxOf = async (f: Form, opts: DocxOptions = {}): Promise<Uint8Array> => {
  const md = opts.mergeDown ?? [];
  const tables = f.tables.map((t, ti) => {
    const cont = (r: number, c: number) =>
      continues(t, r, c, md) || (opts.continueAt ?? []).some(([a, b, d]) => a === ti && b === r && d === c);
    const rows = t.map((row, r) => {
      const cells: string[] = [];
      for (let c = 0; c < row.length; c++) {
        const span = opts.spans?.find(([a, b, d]) => a === ti && b === r && d === c)?.[3];
        const isCont = cont(r, c);
        const restart = !isCont && cont(r + 1, c);
        const pr = `${span ? `<w:gridSpan w:val="${span}"/>` : ''}${isCont ? '<w:vMerge/>' : restart ? '<w:vMerge w:val="restart"/>' : ''}`;
        cells.push(
          `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(isCont ? '' : esc(row[c] ?? ''))}</w:tc>`,
        );
        if (span) c += span - 1;
      }
      return `<w:tr>${cells.join('')}</w:tr>`;
    });
    return `<w:tbl>${rows.join('')}</w:tbl>${para('')}`;
  });
  return makeDocx([...f.paragraphs.map((p) => para(esc(p))), ...tables].join(''));
};

/** An .xlsx of the form: paragraphs then the first table on one sheet, other tables on sheets of their own. */
export const xlsxOf = async (
  f: Form,
  opts: { mergeDown?: number[]; numbers?: boolean } = {},
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  const md = opts.mergeDown ?? [];
  f.tables.forEach((t, ti) => {
    const ws = wb.addWorksheet(`表${ti + 1}`);
    const head = ti === 0 ? f.paragraphs : [];
    head.forEach((p, i) => {
      ws.getCell(i + 1, 1).value = p;
    });
    t.forEach((row, r) => {
      row.forEach((text, c) => {
        const cell = ws.getCell(head.length + r + 1, c + 1);
        const n = Number(text);
        cell.value = opts.numbers && text !== '' && Number.isFinite(n) ? n : text;
      });
    });
    for (const c of md) {
      for (let r = 0; r < t.length; r++) {
        if (!continues(t, r, c, md) && continues(t, r + 1, c, md)) {
          let end = r + 1;
          while (continues(t, end + 1, c, md)) end++;
          ws.mergeCells(head.length + r + 1, c + 1, head.length + end + 1, c + 1);
        }
      }
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

/** Reads bytes as any file; fails the test unless they hold a project form. */
export const readProject = async (bytes: Uint8Array): Promise<ProjectReport> => {
  const r = await readReport(bytes);
  if (!r.ok) throw new Error(r.error.message);
  if (r.report.kind !== 'project') throw new Error(`not a project form: ${r.report.kind}`);
  return r.report;
};

export const textBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The model without sources and reading notes: what must survive a change of file format. */
export const modelData = (r: ProjectReport): unknown =>
  JSON.parse(JSON.stringify({ ...r, meta: undefined }, (k, v) => (k === 'src' ? undefined : v)));

export const warningRules = (r: ProjectReport): string[] => r.meta.warnings.map((w) => w.rule);
