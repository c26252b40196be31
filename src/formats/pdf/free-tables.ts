/**
 * Tables set without ruling lines: columns from positioned text alone. A line whose runs leave gaps
 * wider than a character (Chinese text is set without any) falls into cells; two or more such lines
 * in a row whose cells keep to the same columns are a table. A column is the span its cells cover
 * together (left-aligned words and right-aligned figures alike); a line with a cell across two columns
 * ends the table. A row with empty cells simply has no text in those columns.
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

/** The rows of a table as cell texts by column ('' for an empty cell). */
export type FreeTable = { rows: string[][]; columns: Column[] };

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
    if (columns.length < 2 || places.some((p) => p === null)) continue;
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
