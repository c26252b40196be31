/**
 * Lines of text → paragraphs and tables, in the shapes people paste (shared by the text reader,
 * src/formats/text/text-document.ts, and by every other reader's unstyled paragraphs through
 * {@link shapeParagraphs}):
 *
 * - a whole row on one line, cells separated by TABs;
 * - `a | b | c` rows (Markdown or text copied from a web page), separator rows `|---|` dropped;
 * - rows of cells separated by spaces whose cells after the first are figures (`决策 15 15`), under a
 *   header of short words;
 * - a whole table flattened onto one line: a header of column names, then label + figures per row;
 * - one cell per line, rows separated by blank lines (text copied out of a PDF or a web table).
 *
 * A `单位：万元` line just above a table becomes its caption. Everything else is a paragraph, as read.
 */
import { EXPENDITURE_COLUMN_TERMS } from '../../core/glossary.ts';
import type { DocBlock, DocCell, DocParagraph, DocRow, DocTable, Document } from './document.ts';
import { headingOf } from './headings.ts';
import { isWhiteSpace } from './normalize.ts';

/** Words a table header is made of (column names of the report's and the forms' tables). */
const COLUMN_WORD =
  /指标|目标值|完成值|实际|分值|得分|权重|预算|决算|执行|金额|项目|序号|名称|合计|扣分|原因|数量|单位|情况|内容/;
const FIGURE = /^[-−+]?[\d,，]+(?:\.\d+)?%?$|^[-—–/／]$|^[≥≤><=＝]?\s*\d+(?:\.\d+)?[%‰]?$/;
const SENTENCE = /[。；;！？]/;

const isFigure = (s: string): boolean => FIGURE.test(s);
/** A short cell-like piece of text: not a sentence, not a numbered heading. */
const isCellLike = (s: string): boolean => s.length <= 40 && !SENTENCE.test(s) && headingOf(s) === null;

/** A line of text, or a paragraph another reader gave (kept as it was when it is no table row). */
export type ShapeLine = { no: number; text: string; block?: DocParagraph };
type Line = ShapeLine;

const paragraph = (l: Line): DocParagraph =>
  l.block ?? {
    kind: 'paragraph',
    text: l.text,
    src: { line: l.no, raw: l.text },
  };

let tableCount = 0;
let tablePrefix = 't';

/** Numbers the tables shaped from here on `${prefix}1`, `${prefix}2`…, so each reader's ids stay distinct. */
export const startTables = (prefix: string): void => {
  tableCount = 0;
  tablePrefix = prefix;
};

/** A table from rows of (line, cell texts); the caller numbers tables. */
const tableOf = (id: string, rows: readonly { line: number; cells: readonly string[] }[]): DocTable => {
  const out: DocRow[] = rows.map((r, row) => ({
    cells: r.cells.map(
      (text, column): DocCell => ({
        text,
        src: { line: r.line, table: id, row, column, raw: text },
        rowSpan: 1,
        colSpan: 1,
      }),
    ),
  }));
  const first = rows[0]!;
  return { kind: 'table', id, rows: out, headerRows: 1, caption: [], src: { line: first.line, raw: '' } };
};

// ---- `a | b | c` rows ---------------------------------------------------------------------------------

/**
 * At least two `|` or `｜`, found with indexOf (every line is asked, and most have neither: the native
 * search is several times faster than a loop over the code units).
 */
const isPipeRow = (s: string): boolean => {
  const a = s.indexOf('|');
  const b = s.indexOf('｜');
  if (a < 0 && b < 0) return false;
  const first = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  return s.indexOf('|', first + 1) >= 0 || s.indexOf('｜', first + 1) >= 0;
};
const pipeCells = (s: string): string[] => {
  const t = s
    .trim()
    .replace(/^[|｜]/, '')
    .replace(/[|｜]$/, '');
  return t.split(/[|｜]/).map((c) => c.trim());
};
const isRule = (cells: readonly string[]): boolean => cells.every((c) => /^:?-{2,}:?$|^$/.test(c));

// ---- rows separated by spaces --------------------------------------------------------------------------

const tokens = (s: string): string[] => s.trim().split(/\s+/);

/** {@link shapeOf}: at least two `|` or `｜` ({@link isPipeRow}). */
const PIPES = 1;
/** {@link shapeOf}: white space between two other characters (the text has two or more {@link tokens}). */
const INNER_SPACE = 2;

/**
 * What a line may be, told in one scan of it (every line is asked, and most are Chinese text with
 * neither): {@link PIPES} and {@link INNER_SPACE}.
 */
const shapeOf = (s: string): number => {
  let shape = 0;
  let bars = 0;
  let text = false;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 0x7c || c === 0xff5c) && ++bars === 2) shape |= PIPES;
    if (isWhiteSpace(c)) gap = text;
    else {
      if (gap) shape |= INNER_SPACE;
      text = true;
    }
  }
  return shape;
};

/** `决策 15 15`: a label and figures. */
const isSpacedRow = (t: readonly string[], width: number): boolean =>
  t.length === width && !isFigure(t[0]!) && t.slice(1).every(isFigure);
/** `一级指标 分值 得分`: short column names. */
const isSpacedHeader = (t: readonly string[]): boolean =>
  t.length >= 2 &&
  t.every((x) => x.length <= 12 && !isFigure(x) && !SENTENCE.test(x)) &&
  t.some((x) => COLUMN_WORD.test(x));

/**
 * Column names of the tables a report flattens onto one line, whole: two of them written together
 * (项目年初预算数, where a PDF line wrapped at the space between them and the lines were joined, as
 * Chinese lines are) are told apart only when both halves are one of these.
 */
const COLUMN_NAMES = new Set<string>([
  ...Object.values(EXPENDITURE_COLUMN_TERMS),
  ...['项目', '科目', '名称', '项目名称', '科目名称', '支出项目', '资金来源', '类别', '序号'],
  ...['预算数', '调整后预算数', '全年预算数', '预算执行数', '执行数', '全年执行数', '决算', '执行率'],
  ...['一级指标', '二级指标', '三级指标', '分值', '权重', '得分', '扣分', '目标值', '完成值', '实际完成值'],
  ...['合计', '金额', '占比', '比上年增减', '增减率', '备注'],
]);

/** `项目年初预算数` → `项目`, `年初预算数`: a token made of two known column names, else null. */
const splitJoined = (token: string): [string, string] | null => {
  for (let i = 2; i <= token.length - 2; i++) {
    if (COLUMN_NAMES.has(token.slice(0, i)) && COLUMN_NAMES.has(token.slice(i))) {
      return [token.slice(0, i), token.slice(i)];
    }
  }
  return null;
};

/**
 * A header short of the width its first row gives (a label and `width - 1` figures) by `missing`
 * columns, with that many of its tokens split into two known column names; null when they are not.
 */
const fullHeader = (head: readonly string[], missing: number): string[] | null => {
  const out: string[] = [];
  let left = missing;
  for (const token of head) {
    const split = left > 0 ? splitJoined(token) : null;
    if (split) left--;
    out.push(...(split ?? [token]));
  }
  return left === 0 ? out : null;
};

/**
 * A table flattened onto one line: `项目 年初预算数 调整预算数 决算数 基本支出 620.00 655.30 640.15 …`:
 * header words, then rows of one label and as many figures as the header has columns after the first.
 */
const flattened = (s: string): string[][] | null => {
  const t = tokens(s);
  let h = 0;
  while (h < t.length && !isFigure(t[h]!)) h++;
  if (h < 2) return null;
  // The header ends before the first row's label, the token just before the first figure; the first
  // row's figures say how many columns it has.
  let f = h;
  while (f < t.length && isFigure(t[f]!)) f++;
  const given = t.slice(0, h - 1);
  const head = f - h + 1 > given.length ? fullHeader(given, f - h + 1 - given.length) : given;
  if (!head) return null;
  const width = head.length;
  if (width < 3 || !isSpacedHeader(head)) return null;
  const rows: string[][] = [head];
  for (let i = h - 1; i < t.length; i += width) {
    const row = t.slice(i, i + width);
    if (!isSpacedRow(row, width)) return null;
    rows.push(row);
  }
  return rows.length >= 3 ? rows : null;
};

// ---- one cell per line, rows separated by blank lines ------------------------------------------------

/** Groups of non-blank lines, each with the number of blank lines before it. */
type Group = { lines: Line[]; blanksBefore: number; start: number; end: number };

const isHeaderCell = (l: Line): boolean =>
  isCellLike(l.text) && !isFigure(l.text) && !/表$|单位[:：]/.test(l.text);

/**
 * Rows of `width` cells written one cell per line, where an empty cell is an empty line: after the header
 * (ending at `run[from - 1]`) one blank line, then rows of `width` lines each followed by one blank line
 * (or the end). Null unless some cell is empty: without one, rows are simply the groups of lines.
 */
const slotRows = (
  run: readonly (Line | null)[],
  from: number,
  width: number,
): { rows: (Line | null)[][]; end: number } | null => {
  const rows: (Line | null)[][] = [];
  let p = from;
  if (run[p] !== null || p >= run.length) return null;
  p++;
  let empty = false;
  while (p + width <= run.length) {
    const row = run.slice(p, p + width);
    if (!row[0] && !row.some((l) => l)) break;
    if (!row.every((l) => !l || isCellLike(l.text))) break;
    if (p + width < run.length && run[p + width] !== null) break;
    if (row.some((l) => !l)) empty = true;
    rows.push(row);
    p += width + 1;
  }
  // The table ends where its text does: a row of some other width is no row of this table.
  const after = run[p];
  const ends = p >= run.length || !after || !isCellLike(after.text);
  return ends && empty && rows.length >= 2 ? { rows, end: p } : null;
};

/** Row groups of a table written one cell per line, blank lines between rows, after group `g`. */
const rowGroups = (groups: readonly Group[], g: number): number => {
  let n = 0;
  for (let i = g + 1; i < groups.length; i++) {
    const rows = groups[i]!;
    if (rows.blanksBefore > 2 || rows.lines.length < 2 || !rows.lines.every((l) => isCellLike(l.text))) break;
    n++;
  }
  return n;
};

/**
 * A reader that knows what a run of lines holds better than its shapes do (the understanding step's
 * vocabulary of a form's row labels and columns, src/formats/understand/project/form-lines.ts): the
 * lines `run[start, end)` it reads as a table, as rows of cells, each cell's text and its line (an
 * empty cell: its blank line). Null when the run holds no such table.
 */
export type RunReader = (
  run: readonly (Line | null)[],
) => { start: number; end: number; rows: { text: string; line: number }[][] } | null;

/**
 * Paragraph lines (with blank lines between them) → paragraphs and the tables they hold; the table a
 * {@link RunReader} finds is taken as it reads it, the lines around it shaped as usual.
 */
export const shapeRun = (run: readonly (Line | null)[], out: DocBlock[], reader?: RunReader): void => {
  const found = reader?.(run);
  if (found) {
    shapeLines(run.slice(0, found.start), out);
    const t = tableOf(
      `${tablePrefix}${++tableCount}`,
      found.rows.map((r) => ({ line: r[0]!.line, cells: r.map((c) => c.text) })),
    );
    found.rows.forEach((r, i) => {
      r.forEach((c, k) => {
        t.rows[i]!.cells[k]!.src.line = c.line;
      });
    });
    pushTable(out, t);
    shapeLines(run.slice(found.end), out);
    return;
  }
  shapeLines(run, out);
};

const shapeLines = (run: readonly (Line | null)[], out: DocBlock[]): void => {
  if (!run.length) return;
  // Groups of non-blank lines, for the one-cell-per-line shape.
  const groups: Group[] = [];
  let blanks = 0;
  for (const l of run) {
    if (!l) {
      blanks++;
      continue;
    }
    const last = groups.at(-1);
    const at = run.indexOf(l, last?.end ?? 0);
    if (last && blanks === 0) {
      last.lines.push(l);
      last.end = at + 1;
    } else groups.push({ lines: [l], blanksBefore: blanks, start: at, end: at + 1 });
    blanks = 0;
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!.lines;
    // Rows with empty cells (empty lines): the header's width tells rows apart.
    // A header is the last `across` lines, all header cells, one naming a column: no wider than the
    // trailing header cells, no narrower than reaching the last line that names a column.
    let slots: { rows: (Line | null)[][]; end: number } | null = null;
    let cells = 0;
    while (cells < group.length && isHeaderCell(group[group.length - 1 - cells]!)) cells++;
    let named = 0;
    while (named < cells && !COLUMN_WORD.test(group[group.length - 1 - named]!.text)) named++;
    let across = cells;
    for (; across >= 2 && across > named; across--) {
      slots = slotRows(run, groups[g]!.end, across);
      if (slots) break;
    }
    if (slots) {
      lines(group.slice(0, group.length - across), out);
      const header = group.slice(group.length - across);
      const rows = [header, ...slots.rows];
      const t = tableOf(
        `${tablePrefix}${++tableCount}`,
        rows.map((r) => ({ line: r.find((l) => l)!.no, cells: r.map((l) => l?.text ?? '') })),
      );
      rows.forEach((r, i) => {
        r.forEach((l, c) => {
          if (l) t.rows[i]!.cells[c]!.src.line = l.no;
        });
      });
      pushTable(out, t);
      const end = slots.end;
      while (g + 1 < groups.length && groups[g + 1]!.start < end) g++;
      continue;
    }
    const n = rowGroups(groups, g);
    const rowsOf = groups.slice(g + 1, g + 1 + n);
    // The header is the last lines of the group before the rows: as many as the widest row.
    const width = Math.max(0, ...rowsOf.map((x) => x.lines.length));
    const header = group.slice(group.length - width);
    const isTable =
      n >= 1 &&
      width >= 2 &&
      header.length === width &&
      header.every((l) => isCellLike(l.text) && !isFigure(l.text) && !/表$|单位[:：]/.test(l.text)) &&
      header.some((l) => COLUMN_WORD.test(l.text)) &&
      (n >= 2 || rowsOf.some((x) => x.lines.some((l) => isFigure(l.text))));
    if (!isTable) {
      lines(group, out);
      continue;
    }
    lines(group.slice(0, group.length - width), out);
    const all = [header, ...rowsOf.map((x) => x.lines)];
    const t = tableOf(
      `${tablePrefix}${++tableCount}`,
      all.map((ls) => ({ line: ls[0]!.no, cells: ls.map((l) => l.text) })),
    );
    // Each cell is its own line here.
    all.forEach((ls, r) => {
      ls.forEach((l, c) => {
        t.rows[r]!.cells[c]!.src.line = l.no;
      });
    });
    pushTable(out, t);
    g += n;
  }
};

/** Lines of one group: pipe rows, spaced rows and flattened tables, else paragraphs. */
const lines = (ls: readonly Line[], out: DocBlock[]): void => {
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const shape = shapeOf(l.text);
    if (shape & PIPES) {
      const rows: { line: number; cells: string[] }[] = [];
      let j = i;
      for (; j < ls.length && isPipeRow(ls[j]!.text); j++) {
        const cells = pipeCells(ls[j]!.text);
        if (!isRule(cells)) rows.push({ line: ls[j]!.no, cells });
      }
      if (rows.length) pushTable(out, tableOf(`${tablePrefix}${++tableCount}`, rows));
      i = j - 1;
      continue;
    }
    // A line of one token (most are) is neither a header nor a flattened table.
    const head = shape & INNER_SPACE ? tokens(l.text) : null;
    if (head && isSpacedHeader(head) && head.length <= 8) {
      const rows = [{ line: l.no, cells: head }];
      let j = i + 1;
      for (; j < ls.length; j++) {
        const t = tokens(ls[j]!.text);
        if (!isSpacedRow(t, head.length)) break;
        rows.push({ line: ls[j]!.no, cells: t });
      }
      if (rows.length >= 3) {
        pushTable(out, tableOf(`${tablePrefix}${++tableCount}`, rows));
        i = j - 1;
        continue;
      }
    }
    const flat = head && l.text.includes(' ') ? flattened(l.text) : null;
    if (flat) {
      pushTable(
        out,
        tableOf(
          `${tablePrefix}${++tableCount}`,
          flat.map((cells) => ({ line: l.no, cells })),
        ),
      );
      continue;
    }
    out.push(paragraph(l));
  }
};

const UNIT_LINE = /^\s*[(（]?\s*(?:金额)?单位\s*[:：]\s*(?:亿元|万元|元)\s*[)）]?\s*$/;

/** Adds a table, taking a `单位：万元` paragraph just above it as its caption. */
export const pushTable = (out: DocBlock[], t: DocTable): void => {
  const prev = out.at(-1);
  if (prev?.kind === 'paragraph' && UNIT_LINE.test(prev.text)) {
    out.pop();
    t.caption.push(prev);
  }
  out.push(t);
};

/**
 * The paragraphs of another reader's document (a web page's `<p>`s, a .docx's `w:p`s, a PDF's lines)
 * shaped as a text's lines are: `a | b` rows, rows set with spaces (`决策 15 15`) and tables flattened
 * onto one line become tables, as they do in text. Other paragraphs are kept as they were.
 */
export const shapeParagraphs = (doc: Document): Document => {
  startTables('s');
  const blocks: DocBlock[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length) lines(run, blocks);
    run = [];
  };
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph' && b.styleLevel === undefined) {
      run.push({ no: b.src.line ?? 0, text: b.text, block: b });
      continue;
    }
    flush();
    blocks.push(b);
  }
  flush();
  return { ...doc, blocks };
};
