/**
 * The understanding step: a {@link Document} from any reader (text of any shape, .docx, HTML, PDF …) →
 * the report model. The document is handed to the record readers of the 部门整体 report and the 项目支出
 * form as {@link SourceLine} records (a table's caption lines as the paragraphs just above it, a
 * paragraph's heading style level kept); they find the report's parts by meaning (headings by their
 * numbering in any style, or by their heading style when they have no number, and by a vocabulary of
 * synonyms, tables by their header), not by their order or shape.
 */
import type { Document } from '../document/document.ts';
import { shapeParagraphs } from '../document/shape-paragraphs.ts';
import type { SourceLine } from '../document/source-line.ts';
import type { ReadResult } from '../read-result.ts';
import { parseReportLines } from './parse-lines.ts';
import { looksLikeProjectForm, parseProjectLines } from './project/parse-project.ts';
import { looksLikeProjectReport, parseProjectReportLines } from './project-narrative.ts';

/**
 * The document as records: paragraphs, then each table's caption lines and its cells row by row. A
 * paragraph and a cell are records as they are (their text, src and a paragraph's style level are the
 * record's), so none is copied; only a paragraph whose style level is 0 is, as a record has none then
 * (and a caption's style level is left out, as before).
 */
export const documentLines = (doc: Document): SourceLine[] => {
  const out: SourceLine[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      out.push(b.styleLevel || b.styleLevel === undefined ? b : { text: b.text, src: b.src });
      continue;
    }
    for (const c of b.caption) out.push(c.styleLevel === undefined ? c : { text: c.text, src: c.src });
    for (const row of b.rows) for (const cell of row.cells) out.push(cell);
  }
  return out;
};

export const understandDocument = (given: Document): ReadResult => {
  // Tables typed as paragraphs (`决策 15 15` rows, a table flattened onto one line) are tables in any
  // format, as they are in text (whose reader shaped them already).
  const doc = given.format === 'text' ? given : shapeParagraphs(given);
  const lines = documentLines(doc);
  const meta = { format: doc.format, encoding: doc.encoding } as const;
  // The kind from the content: a 项目支出 form (its labels), a narrative project report (its title), or a
  // 部门整体 report.
  const read = looksLikeProjectForm(lines)
    ? parseProjectLines(lines, meta)
    : looksLikeProjectReport(lines)
      ? parseProjectReportLines(lines, meta)
      : parseReportLines(lines, meta);
  if (read.ok && doc.warnings.length) read.value.meta.warnings.unshift(...doc.warnings);
  return read;
};
