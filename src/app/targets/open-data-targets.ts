/**
 * Open data of the published 绩效目标表, by the reports' conventions (open-data-csv.ts): CSV with one row
 * per indicator of each published version (the table's own columns repeated), or JSON with one entry per
 * publication and its whole approved table. Every publication is there; `latest` marks a table's newest.
 */
import { tableFunds } from '../../core/targets/table.ts';
import { TARGET_KIND_LABELS } from '../../core/targets/vocab.ts';
import { csvFile, localTime } from '../open-data-csv.ts';
import type { Store } from '../store.ts';
import { listPublishedTargets, type PublicTargetRow, publishedTargetDocument } from './public-targets.ts';

export const TARGET_OPEN_DATA_COLUMNS = [
  '目标表编号',
  '版本',
  '最新版本',
  '地区',
  '单位编码',
  '单位',
  '年度',
  '目标表类型',
  '项目',
  '资金总额（万元）',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标性质',
  '指标值',
  '计量单位',
  '权重',
  '公开时间（北京时间）',
] as const;

export type TargetOpenDataRow = PublicTargetRow & {
  table: NonNullable<Awaited<ReturnType<typeof publishedTargetDocument>>>;
};

export const targetOpenData = async (
  store: Store,
  input: { jurisdictionId?: string | undefined; year?: number | undefined; format: 'csv' | 'json' },
): Promise<{ rows: TargetOpenDataRow[]; body: string }> => {
  const listed = await listPublishedTargets(store, {
    jurisdictionId: input.jurisdictionId,
    year: input.year,
  });
  const rows: TargetOpenDataRow[] = [];
  for (const p of listed) {
    const table = await publishedTargetDocument(store, p.tableId, p.version);
    if (table) rows.push({ ...p, table });
  }
  if (input.format === 'json') return { rows, body: JSON.stringify(rows) };
  const lines = rows.flatMap((r) => {
    const head = [
      r.tableId,
      String(r.version),
      r.latest ? '是' : '否',
      r.jurisdictionName,
      r.departmentCode ?? '',
      r.departmentName,
      String(r.year),
      TARGET_KIND_LABELS[r.kind],
      r.projectName ?? '',
      tableFunds(r.table) ?? '',
    ];
    const at = localTime(r.publishedAt);
    if (r.table.indicators.length === 0) return [[...head, '', '', '', '', '', '', '', at]];
    return r.table.indicators.map((i) => [
      ...head,
      i.level1,
      i.level2,
      i.name,
      i.nature ?? '',
      i.value,
      i.unit,
      i.weight ?? '',
      at,
    ]);
  });
  return { rows, body: csvFile(TARGET_OPEN_DATA_COLUMNS, lines) };
};
