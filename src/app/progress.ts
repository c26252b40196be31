/**
 * Use case: the bureau's progress table — every department of a jurisdiction (and below) with the step
 * its reports of the year have reached (未建 / 草稿 / 已提交 / 单位已审核 / 财政已审核 / 已公开) and the date
 * of each step, filterable by step, kind and 地区, and as an .xlsx download. A department without a
 * 部门整体 report shows as 未建; 项目 reports are listed as they exist (not every unit has projects).
 */

import { REPORT_KIND_TERMS } from '../core/glossary.ts';
import type { Result } from '../core/result.ts';
import type { ReportStatus } from '../core/workflow.ts';
import { canSeeJurisdiction, needRole, notFound } from './access.ts';
import { localTime } from './open-data-export.ts';
import type { Report, Store, User } from './store.ts';

export const PROGRESS_STEPS = [
  'none',
  'draft',
  'submitted',
  'dept-approved',
  'bureau-approved',
  'published',
] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];
export const PROGRESS_STEP_LABELS = {
  none: '未建',
  draft: '草稿',
  submitted: '已提交',
  'dept-approved': '单位已审核',
  'bureau-approved': '财政已审核',
  published: '已公开',
} as const satisfies Record<ProgressStep, string>;

/** A returned report is back with its preparer: a draft again, marked as returned. */
const stepOf = (s: ReportStatus): Exclude<ProgressStep, 'none'> => (s === 'returned' ? 'draft' : s);

export type ProgressRow = {
  departmentId: string;
  departmentName: string;
  departmentCode: string | null;
  jurisdictionId: string;
  jurisdictionName: string;
  reportId: string | null;
  kind: Report['kind'] | null;
  projectName: string | null;
  status: ReportStatus | null;
  step: ProgressStep;
  /** When each step up to the current one was (last) reached: 草稿 is the creation. */
  dates: Partial<Record<Exclude<ProgressStep, 'none'>, Date>>;
};

export type Progress = {
  jurisdictionId: string;
  year: number;
  /** Rows per step before the step filter (the table's header counts). */
  counts: Record<ProgressStep, number>;
  rows: ProgressRow[];
};

export type ProgressQuery = {
  year: number;
  jurisdictionId?: string | undefined;
  step?: ProgressStep | undefined;
  kind?: Report['kind'] | undefined;
};

export const progressTable = async (
  store: Store,
  actor: User,
  query: ProgressQuery,
): Promise<Result<Progress>> => {
  const refused = needRole(actor, ['bureau-reviewer', 'admin']);
  if (refused) return refused;
  const jurisdictionId = query.jurisdictionId ?? actor.jurisdictionId;
  if (!jurisdictionId || !(await canSeeJurisdiction(store, actor, jurisdictionId)))
    return notFound('地区', 'jurisdiction');
  const [places, departments, reports] = await Promise.all([
    store.org.jurisdictionSubtree(jurisdictionId),
    store.org.listDepartments({ jurisdictionId }),
    store.reports.list({ jurisdictionId, year: query.year, kind: query.kind }),
  ]);
  const placeName = new Map(places.map((j) => [j.id, j.name]));
  const steps = await store.reports.listStepDates(reports.map((r) => r.id));
  const reached = new Map<string, Map<ReportStatus, Date>>();
  for (const s of steps) {
    const m = reached.get(s.reportId) ?? new Map<ReportStatus, Date>();
    m.set(s.status, s.at);
    reached.set(s.reportId, m);
  }
  const byDepartment = new Map<string, Report[]>();
  for (const r of reports) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
  const rows: ProgressRow[] = [];
  for (const d of departments) {
    const own = byDepartment.get(d.id) ?? [];
    if (d.disabled && own.length === 0) continue;
    const base = {
      departmentId: d.id,
      departmentName: d.name,
      departmentCode: d.code,
      jurisdictionId: d.jurisdictionId,
      jurisdictionName: placeName.get(d.jurisdictionId) ?? '',
    };
    if (query.kind !== 'project' && !own.some((r) => r.kind === 'department'))
      rows.push({
        ...base,
        reportId: null,
        kind: null,
        projectName: null,
        status: null,
        step: 'none',
        dates: {},
      });
    for (const r of own) {
      const step = stepOf(r.status);
      const at = reached.get(r.id);
      const upTo = PROGRESS_STEPS.slice(2, PROGRESS_STEPS.indexOf(step) + 1) as Exclude<
        ProgressStep,
        'none' | 'draft'
      >[];
      const dates: ProgressRow['dates'] = { draft: r.createdAt };
      for (const s of upTo) {
        const when = at?.get(s);
        if (when) dates[s] = when;
      }
      rows.push({
        ...base,
        reportId: r.id,
        kind: r.kind,
        projectName: r.projectName,
        status: r.status,
        step,
        dates,
      });
    }
  }
  const counts = Object.fromEntries(PROGRESS_STEPS.map((s) => [s, 0])) as Record<ProgressStep, number>;
  for (const r of rows) counts[r.step]++;
  return {
    ok: true,
    value: {
      jurisdictionId,
      year: query.year,
      counts,
      rows: query.step ? rows.filter((r) => r.step === query.step) : rows,
    },
  };
};

/** The table as an .xlsx: one row per department or report, the dates in Beijing time. */
export const progressWorkbook = async (progress: Progress): Promise<Uint8Array> => {
  const dated = PROGRESS_STEPS.slice(1) as Exclude<ProgressStep, 'none'>[];
  // exceljs is loaded only when the table is exported.
  const { writeTableWorkbook } = await import('../formats/xlsx/table-workbook.ts');
  return writeTableWorkbook(
    `${progress.year}年度填报进度`,
    [
      { header: '地区', width: 14 },
      { header: '单位编码', width: 12 },
      { header: '单位', width: 24 },
      { header: '报告类型', width: 26 },
      { header: '项目', width: 24 },
      { header: '进度', width: 12 },
      ...dated.map((s) => ({ header: `${PROGRESS_STEP_LABELS[s]}时间（北京时间）`, width: 22 })),
    ],
    progress.rows.map((r) => [
      r.jurisdictionName,
      r.departmentCode,
      r.departmentName,
      r.kind ? REPORT_KIND_TERMS[r.kind] : '',
      r.projectName,
      r.status === 'returned' ? '已退回' : PROGRESS_STEP_LABELS[r.step],
      ...dated.map((s) => {
        const d = r.dates[s];
        return d ? localTime(d) : '';
      }),
    ]),
  );
};
