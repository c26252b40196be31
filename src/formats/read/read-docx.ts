/**
 * Reads a .docx report: OOXML body → the format-neutral Document (paragraphs with the heading level
 * their style gives, tables with merged cells as spans) → the understanding step → the model.
 */

import { readDocxDocument } from '../docx/read-docx-lines.ts';
import { type ReadResult, readError } from '../read-result.ts';
import { understandDocument } from '../understand/understand.ts';

export const readDocxReport = (bytes: Uint8Array): ReadResult => {
  const read = readDocxDocument(bytes);
  if (!read.ok) return readError(read.problem.code, read.problem.zh, read.problem.en);
  return understandDocument(read.doc);
};
