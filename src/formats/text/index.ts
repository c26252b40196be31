/**
 * The text form of a 部门整体支出绩效自评报告: decoding, splitting into {@link SourceLine} records,
 * the format-independent parser (shared with the .docx reader) and the readable summary.
 */
export { type Decoded, decodeText } from './decode.ts';
export { type ParseMeta, parseReportLines } from './parse-lines.ts';
export { readTextReport, type TextReadOptions } from './read-text.ts';
export type { SourceLine } from './source-line.ts';
export { splitTextLines } from './split-lines.ts';
export { formatSummary } from './summary.ts';
