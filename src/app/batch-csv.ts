/**
 * The CSV of a batch (`jixiao audit --format csv`, `jixiao jobs results`, the bureau's job download):
 * one row per file, what an auditor opens in Excel.
 */
import { SEVERITY_TERMS } from '../core/glossary.ts';
import type { FileAudit } from './audit-files.ts';
import { countFindings, type FindingCounts } from './batch-tally.ts';
import type { ReportFacts } from './report-facts.ts';

/** One CSV row per file: what an auditor opens in Excel. */
export type BatchRow = {
  file: string;
  facts: ReportFacts | undefined;
  counts: FindingCounts;
  /** Why the file could not be read, if it could not. */
  note: string;
};

export const CSV_HEADER = [
  '文件',
  '单位',
  '年度',
  '类型',
  '自评总分',
  '复核总分',
  '自评等级',
  '复核等级',
  SEVERITY_TERMS.error,
  SEVERITY_TERMS.warning,
  SEVERITY_TERMS.info,
  '说明',
] as const;

const KIND_WORD: Record<ReportFacts['kind'], string> = { department: '部门整体', project: '项目支出' };

/**
 * One CSV cell (RFC 4180). Text that Excel would take for a formula (= + - @ first) gets an apostrophe
 * first: a unit name or file name in a report is not to run as a formula.
 */
export const csvCell = (v: string | number | null | undefined, text = false): string => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The header line, after a UTF-8 byte order mark so that Excel reads the Chinese as UTF-8. */
export const csvHead = (): string => `\uFEFF${CSV_HEADER.join(',')}\r\n`;

export const csvLine = (r: BatchRow): string => {
  const f = r.facts;
  return `${[
    csvCell(r.file, true),
    csvCell(f?.unit, true),
    csvCell(f?.year),
    csvCell(f ? KIND_WORD[f.kind] : undefined),
    csvCell(f?.statedTotal),
    csvCell(f?.total),
    csvCell(f?.statedGrade),
    csvCell(f?.grade),
    csvCell(r.counts.error),
    csvCell(r.counts.warning),
    csvCell(r.counts.info),
    csvCell(r.note, true),
  ].join(',')}\r\n`;
};

/** The CSV row of a file that could not be read: one error, its reason. */
export const unreadRow = (file: string, message: string): BatchRow => ({
  file,
  facts: undefined,
  counts: countFindings([{ severity: 'error' }]),
  note: message,
});

/** A file's audit as its CSV row. */
export const auditCsvRow = (r: FileAudit): BatchRow =>
  r.ok
    ? { file: r.file, facts: r.facts, counts: countFindings(r.findings), note: '' }
    : unreadRow(r.file, r.message);
