/**
 * The records of a report grouped into paragraphs and tables, each line normalized once, with helpers
 * that give any part of a line its `src` (raw text exactly as read).
 */
import type { Source } from '../../core/model/index.ts';
import { type Heading, headingOf } from '../document/headings.ts';
import { type Normalized, normalizeLine, rawSlice } from '../document/normalize.ts';
import type { SourceLine } from '../document/source-line.ts';

/** A paragraph or a table cell: its normalized text and where it came from. */
export type Piece = { text: string; raw: string; norm: Normalized; src: Source };

export type Para = Piece & {
  kind: 'p';
  /** Position in the block list. */
  at: number;
  /** True when it is the title or unit line of the table that follows. */
  tableTitle: boolean;
  /** The heading level its style gives (see {@link SourceLine}); undefined when the file says nothing. */
  styleLevel: number | undefined;
  /** Its heading number once {@link paraHeading} has parsed it; undefined before. */
  heading: Heading | null | undefined;
};

/** The heading number of a paragraph, parsed once: several parts look at the same lines. */
export const paraHeading = (p: Para): Heading | null => {
  if (p.heading === undefined) p.heading = headingOf(p.text);
  return p.heading;
};

export type Row = { index: number; cells: (Piece | undefined)[] };

export type Table = {
  kind: 'table';
  at: number;
  id: string;
  rows: Row[];
  /** The short lines just before the table (its title, a 单位 line), nearest last. */
  titles: Para[];
  src: Source;
};

export type Block = Para | Table;

/**
 * A paragraph that reads like a table title: short, not a sentence, not a numbered heading, nor one
 * set in a heading style (unless it names a 表).
 */
const looksLikeTitle = (p: Para): boolean =>
  p.text.length <= 80 &&
  (/单位[:：]/.test(p.text) ||
    (!paraHeading(p) && (/表/.test(p.text) || (!p.styleLevel && !/[。；;，,]/.test(p.text)))));

export const toBlocks = (lines: readonly SourceLine[]): Block[] => {
  const blocks: Block[] = [];
  let table: Table | null = null;
  for (const line of lines) {
    const norm = normalizeLine(line.text);
    const { text } = norm;
    const id = line.src.table;
    if (id === undefined) {
      table = null;
      if (text === '') continue;
      // Made directly, not from a piece: one object per paragraph, and no spread (once the slowest line).
      blocks.push({
        text,
        raw: line.text,
        norm,
        src: line.src,
        kind: 'p',
        at: blocks.length,
        tableTitle: false,
        styleLevel: line.styleLevel,
        heading: undefined,
      });
      continue;
    }
    if (!table || table.id !== id) {
      const titles: Para[] = [];
      for (let j = blocks.length - 1; j >= 0 && titles.length < 2; j--) {
        const b = blocks[j]!;
        if (b.kind !== 'p' || !looksLikeTitle(b)) break;
        b.tableTitle = true;
        titles.unshift(b);
        if (!/^单位[:：]/.test(b.text)) break;
      }
      table = { kind: 'table', at: blocks.length, id, rows: [], titles, src: line.src };
      blocks.push(table);
    }
    const r = line.src.row ?? 0;
    let row = table.rows[table.rows.length - 1];
    if (!row || row.index !== r) {
      row = { index: r, cells: [] };
      table.rows.push(row);
    }
    row.cells[line.src.column ?? row.cells.length] = { text, raw: line.text, norm, src: line.src };
  }
  return blocks;
};

/** The `src` of `text.slice(start, end)` of a piece: its line (and cell), with the raw text of that part. */
export const srcOf = (p: Piece, start = 0, end = p.text.length): Source =>
  // The whole piece: its line exactly as read, bookmarks and indentation included.
  start === 0 && end >= p.text.length ? p.src : { ...p.src, raw: rawSlice(p.raw, p.norm, start, end) };

/** Text of a table cell, '' when absent. */
export const cellText = (row: Row, column: number): string => row.cells[column]?.text ?? '';
