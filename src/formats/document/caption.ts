/** Moving a table's title and unit lines into its caption: shared by the readers that find tables by layout (HTML, PDF). */
import type { DocBlock, DocParagraph, DocTable } from './document.ts';

/** A table's title or unit line (表1 …, 单位：万元, （金额单位：元）). */
export const CAPTION = /^[（(]?\s*(表\s*[0-9一二三四五六七八九十]+|(金额)?单位\s*[:：])/u;

/**
 * Title and unit lines just above a table become its caption (nearest last); so does a first row that
 * holds only such a line or one line across the whole table, which is then no data row (the rows below
 * move up one).
 */
export const takeCaption = (blocks: DocBlock[], table: DocTable): void => {
  const above: DocParagraph[] = [];
  while (above.length < 2) {
    const last = blocks[blocks.length - 1];
    if (last?.kind !== 'paragraph' || !CAPTION.test(last.text)) break;
    above.unshift(last);
    blocks.pop();
  }
  table.caption.unshift(...above);
  const width = Math.max(0, ...table.rows.map((r) => r.cells.reduce((n, c) => n + c.colSpan, 0)));
  const first = table.rows[0]?.cells.filter((c) => c.text !== '') ?? [];
  const only = first[0];
  const title = only && (CAPTION.test(only.text) || (width > 1 && only.colSpan === width));
  if (first.length === 1 && only && title && !only.text.includes('\n') && table.rows.length > 1) {
    // A caption is a paragraph: it keeps the table's place, not a cell's.
    const { table: _t, row: _r, column: _c, ...place } = table.src;
    table.caption.push({ kind: 'paragraph', text: only.text, src: { ...place, raw: only.text } });
    table.rows.shift();
    if (table.headerRows > 0) table.headerRows--;
    for (const row of table.rows) for (const c of row.cells) c.src = { ...c.src, row: (c.src.row ?? 1) - 1 };
  }
};
