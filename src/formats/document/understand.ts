/**
 * The understanding step: a {@link Document} (from any reader) → the report model. For now it hands
 * the document to the record parsers of the 部门整体 report and the 项目支出 form as {@link SourceLine}
 * records (a table's caption lines as the paragraphs just above it); the reading work replaces this
 * with an understanding of blocks by meaning.
 */
import { looksLikeProjectForm, parseProjectLines } from '../project/parse-project.ts';
import type { ReadResult } from '../read-result.ts';
import { parseReportLines } from '../text/parse-lines.ts';
import type { SourceLine } from '../text/source-line.ts';
import type { Document } from './document.ts';

/** The document as records: paragraphs, then each table's caption lines and its cells row by row. */
export const documentLines = (doc: Document): SourceLine[] => {
  const out: SourceLine[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      out.push({ text: b.text, src: b.src });
      continue;
    }
    for (const c of b.caption) out.push({ text: c.text, src: c.src });
    for (const row of b.rows) for (const cell of row.cells) out.push({ text: cell.text, src: cell.src });
  }
  return out;
};

export const understandDocument = (doc: Document): ReadResult => {
  const lines = documentLines(doc);
  const meta = { format: doc.format, encoding: doc.encoding } as const;
  const read = looksLikeProjectForm(lines) ? parseProjectLines(lines, meta) : parseReportLines(lines, meta);
  if (read.ok && doc.warnings.length) read.report.meta.warnings.unshift(...doc.warnings);
  return read;
};
