/**
 * Use case: open data. The published reports of a jurisdiction (and year) as CSV (UTF-8 with BOM, so
 * Excel opens the Chinese columns) or JSON. Every publication is a row; corrections appear beside the
 * version they correct. `dataset: 'targets'` gives the published 绩效目标表 the same way (one CSV row per
 * indicator, `targets/open-data-targets.ts`). An export is an anonymous read: it is not written to the audit log, which records
 * who changed what (a flood of downloads would otherwise grow the append-only log without bound); the
 * public routes' rate limit bounds how often one client asks.
 */

import { csvFile, localTime } from './open-data-csv.ts';
import { listPublished, type PublicRow } from './public-reports.ts';
import type { Store } from './store.ts';
import { REPORT_KIND_LABELS } from './store.ts';
import { targetOpenData } from './targets/open-data-targets.ts';

export { localTime } from './open-data-csv.ts';

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

export const toCsv = (rows: readonly PublicRow[]): string =>
  csvFile(
    OPEN_DATA_COLUMNS.map(([, zh]) => zh),
    rows.map((r) => OPEN_DATA_COLUMNS.map(([k]) => cell(r, k))),
  );

export const OPEN_DATA_SETS = ['reports', 'targets'] as const;
export type OpenDataSet = (typeof OPEN_DATA_SETS)[number];

export const openDataExport = async (
  store: Store,
  input: {
    jurisdictionId?: string | undefined;
    year?: number | undefined;
    format: 'csv' | 'json';
    dataset?: OpenDataSet | undefined;
  },
): Promise<{ rows: unknown[]; body: string }> => {
  if (input.dataset === 'targets') return targetOpenData(store, input);
  const rows = await listPublished(store, { jurisdictionId: input.jurisdictionId, year: input.year });
  return { rows, body: input.format === 'csv' ? toCsv(rows) : JSON.stringify(rows) };
};
