/**
 * A PDF's pages as positioned text and ruling lines, through pdf.js (pdfjs-dist 5, its legacy build for
 * Node 20). Coordinates are PDF user space: points, y upwards. Problems (encrypted, damaged, too many
 * pages, too slow) come back as data with a reason.
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FailureCode } from '../../core/result.ts';
import { withoutFontPrograms } from './font-programs.ts';
import { loadPdfJs, type PdfJs, withoutDecompressionStream } from './load-pdfjs.ts';
import { unifyRadicals } from './radicals.ts';
import { withoutGlyphDrawings } from './type3-glyphs.ts';

/** A run of text on one baseline: `x`,`y` its start, `w` its width, `size` its font size. */
export type PdfText = { str: string; x: number; y: number; w: number; size: number };
/** A ruling line (a table border): horizontal (`y`, from `a` to `b` in x) or vertical (`x`, `a`–`b` in y). */
export type PdfRule = { at: number; a: number; b: number };
export type PdfPage = {
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  h: PdfRule[];
  v: PdfRule[];
};

export type PdfProblem = { code: FailureCode; zh: string; en: string };
export type PdfPages = { ok: true; pages: PdfPage[] } | { ok: false; problem: PdfProblem };

export const MAX_PAGES = 500;
/** A report of 100 pages reads in well under this; a file that takes longer is refused, not waited for. */
export const PDF_TIME_LIMIT_MS = 30_000;
/** Paths drawn on one page past this are artwork (a chart, a scanned vector map), not table borders. */
const MAX_RULES = 20_000;

const problem = (code: FailureCode, zh: string, en: string): PdfPages => ({
  ok: false,
  problem: { code, zh, en },
});

/**
 * pdf.js's package folder, for its character maps (Chinese PDFs name Adobe-GB1 CMaps) and standard fonts:
 * found from this file, or from the working folder when this runs from a bundle elsewhere; null when
 * neither finds it (pdf.js then reads what the file embeds, which is most of it).
 */
const packageDir = (): string | null => {
  for (const from of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return dirname(createRequire(from).resolve('pdfjs-dist/package.json'));
    } catch {
      // next
    }
  }
  return null;
};

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Thin filled or stroked boxes: the borders of table cells. */
const rulesOf = (
  lib: PdfJs,
  ops: { fnArray: number[]; argsArray: unknown[] },
): { h: PdfRule[]; v: PdfRule[] } => {
  const { OPS } = lib;
  const painted = new Set<number>([
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const h: PdfRule[] = [];
  const v: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  for (let i = 0; i < ops.fnArray.length && h.length + v.length < MAX_RULES; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = mul(ctm, Array.from(args[0] as number[]));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args && painted.has(args[0] as number)) {
      const box = args[2] as ArrayLike<number> | null;
      if (!box || box.length < 4) continue;
      const [x0, y0] = apply(ctm, box[0]!, box[1]!);
      const [x1, y1] = apply(ctm, box[2]!, box[3]!);
      const [left, right] = x0 < x1 ? [x0, x1] : [x1, x0];
      const [bottom, top] = y0 < y1 ? [y0, y1] : [y1, y0];
      const width = right - left;
      const height = top - bottom;
      if (height <= 2.5 && width >= 4) h.push({ at: (top + bottom) / 2, a: left, b: right });
      else if (width <= 2.5 && height >= 4) v.push({ at: (left + right) / 2, a: bottom, b: top });
    }
  }
  return { h, v };
};

type TextItemLike = { str?: string; transform?: number[]; width?: number };

const textsOf = (items: readonly unknown[]): PdfText[] => {
  const out: PdfText[] = [];
  for (const raw of items) {
    const it = raw as TextItemLike;
    if (typeof it.str !== 'string' || !it.transform || it.str.trim() === '') continue;
    const [a, b, , , e, f] = it.transform as [number, number, number, number, number, number];
    const size = Math.hypot(a, b) || 1;
    // Rotated text (a stamp, a vertical margin note) is no part of the reading order.
    if (Math.abs(b) > 0.01 * size) continue;
    out.push({ str: unifyRadicals(it.str), x: e, y: f, w: it.width ?? 0, size });
  }
  return out;
};

/** Past this many texts on a page, its drawing is read without looking for gaps first. */
const MAX_GAP_SCAN = 5_000;

/**
 * Whether a page's text can stand in a table of two columns or more: two texts on one line (baselines
 * less than half a character apart) with more than half a character of white between them. Cells are
 * apart by their borders and paddings; the runs of a line of prose follow one another (Chromium) or are
 * a space apart (LibreOffice). Only such a page's drawing is read for ruling lines: a page of prose is
 * not parsed a second time. A box drawn around a single column of text on such a page is not seen (it
 * is read as the lines it holds).
 */
export const mayHoldTable = (texts: readonly PdfText[]): boolean => {
  if (texts.length > MAX_GAP_SCAN) return true;
  const byY = [...texts].sort((p, q) => p.y - q.y);
  for (let i = 0; i < byY.length; i++) {
    const a = byY[i]!;
    const end = a.x + a.w;
    // The nearest text that starts at or right of this one's end, on its line.
    let next = Number.POSITIVE_INFINITY;
    let size = a.size;
    const consider = (b: PdfText) => {
      if (b.x >= end - 0.5 && b.x < next && Math.abs(a.y - b.y) <= 0.5 * Math.min(a.size, b.size)) {
        next = b.x;
        size = Math.min(a.size, b.size);
      }
    };
    // The texts whose baselines are within half a character of this one's, above it and below it.
    for (let j = i - 1; j >= 0 && a.y - byY[j]!.y <= 0.5 * a.size; j--) consider(byY[j]!);
    for (let j = i + 1; j < byY.length && byY[j]!.y - a.y <= 0.5 * a.size; j++) consider(byY[j]!);
    if (next !== Number.POSITIVE_INFINITY && next - end > 0.5 * size) return true;
  }
  return false;
};

const withTimeLimit = <T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T | 'timeout'> => {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve('timeout');
    }, ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
};

const readPages = async (lib: PdfJs, bytes: Uint8Array): Promise<PdfPages> => {
  const dir = packageDir();
  const task = lib.getDocument({
    // pdf.js takes the buffer over: it gets its own copy, without the Type3 glyph drawings and without the
    // programs of the fonts whose dictionaries give their characters and widths.
    data: withoutFontPrograms(withoutGlyphDrawings(bytes)),
    ...(dir
      ? {
          cMapUrl: `${join(dir, 'cmaps')}/`,
          cMapPacked: true,
          standardFontDataUrl: `${join(dir, 'standard_fonts')}/`,
        }
      : {}),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  const outcome = await withTimeLimit(
    (async (): Promise<PdfPages> => {
      const doc = await task.promise;
      if (doc.numPages > MAX_PAGES) {
        return problem(
          'read.pdf-too-many-pages',
          `PDF 有 ${doc.numPages} 页，超过 ${MAX_PAGES} 页，不像自评报告`,
          `PDF has more than ${MAX_PAGES} pages`,
        );
      }
      const pages: PdfPage[] = [];
      // One page after the other: side by side (text and drawing of several pages at once) took more CPU
      // time in measurements on a loaded machine, for a wall-time gain only when cores are idle.
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        const texts = textsOf((await page.getTextContent()).items);
        const rules = mayHoldTable(texts) ? rulesOf(lib, await page.getOperatorList()) : { h: [], v: [] };
        pages.push({ number: n, width: x1 - x0, height: y1 - y0, texts, ...rules });
        page.cleanup();
      }
      return { ok: true, pages };
    })(),
    PDF_TIME_LIMIT_MS,
    () => void task.destroy(),
  );
  await task.destroy();
  if (outcome === 'timeout') {
    return problem(
      'read.pdf-timeout',
      `PDF 在 ${PDF_TIME_LIMIT_MS / 1000} 秒内未能读完，文件可能已损坏或过于复杂`,
      'PDF took too long to read',
    );
  }
  return outcome;
};

export const pdfPages = async (bytes: Uint8Array): Promise<PdfPages> => {
  const lib = await loadPdfJs();
  try {
    return await withoutDecompressionStream(() => readPages(lib, bytes));
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') {
      return problem('read.pdf-encrypted', 'PDF 已加密，请提供未加密的文件', 'the PDF is password-protected');
    }
    if (name === 'InvalidPDFException') {
      return problem('read.pdf-invalid', '文件不是有效的 PDF，或已损坏', 'not a valid PDF, or damaged');
    }
    return problem('read.pdf-damaged', 'PDF 已损坏，无法读取', 'the PDF is damaged and cannot be read');
  }
};
