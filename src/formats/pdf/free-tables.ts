/**
 * Tables set without ruling lines: columns from positioned text alone. A line whose runs leave gaps
 * wider than a character (Chinese text is set without any) falls into cells; two or more such lines
 * in a row whose cells keep to the same columns are a table. A column is the span its cells cover
 * together (left-aligned words and right-aligned figures alike); a line with a cell across two columns
 * ends the table. A row with empty cells simply has no text in those columns.
 *
 * Forms set that way have cells that wrap and rows of different widths: the lines a row's cells wrap onto
 * are joined into that row first ({@link joinWrappedRows}); columns are then the left edges the cells
 * share, as many as the widest row has cells, and a cell that runs past the next edge spans those columns.
 */
import type { PdfText } from './pdf-pages.ts';

/** A piece of a line between wide gaps: one cell's text. */
export type Span = { x0: number; x1: number; text: string };

/** Wider than this many font sizes, a gap between runs on one baseline separates cells. */
const CELL_GAP = 1.2;

const LATIN = /[A-Za-z0-9]/;

/** A line's runs (left to right) as the spans between wide gaps. */
export const spansOf = (runs: readonly PdfText[]): Span[] => {
  const out: Span[] = [];
  let cur: Span | null = null;
  for (const t of runs) {
    const gap = cur ? t.x - cur.x1 : 0;
    if (!cur || gap > CELL_GAP * t.size) {
      cur = { x0: t.x, x1: t.x + t.w, text: t.str.trim() };
      out.push(cur);
      continue;
    }
    if (gap > 0.25 * t.size && LATIN.test(cur.text.slice(-1)) && LATIN.test(t.str.charAt(0))) cur.text += ' ';
    cur.text += t.str;
    cur.x1 = Math.max(cur.x1, t.x + t.w);
  }
  for (const s of out) s.text = s.text.trim();
  return out.filter((s) => s.text !== '');
};

type Column = { x0: number; x1: number };

/** Columns of a group of lines: the spans' extents merged where they overlap, left to right. */
const columnsOf = (lines: readonly (readonly Span[])[], size: number): Column[] => {
  const spans = lines.flat().sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.x0 <= last.x1 + 0.3 * size) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ x0: s.x0, x1: s.x1 });
  }
  return out;
};

/** Each span's column, or null when two spans of the line fall into one column. */
const place = (spans: readonly Span[], columns: readonly Column[]): number[] | null => {
  const at = spans.map((s) => columns.findIndex((c) => s.x0 >= c.x0 - 0.5 && s.x1 <= c.x1 + 0.5));
  if (at.some((c) => c < 0) || new Set(at).size !== at.length) return null;
  return at;
};

/**
 * The rows of a table as cell texts by column ('' for an empty cell); `spans`, where cells span columns,
 * each cell's column count by column (0 for a column a cell to its left covers).
 */
export type FreeTable = { rows: string[][]; columns: Column[]; spans?: number[][] };

/** Left edges closer than this (points) are one column's. */
const EDGE = 2;

/** A group of lines as a grid of shared left edges, or null when they do not make one. */
const leftEdgeTable = (group: readonly { spans: Span[] }[]): FreeTable | null => {
  const edges: number[] = [];
  for (const x of group.flatMap((l) => l.spans.map((s) => s.x0)).sort((a, b) => a - b)) {
    if (edges.length === 0 || x - edges[edges.length - 1]! > EDGE) edges.push(x);
  }
  // Every column is some row's cell: the widest row has a cell in each.
  if (edges.length < 2 || edges.length > Math.max(...group.map((l) => l.spans.length))) return null;
  const columnOf = (x: number) => edges.findLastIndex((e) => e <= x + EDGE);
  const rows: string[][] = [];
  const spans: number[][] = [];
  for (const l of group) {
    const row = edges.map(() => '');
    const span = edges.map(() => 1);
    l.spans.forEach((s, k) => {
      const c = columnOf(s.x0);
      const next = k + 1 < l.spans.length ? columnOf(l.spans[k + 1]!.x0) : edges.length;
      let n = 1;
      while (c + n < next && edges[c + n]! < s.x1 - EDGE) n++;
      row[c] = s.text;
      span[c] = n;
      for (let d = 1; d < n; d++) span[c + d] = 0;
    });
    rows.push(row);
    spans.push(span);
  }
  const columns = edges.map((x0, i) => ({ x0, x1: (edges[i + 1] ?? Number.POSITIVE_INFINITY) - EDGE }));
  return { rows, columns, spans: spans.some((r) => r.some((n) => n !== 1)) ? spans : undefined };
};

/**
 * The lines from `from` on that make a table (at least a header and one row, each with two or more
 * cells keeping to common columns): how many, and the table; null when the line starts none.
 */
export const freeTableAt = (
  lines: readonly { spans: Span[]; size: number }[],
  from: number,
): { count: number; table: FreeTable } | null => {
  let end = from;
  while (end < lines.length && lines[end]!.spans.length >= 2) end++;
  // The longest run of lines whose spans keep to one set of columns.
  for (; end - from >= 2; end--) {
    const group = lines.slice(from, end);
    const size = Math.max(...group.map((l) => l.size));
    const columns = columnsOf(
      group.map((l) => l.spans),
      size,
    );
    const places = group.map((l) => place(l.spans, columns));
    if (columns.length < 2 || places.some((p) => p === null)) {
      const grid = leftEdgeTable(group);
      if (grid) return { count: end - from, table: grid };
      continue;
    }
    const rows = group.map((l, i) => {
      const row = columns.map(() => '');
      l.spans.forEach((s, k) => {
        row[places[i]![k]!] = s.text;
      });
      return row;
    });
    return { count: end - from, table: { rows, columns } };
  }
  return null;
};

/** A line going on with `table` from the page before: two or more cells in its columns. */
export const continuesFree = (spans: readonly Span[], table: FreeTable): string[] | null => {
  const at = spans.length >= 2 ? place(spans, table.columns) : null;
  if (!at) return null;
  const row = table.columns.map(() => '');
  spans.forEach((s, k) => {
    row[at[k]!] = s.text;
  });
  return row;
};

/** A line as far as joining wrapped rows needs it. */
type RowLine = { y: number; size: number; spans: Span[]; page: number; text: string };

/** At most this many font sizes from one line to the next: a cell's text wrapped, not a new row. */
const WRAP_STEP = 1.6;

/**
 * The lines of a table row whose cells wrapped joined into that row: a line right below a row of two or
 * more cells, with fewer cells than it, each starting where one of the row's cells starts and ending
 * before the next one starts, goes on with those cells. Other lines are left as they are.
 */
export const joinWrappedRows = <L extends RowLine>(
  lines: readonly L[],
  join: (a: string, b: string) => string,
): L[] => {
  const out: L[] = [];
  let last: L | null = null;
  for (const l of lines) {
    const row = out[out.length - 1];
    const into =
      row && last && row.spans.length >= 2 && l.spans.length <= row.spans.length && l.page === row.page
        ? wrappedInto(row.spans, l.spans)
        : null;
    if (row && last && into && last.y - l.y <= WRAP_STEP * Math.max(last.size, l.size)) {
      const spans = row.spans.map((s) => ({ ...s }));
      l.spans.forEach((s, k) => {
        const cell = spans[into[k]!]!;
        cell.text = join(cell.text, s.text);
        cell.x1 = Math.max(cell.x1, s.x1);
      });
      out[out.length - 1] = { ...row, spans, text: spans.map((c) => c.text).reduce(join) };
    } else out.push(l);
    last = l;
  }
  return out;
};

/**
 * For each span of a wrapped line, the row's cell it goes on with; null when one fits none. A line with
 * text under every cell of the row is a wrapped one only if each of its pieces is narrower than the
 * cell's text above (text wraps when it fills the cell): otherwise it is the next row, set close.
 */
const wrappedInto = (row: readonly Span[], line: readonly Span[]): number[] | null => {
  const at: number[] = [];
  for (const s of line) {
    const k = row.findIndex((c) => Math.abs(c.x0 - s.x0) <= EDGE);
    const next = row[k + 1];
    if (k < 0 || (next && s.x1 > next.x0 - EDGE) || at.includes(k)) return null;
    if (line.length === row.length && s.x1 - s.x0 >= row[k]!.x1 - row[k]!.x0) return null;
    at.push(k);
  }
  return at;
};
