import type { ReadResult } from '../read-result.ts';
import { understandDocument } from '../understand/understand.ts';
import { textDocument } from './text-document.ts';

export type TextReadOptions = { encoding: string | null };

/**
 * Reads a text report (already decoded) of any shape into the model: the text becomes a
 * {@link Document} (src/formats/text/text-document.ts), which the understanding step reads.
 */
export const readTextReport = (text: string, options: TextReadOptions): ReadResult =>
  understandDocument(textDocument(text, options.encoding));
