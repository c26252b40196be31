/**
 * A PDF's pages → the format-neutral {@link Document}: text runs on one baseline make a line; lines make
 * paragraphs (a paragraph goes on while a line fills the measure and the next starts at the margin, also
 * over a page break); bordered tables become tables (pdf-tables.ts), and so do lines whose text keeps to
 * common columns without any rules (free-tables.ts); a table that goes on at the top of the next page
 * with the same columns is joined to it, its repeated header rows dropped. Page headers,
 * footers and page numbers (— 3 —, 第3页 共11页) are left out.
 */
import { takeCaption } from '../document/caption.ts';
import type { DocBlock, DocCell, DocParagraph, DocRow, DocTable, Document } from '../document/document.ts';
import {
  continuesFree,
  type FreeTable,
  freeTableAt,
  joinWrappedRows,
  type Span,
  spansOf,
} from './free-tables.ts';
import type { PdfPage, PdfText } from './pdf-pages.ts';
import { type Grid, PAGE_NUMBER, pageTables } from './pdf-tables.ts';

type Line = { page: number; y: number; x0: number; x1: number; size: number; text: string; spans: Span[] };

const LATIN = /[A-Za-z0-9]/;

/** Runs on one baseline (within 40% of the font size), left to right, as lines from the top down. */
export const linesOf = (texts: PdfText[], page: number): Line[] => {
  const sorted = [...texts].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfText[][] = [];
  for (const t of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - t.y) <= 0.4 * Math.max(g[0]!.size, t.size)) g.push(t);
    else groups.push([t]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = g[0]!.x;
    for (const t of g) {
      // A space only where Latin letters or digits meet across a gap: Chinese is set without spaces.
      const gap = t.x - end;
      if (text && gap > 0.25 * t.size && LATIN.test(text.slice(-1)) && LATIN.test(t.str.charAt(0)))
        text += ' ';
      text += t.str;
      end = Math.max(end, t.x + t.w);
    }
    const size = Math.max(...g.map((t) => t.size));
    return { page, y: g[0]!.y, x0: g[0]!.x, x1: end, size, text: text.trim(), spans: spansOf(g) };
  });
};

/** Lines in the top or bottom margin band that are page numbers or repeat on many pages. */
const marginLines = (pages: PdfPage[], lines: Line[][]): Set<Line> => {
  // GB/T 9704 sets the page number 7 mm below a 37 mm bottom margin: up to 15% of an A4 page.
  const band = (l: Line, p: PdfPage) => l.y > p.height * 0.9 || l.y < p.height * 0.15;
  const key = (l: Line) => l.text.replace(/[0-9]+/g, '#');
  const seen = new Map<string, number>();
  lines.forEach((ls, i) => {
    const keys = new Set(ls.filter((l) => band(l, pages[i]!)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  const out = new Set<Line>();
  lines.forEach((ls, i) => {
    for (const l of ls) {
      if (!band(l, pages[i]!)) continue;
      const repeats = seen.get(key(l)) ?? 0;
      if (PAGE_NUMBER.test(l.text) || (pages.length > 2 && repeats >= Math.max(2, pages.length / 2)))
        out.add(l);
    }
  });
  return out;
};

/** The most frequent value, rounded to a point. */
const mode = (values: number[]): number => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
};

type Measure = { left: number; right: number; body: number };

/**
 * The text block's margins: left is the smallest start that many lines share (first lines are indented,
 * the others start there); right is where full lines end (the 90th percentile of line ends).
 */
const measureOf = (lines: Line[]): Measure => {
  const long = lines.filter((l) => l.text.length >= 8);
  const sample = long.length ? long : lines;
  const starts = new Map<number, number>();
  for (const l of sample) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const common = [...starts].filter(([, n]) => n >= Math.max(2, sample.length * 0.05)).map(([x]) => x);
  const ends = sample.map((l) => l.x1).sort((a, b) => a - b);
  return {
    left: common.length ? Math.min(...common) : mode(sample.map((l) => l.x0)),
    right: ends[Math.floor(ends.length * 0.9)] ?? 0,
    body: mode(sample.map((l) => l.size)),
  };
};

const isCentered = (l: Line, m: Measure): boolean =>
  l.x0 > m.left + 2 * l.size && Math.abs(l.x0 - m.left - (m.right - l.x1)) < 1.5 * l.size;

const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|[①-⑳])/u;

const UNBREAKABLE = /^[“‘（《「『〔【(]*(?:[A-Za-z0-9.%,:/+-]+|.)[、，。；：！？）》」』〕】”’%]*/u;

/** Roughly how wide the start of a line that could not be broken is. */
const firstWidth = (l: Line): number => {
  const head = UNBREAKABLE.exec(l.text)?.[0] ?? '';
  let w = 0;
  for (const ch of head) w += ch.charCodeAt(0) < 0x2000 ? 0.56 * l.size : l.size;
  return w;
};

/** True when `next` goes on with the paragraph `prev` ended: `prev` filled the measure, `next` starts at the margin. */
const continues = (prev: Line, next: Line, m: Measure): boolean => {
  if (Math.abs(prev.size - next.size) > 0.5) return false;
  // A sentence ended and a numbered item starts: a new paragraph, even where items are not indented.
  if (/[。；：！？]$/.test(prev.text) && NUMBERED.test(next.text)) return false;
  // The line ended short only because what starts the next did not fit: a number, a Latin word, or a
  // character with the punctuation that may not end (“优) or start (股、) a line.
  if (prev.x1 < m.right - firstWidth(next) - 0.5 * prev.size) return false;
  // Lines of one page follow at about one line's height; a gap of more is a new paragraph.
  if (prev.page === next.page && prev.y - next.y > 2.2 * prev.size) return false;
  if (Math.abs(next.x0 - m.left) <= 0.5 * next.size) return true;
  return isCentered(next, m) && prev.size > m.body + 1;
};

const join = (a: string, b: string): string =>
  LATIN.test(a.slice(-1)) && LATIN.test(b.charAt(0)) ? `${a} ${b}` : a + b;

/** Font sizes above the body's, largest first: style level 1, 2, … */
const styleLevels = (lines: Line[], body: number): Map<number, number> => {
  const larger = [...new Set(lines.map((l) => Math.round(l.size)).filter((s) => s >= body + 1.5))].sort(
    (a, b) => b - a,
  );
  return new Map(larger.map((s, i) => [s, i + 1]));
};

/** Joins the lines of a cell that wrapped: a number broken in a narrow cell comes together without a space. */
const joinWrapped = (a: string, b: string): string =>
  /[0-9.]$/.test(a) && /^[0-9.%]/.test(b) ? a + b : join(a, b);

/**
 * A cell's text: its lines, a line that fills the cell (but for the padding and what could not be broken
 * from the next) joined to the next, others on their own line.
 */
const cellText = (texts: PdfText[], right: number, page: number): string => {
  const lines = linesOf(texts, page);
  let out = '';
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (!prev) out = l.text;
    else
      out =
        prev.x1 >= right - firstWidth(l) - 1.2 * prev.size ? joinWrapped(out, l.text) : `${out}\n${l.text}`;
  });
  return out;
};

/** A line, a ruled table or a table without rules at its height on the page. */
type Placed =
  | { y: number; grid: Grid; line?: undefined; free?: undefined }
  | { y: number; line: Line; grid?: undefined; free?: undefined }
  | { y: number; free: FreeTable; grid?: undefined; line?: undefined };

/** A table without rules as a document table: every row has every column, '' where nothing stands. */
const freeTableOf = (t: FreeTable, page: number, id: string, line: number): DocTable => ({
  kind: 'table',
  id,
  rows: t.rows.map((cells, row) => ({
    cells: cells.flatMap((text, column) => {
      const colSpan = t.spans?.[row]?.[column] ?? 1;
      return colSpan === 0
        ? []
        : [{ text, src: { page, table: id, row, column, raw: text }, rowSpan: 1, colSpan }];
    }),
  })),
  headerRows: 1,
  caption: [],
  src: { page, line, raw: '' },
});

/** The same columns (a table without rules going on over a page break). */
const sameFreeColumns = (a: FreeTable, b: FreeTable): boolean =>
  a.columns.length === b.columns.length && a.columns.every((c, i) => Math.abs(c.x0 - b.columns[i]!.x0) <= 4);

const tableOf = (grid: Grid, page: number, id: string, line: number): DocTable => {
  const byRow = new Map<number, DocCell[]>();
  for (const c of grid.cells) {
    const text = cellText(c.texts, c.right, page);
    const cell: DocCell = {
      text,
      src: { page, table: id, row: c.row, column: c.column, raw: text },
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
    };
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), cell]);
  }
  const rows: DocRow[] = [];
  for (let r = 0; r < grid.ys.length - 1; r++) {
    const cells = byRow.get(r) ?? [];
    // A sliver between two borders drawn a little apart holds nothing: no row (unless a merged cell covers it).
    const covered = grid.cells.some((c) => c.row < r && r < c.row + c.rowSpan);
    if (!covered && cells.every((c) => c.text === '' && c.rowSpan === 1)) continue;
    const row = rows.length;
    rows.push({ cells: cells.map((c) => ({ ...c, src: { ...c.src, row } })) });
  }
  return { kind: 'table', id, rows, headerRows: 0, caption: [], src: { page, line, raw: '' } };
};

const rowText = (r: DocRow | undefined): string => (r ? r.cells.map((c) => c.text).join('\t') : '');

/** The cell of `table` that covers (`row`, `column`), spans included. */
const cellAt = (table: DocTable, row: number, column: number): DocCell | undefined => {
  for (const r of table.rows) {
    for (const c of r.cells) {
      const top = c.src.row ?? 0;
      const left = c.src.column ?? 0;
      if (top <= row && row < top + c.rowSpan && left <= column && column < left + c.colSpan) return c;
    }
  }
  return undefined;
};

/**
 * Joins `next` (at the top of a page) to `prev` (at the foot of the page before): a repeated header is
 * dropped; a row cut by the page break (`cut`) is made whole again, its cells' text joined.
 */
const joinTables = (prev: DocTable, next: DocTable, cut: boolean): void => {
  let repeated = 0;
  while (repeated < next.rows.length - 1 && rowText(next.rows[repeated]) === rowText(prev.rows[repeated]))
    repeated++;
  if (repeated > 0) prev.headerRows = Math.max(prev.headerRows, repeated);
  const rest = next.rows.slice(repeated);
  const last = prev.rows.length - 1;
  const first = cut ? rest.shift() : undefined;
  for (const c of first?.cells ?? []) {
    const into = cellAt(prev, last, c.src.column ?? 0);
    if (!into) continue;
    if (c.text) into.text = into.text ? joinWrapped(into.text, c.text) : c.text;
    into.src = { ...into.src, raw: into.text };
    into.rowSpan += c.rowSpan - 1;
  }
  // Row numbers go on from the last row of `prev`, which the rest of a cut row has joined.
  const offset = first ? last - (first.cells[0]?.src.row ?? repeated) : prev.rows.length - repeated;
  for (const row of rest) {
    prev.rows.push({
      cells: row.cells.map((c) => ({
        ...c,
        src: { ...c.src, table: prev.id, row: (c.src.row ?? 0) + offset },
      })),
    });
  }
};

const sameColumns = (a: Grid, b: Grid): boolean =>
  a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= 2);

export const pdfDocument = (pages: PdfPage[]): Document => {
  const split = pages.map((p) => pageTables(p));

  const pageLines = split.map((s, i) => linesOf(s.rest, pages[i]!.number));
  const margins = marginLines(pages, pageLines);
  const bodyLines = pageLines.map((ls) =>
    joinWrappedRows(
      ls.filter((l) => !margins.has(l) && l.text !== ''),
      joinWrapped,
    ),
  );
  const all = bodyLines.flat();
  const m = measureOf(all);
  const levels = styleLevels(all, m.body);
  const blocks: DocBlock[] = [];
  let line = 0;
  let tables = 0;
  let open: { paragraph: DocParagraph; last: Line } | null = null;
  let lastTable: { table: DocTable; grid: Grid; page: number } | null = null;
  let lastFree: { table: DocTable; free: FreeTable; page: number } | null = null;
  pages.forEach((page, i) => {
    const placed: Placed[] = [];
    const ls = bodyLines[i]!;
    // Lines at the top of the page that go on with a table without rules from the page before.
    let carried = 0;
    if (lastFree && lastFree.page === page.number - 1 && blocks[blocks.length - 1] === lastFree.table) {
      const rows: string[][] = [];
      for (let row = ls[0] && continuesFree(ls[0].spans, lastFree.free); row; ) {
        rows.push(row);
        const next = ls[++carried];
        row = next ? continuesFree(next.spans, lastFree.free) : null;
      }
      // As many as start a table of their own are that table, joined below.
      const own = freeTableAt(ls, 0);
      if (rows.length && (!own || own.count < rows.length)) {
        placed.push({ y: ls[0]!.y, free: { rows, columns: lastFree.free.columns } });
      } else carried = 0;
    }
    for (let j = carried; j < ls.length; j++) {
      const free = freeTableAt(ls, j);
      if (free) {
        placed.push({ y: ls[j]!.y, free: free.table });
        j += free.count - 1;
      } else placed.push({ y: ls[j]!.y, line: ls[j]! });
    }
    for (const g of split[i]!.grids) placed.push({ y: g.top, grid: g });
    placed.sort((a, b) => b.y - a.y);
    placed.forEach((p, k) => {
      if (p.free) {
        open = null;
        // The same table going on at the top of this page: its repeated header row dropped.
        if (
          k === 0 &&
          lastFree &&
          lastFree.page === page.number - 1 &&
          blocks[blocks.length - 1] === lastFree.table &&
          sameFreeColumns(lastFree.free, p.free)
        ) {
          const t = lastFree.table;
          const same = (r: string[] | undefined) =>
            r?.join('\t') === t.rows[0]?.cells.map((c) => c.text).join('\t');
          const more = freeTableOf(p.free, page.number, t.id, 0).rows.slice(same(p.free.rows[0]) ? 1 : 0);
          for (const row of more) {
            const n = t.rows.length;
            t.rows.push({ cells: row.cells.map((c) => ({ ...c, src: { ...c.src, row: n } })) });
          }
          lastFree = { ...lastFree, free: p.free, page: page.number };
          return;
        }
        tables++;
        line++;
        const table = freeTableOf(p.free, page.number, String(tables), line);
        takeCaption(blocks, table);
        blocks.push(table);
        lastFree = { table, free: p.free, page: page.number };
        return;
      }
      if (p.grid) {
        open = null;
        const table = tableOf(p.grid, page.number, String(tables + 1), line + 1);
        if (table.rows.length === 0) return;
        // The same table going on from the foot of the page before.
        if (
          k === 0 &&
          lastTable &&
          lastTable.page === page.number - 1 &&
          blocks[blocks.length - 1] === lastTable.table &&
          sameColumns(lastTable.grid, p.grid)
        ) {
          joinTables(lastTable.table, table, lastTable.grid.openBottom && p.grid.openTop);
          lastTable = { ...lastTable, grid: p.grid, page: page.number };
          return;
        }
        tables++;
        line++;
        takeCaption(blocks, table);
        blocks.push(table);
        lastTable = { table, grid: p.grid, page: page.number };
        return;
      }
      const l = p.line;
      if (open && continues(open.last, l, m)) {
        open.paragraph.text = join(open.paragraph.text, l.text);
        open.paragraph.src = { ...open.paragraph.src, raw: open.paragraph.text };
        open.last = l;
        return;
      }
      const paragraph: DocParagraph = {
        kind: 'paragraph',
        text: l.text,
        src: { line: ++line, page: page.number, raw: l.text },
      };
      const level = levels.get(Math.round(l.size));
      if (level) paragraph.styleLevel = level;
      if (isCentered(l, m)) paragraph.centered = true;
      blocks.push(paragraph);
      open = { paragraph, last: l };
      lastTable = lastTable && blocks[blocks.length - 1] === lastTable.table ? lastTable : null;
    });
  });
  return { format: 'pdf', encoding: null, blocks, warnings: [] };
};
