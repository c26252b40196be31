/**
 * Use case: the bureau's batch export of the reports it selected or filtered — a zip of each current
 * version as .docx or PDF (named as single downloads are: 单位-年度-报告类型-v3.docx), or an .xlsx summary
 * with one row per report (self and reviewed scores, grades, finding counts). PDFs print one after the
 * other through the one shared Chromium, and batches are bounded, so an export cannot crowd out the
 * single downloads; an export is recorded in the audit log.
 */

import JSZip from 'jszip';
import { REPORT_KIND_TERMS, SEVERITY_TERMS } from '../core/glossary.ts';
import { failure, type Result } from '../core/result.ts';
import { REPORT_STATUS_LABELS } from '../core/workflow.ts';
import { needRole } from './access.ts';
import { downloadName, RENDER_CONTENT_TYPES, renderDocument } from './render-version.ts';
import { listReports, type ReportFilter, type ReportRow } from './report-views.ts';
import type { Store, User } from './store.ts';

export const BATCH_FORMATS = ['docx', 'pdf', 'summary'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** The most reports one export takes: PDFs are the costly ones. */
export const BATCH_LIMITS = { docx: 200, pdf: 30, summary: 5000 } as const satisfies Record<
  BatchFormat,
  number
>;
/** Exports running at once in this process; more are refused as busy (retry shortly). */
const MAX_RUNNING = 2;
let running = 0;

export type BatchFile = { bytes: Uint8Array; filename: string; contentType: string; count: number };

const ZIP_TYPE = 'application/zip';

/** The summary's columns: one row per report. */
const summaryRows = (rows: readonly ReportRow[], places: Map<string, string>) =>
  rows.map((r) => [
    r.departmentName,
    places.get(r.jurisdictionId) ?? '',
    r.year,
    REPORT_KIND_TERMS[r.kind],
    r.projectName,
    REPORT_STATUS_LABELS[r.status],
    r.statedTotal === null ? null : Number(r.statedTotal),
    r.computedTotal === null ? null : Number(r.computedTotal),
    r.grade,
    r.reviewedTotal === null ? null : Number(r.reviewedTotal),
    r.reviewedGrade,
    r.findings.errors,
    r.findings.warnings,
    r.findings.infos,
    r.currentVersion,
  ]);

const SUMMARY_COLUMNS = [
  { header: '单位', width: 24 },
  { header: '地区', width: 14 },
  { header: '年度', width: 8 },
  { header: '报告类型', width: 26 },
  { header: '项目', width: 22 },
  { header: '状态', width: 12 },
  { header: '自评得分', width: 10 },
  { header: '重算得分', width: 10 },
  { header: '等级', width: 8 },
  { header: '审核得分', width: 10 },
  { header: '审核等级', width: 10 },
  { header: SEVERITY_TERMS.error, width: 8 },
  { header: SEVERITY_TERMS.warning, width: 8 },
  { header: SEVERITY_TERMS.info, width: 8 },
  { header: '版本', width: 8 },
];

/** Names in a zip must differ: two projects of one unit would share 单位-年度-项目支出绩效自评表-v1. */
const uniqueName = (taken: Set<string>, name: string, project: string | null): string => {
  const dot = name.lastIndexOf('-v');
  const withProject = project
    ? `${name.slice(0, dot)}-${project.replace(/[\\/:*?"<>|\s]/gu, '')}${name.slice(dot)}`
    : name;
  let out = withProject;
  for (let i = 2; taken.has(out); i++) out = withProject.replace(/(\.[a-z]+)$/u, `（${i}）$1`);
  taken.add(out);
  return out;
};

export const batchExport = async (
  store: Store,
  actor: User,
  input: { format: BatchFormat; ids?: readonly string[] | undefined; filter: ReportFilter },
): Promise<Result<BatchFile>> => {
  const refused = needRole(actor, ['bureau-reviewer', 'admin']);
  if (refused) return refused;
  const listed = await listReports(store, actor, input.filter);
  const wanted = input.ids ? new Set(input.ids) : null;
  const rows = wanted ? listed.filter((r) => wanted.has(r.id)) : listed;
  if (rows.length === 0) return failure('invalid', '没有可导出的报告', 'no reports to export');
  const max = BATCH_LIMITS[input.format];
  if (rows.length > max)
    return failure(
      'batch-too-large',
      `一次最多导出 ${max} 份（当前 ${rows.length} 份），请缩小筛选范围或分批导出`,
      `at most ${max} reports per export`,
    );
  if (running >= MAX_RUNNING)
    return failure(
      'render.busy',
      '正在进行的批量导出过多，请稍后再试',
      'too many exports at once; retry shortly',
    );
  running++;
  try {
    const stamp = rows[0]!.year === rows.at(-1)!.year ? `${rows[0]!.year}年度` : '多年度';
    let file: BatchFile;
    if (input.format === 'summary') {
      const places = new Map(
        (await store.org.jurisdictionSubtree(actor.jurisdictionId ?? '')).map((j) => [j.id, j.name]),
      );
      file = {
        // exceljs is loaded only when a summary is asked for (the CLI's --help and other commands skip it).
        bytes: await (await import('../formats/xlsx/table-workbook.ts')).writeTableWorkbook(
          '报告汇总',
          SUMMARY_COLUMNS,
          summaryRows(rows, places),
        ),
        filename: `报告汇总-${stamp}-${rows.length}份.xlsx`,
        contentType: RENDER_CONTENT_TYPES.xlsx,
        count: rows.length,
      };
    } else {
      const format = input.format;
      const zip = new JSZip();
      const taken = new Set<string>();
      const failed: string[] = [];
      // One after the other: a batch holds at most one of the shared Chromium's slots.
      for (const r of rows) {
        const v = await store.reports.getVersion(r.id, r.currentVersion);
        const name = uniqueName(taken, await downloadName(store, r, r.currentVersion, format), r.projectName);
        const out = v
          ? await renderDocument(
              store,
              v.document,
              { boundId: r.frameworkId, departmentId: r.departmentId },
              format,
            )
          : null;
        if (out?.ok) zip.file(name, out.value);
        else failed.push(`${name}：${out ? out.message : '未找到报告版本'}`);
      }
      if (failed.length) zip.file('未能生成的文件.txt', `${failed.join('\r\n')}\r\n`);
      file = {
        bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
        filename: `报告-${stamp}-${rows.length}份-${format === 'pdf' ? 'PDF' : 'Word'}.zip`,
        contentType: ZIP_TYPE,
        count: rows.length - failed.length,
      };
    }
    await store.audit.append({
      actorId: actor.id,
      action: 'report.batch-export',
      targetType: 'jurisdiction',
      targetId: input.filter.jurisdictionId ?? actor.jurisdictionId ?? '',
      detail: { format: input.format, reports: rows.map((r) => r.id) },
    });
    return { ok: true, value: file };
  } finally {
    running--;
  }
};
