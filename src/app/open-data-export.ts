/**
 * Use case: open data. The published reports of a jurisdiction (and year) as CSV (UTF-8 with BOM, so
 * Excel opens the Chinese columns) or JSON. Every publication is a row; corrections appear beside the
 * version they correct. An export is an anonymous read: it is not written to the audit log, which records
 * who changed what (a flood of downloads would otherwise grow the append-only log without bound); the
 * public routes' rate limit bounds how often one client asks.
 */

import { listPublished, type PublicRow } from './public-reports.ts';
import type { Store } from './store.ts';
import { REPORT_KIND_LABELS } from './store.ts';

export const OPEN_DATA_COLUMNS = [
  ['reportId', '报告编号'],
  ['version', '版本'],
  ['latest', '最新版本'],
  ['jurisdictionName', '地区'],
  ['departmentCode', '单位编码'],
  ['departmentName', '单位'],
  ['year', '年度'],
  ['kind', '报告类型'],
  ['projectName', '项目'],
  ['statedTotal', '自评得分'],
  ['computedTotal', '重算得分'],
  ['grade', '等级'],
  ['reviewedTotal', '审核得分'],
  ['reviewedGrade', '审核等级'],
  ['publishedAt', '公开时间（北京时间）'],
] as const;

const cell = (row: PublicRow, key: (typeof OPEN_DATA_COLUMNS)[number][0]): string => {
  const v = row[key];
  if (key === 'kind') return REPORT_KIND_LABELS[row.kind];
  if (key === 'latest') return row.latest ? '是' : '否';
  if (v instanceof Date) return localTime(v);
  return v === null || v === undefined ? '' : String(v);
};

/** Beijing time (UTC+8, no daylight saving), as people read it: 2024-05-06 14:30:00. */
export const localTime = (d: Date): string =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
const csvField = (s: string): string => {
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const toCsv = (rows: readonly PublicRow[]): string =>
  `\uFEFF${[
    OPEN_DATA_COLUMNS.map(([, zh]) => zh).join(','),
    ...rows.map((r) => OPEN_DATA_COLUMNS.map(([k]) => csvField(cell(r, k))).join(',')),
  ].join('\r\n')}\r\n`;

export const openDataExport = async (
  store: Store,
  input: { jurisdictionId?: string | undefined; year?: number | undefined; format: 'csv' | 'json' },
): Promise<{ rows: PublicRow[]; body: string }> => {
  const rows = await listPublished(store, { jurisdictionId: input.jurisdictionId, year: input.year });
  return { rows, body: input.format === 'csv' ? toCsv(rows) : JSON.stringify(rows) };
};
