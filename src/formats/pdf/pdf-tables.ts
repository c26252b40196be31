/**
 * Tables of a PDF page from its ruling lines: borders that touch form one table; the distinct x of its
 * vertical lines and y of its horizontal ones form the grid; a missing border inside the grid makes a
 * cell span (a merged cell). A table without borders is found from its text's positions (free-tables.ts).
 */
import type { PdfPage, PdfRule, PdfText } from './pdf-pages.ts';

/** Borders closer than this (points) are one line: cell borders are drawn per cell, a hair apart. */
const SAME = 1.6;
/** Past this many ruling lines a page is a drawing, not tables. */
const MAX_PAGE_RULES = 4000;

export type GridCell = {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  right: number;
  texts: PdfText[];
};

/**
 * A bordered table on one page: `xs` left to right, `ys` top to bottom (PDF y decreases downwards).
 * `openTop`/`openBottom`: a row cut by the page break (its side borders run past the last border across),
 * to be joined with the rest of the row on the next or previous page.
 */
export type Grid = {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  openTop: boolean;
  openBottom: boolean;
};

/** How far side borders must run past the last border across to be a row cut by a page break. */
const CUT = 4;

const distinct = (values: number[]): number[] => {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (out.length === 0 || v - out[out.length - 1]! > SAME) out.push(v);
  }
  return out;
};

type Box = { left: number; right: number; bottom: number; top: number };
const hBox = (r: PdfRule): Box => ({ left: r.a, right: r.b, bottom: r.at, top: r.at });
const vBox = (r: PdfRule): Box => ({ left: r.at, right: r.at, bottom: r.a, top: r.b });
const touch = (p: Box, q: Box): boolean =>
  p.left <= q.right + SAME &&
  q.left <= p.right + SAME &&
  p.bottom <= q.top + SAME &&
  q.bottom <= p.top + SAME;

/** Groups of ruling lines that touch one another (union-find). */
const clusters = (page: PdfPage): { h: PdfRule[]; v: PdfRule[] }[] => {
  const rules = [
    ...page.h.map((r) => ({ r, box: hBox(r), h: true })),
    ...page.v.map((r) => ({ r, box: vBox(r), h: false })),
  ];
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      if (touch(rules[i]!.box, rules[j]!.box)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { h: PdfRule[]; v: PdfRule[] }>();
  rules.forEach((x, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (x.h ? g.h : g.v).push(x.r);
    groups.set(find(i), g);
  });
  return [...groups.values()];
};

const covers = (rules: PdfRule[], at: number, from: number, to: number): boolean => {
  const mid = (from + to) / 2;
  return rules.some((r) => Math.abs(r.at - at) <= SAME && r.a - SAME <= mid && mid <= r.b + SAME);
};

const gridOf = (h: PdfRule[], v: PdfRule[]): Grid | null => {
  const xs = distinct(v.map((r) => r.at));
  const ys = distinct(h.map((r) => r.at)).reverse();
  if (xs.length < 2 || ys.length < 1) return null;
  const sidesTop = Math.max(...v.map((r) => r.b));
  const sidesBottom = Math.min(...v.map((r) => r.a));
  const openTop = sidesTop > ys[0]! + CUT;
  const openBottom = sidesBottom < ys[ys.length - 1]! - CUT;
  if (openTop) ys.unshift(sidesTop);
  if (openBottom) ys.push(sidesBottom);
  if (ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const taken = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      let colSpan = 1;
      while (c + colSpan < cols && !covers(v, xs[c + colSpan]!, ys[r + 1]!, ys[r]!)) colSpan++;
      let rowSpan = 1;
      while (r + rowSpan < rows && !covers(h, ys[r + rowSpan]!, xs[c]!, xs[c + 1]!)) rowSpan++;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![c + dc] = true;
      cells.push({ row: r, column: c, rowSpan, colSpan, right: xs[c + colSpan]!, texts: [] });
    }
  }
  return {
    xs,
    ys,
    cells,
    top: ys[0]!,
    bottom: ys[rows]!,
    left: xs[0]!,
    right: xs[cols]!,
    openTop,
    openBottom,
  };
};

/** Index of the band `value` falls in, for bounds sorted ascending (or descending with `down`). */
const bandOf = (bounds: number[], value: number, down: boolean): number => {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = down ? [bounds[i + 1]!, bounds[i]!] : [bounds[i]!, bounds[i + 1]!];
    if (value >= a && value <= b) return i;
  }
  return -1;
};

/** A page number as a line or a run of one (— 3 —, 第3页 共11页, Page 3 of 11). */
export const PAGE_NUMBER =
  /^[-—–－_\s]*(第\s*)?[0-9]+\s*页?\s*([/／]\s*[0-9]+|共\s*[0-9]+\s*页)?[-—–－_\s]*$|^page\s+[0-9]+(\s+of\s+[0-9]+)?$/i;

/**
 * A run in the page's top or bottom band that is (part of) its page number with its dashes or 页: never
 * a cell's text (a bare figure there may well be one).
 */
const isFolio = (t: PdfText, page: PdfPage): boolean =>
  (t.y > page.height * 0.9 || t.y < page.height * 0.15) &&
  /[-—–－页]|page/i.test(t.str) &&
  (PAGE_NUMBER.test(t.str) || /^[-—–－\s]+$/.test(t.str));

/**
 * The page's bordered tables, each with the text runs inside its cells; returns the runs outside every
 * table as `rest`. A page number printed over a row cut by the page break stays outside.
 */
export const pageTables = (page: PdfPage): { grids: Grid[]; rest: PdfText[] } => {
  if (page.h.length + page.v.length > MAX_PAGE_RULES) return { grids: [], rest: page.texts };
  const grids = clusters(page)
    .map((g) => gridOf(g.h, g.v))
    .filter((g): g is Grid => g !== null && g.right - g.left > 20 && g.top - g.bottom > 8);
  const rest: PdfText[] = [];
  for (const t of page.texts) {
    // A run's middle, a little above its baseline, decides its cell.
    const x = t.x + Math.min(t.w, t.size) / 2;
    const y = t.y + t.size * 0.3;
    const grid = grids.find((g) => x >= g.left && x <= g.right && y <= g.top && y >= g.bottom);
    if (!grid || isFolio(t, page)) {
      rest.push(t);
      continue;
    }
    const r = bandOf(grid.ys, y, true);
    const c = bandOf(grid.xs, x, false);
    const cell = grid.cells.find(
      (k) => r >= k.row && r < k.row + k.rowSpan && c >= k.column && c < k.column + k.colSpan,
    );
    (cell?.texts ?? rest).push(t);
  }
  return { grids, rest };
};
