/**
 * Use cases that read: the reports an actor may see, one report with its history, comments and
 * re-scores, a version's document, its score and its audit, the frameworks it is scored against.
 */
import type { Framework } from '../core/framework/index.ts';
import type { ReportStatus } from '../core/workflow.ts';
import { type AppResult, jurisdictionScope, notFound, seeReport } from './access.ts';
import { evaluateStored, frameworksFor } from './framework-choice.ts';
import {
  auditWithExplanations,
  type ExplainedFinding,
  type VersionScore,
  versionScore,
} from './report-scoring.ts';
import { type ReviewedFigures, withReviewed } from './reviewed-scores.ts';
import type {
  Comment,
  Department,
  Report,
  ReportVersion,
  ReportVersionText,
  Rescore,
  Store,
  User,
  VersionMeta,
} from './store.ts';

export type ReportRow = Report &
  ReviewedFigures & { departmentName: string; departmentCode: string | null; jurisdictionId: string };

export type ReportFilter = {
  year?: number | undefined;
  status?: ReportStatus | undefined;
  departmentId?: string | undefined;
  jurisdictionId?: string | undefined;
  kind?: Report['kind'] | undefined;
};

/** The reports in the actor's scope (their department, or their jurisdiction and below). */
export const listReports = async (store: Store, actor: User, filter: ReportFilter): Promise<ReportRow[]> => {
  const query = {
    year: filter.year,
    kind: filter.kind,
    statuses: filter.status ? [filter.status] : undefined,
  };
  let reports: Report[];
  let departments: Department[];
  if (actor.departmentId) {
    if (filter.departmentId && filter.departmentId !== actor.departmentId) return [];
    const own = await store.org.getDepartment(actor.departmentId);
    departments = own ? [own] : [];
    reports = await store.reports.list({ ...query, departmentId: actor.departmentId });
  } else {
    // A jurisdiction asked for must lie in the actor's scope; none asked for: the whole scope.
    const within = filter.jurisdictionId ?? actor.jurisdictionId;
    if (!within || !(await jurisdictionScope(store, actor)).has(within)) return [];
    departments = await store.org.listDepartments({ jurisdictionId: within });
    reports = await store.reports.list({
      ...query,
      jurisdictionId: within,
      departmentId: filter.departmentId,
    });
  }
  const byId = new Map(departments.map((d) => [d.id, d]));
  return withReviewed(
    store,
    reports.flatMap((r) => {
      const d = byId.get(r.departmentId);
      return d
        ? [{ ...r, departmentName: d.name, departmentCode: d.code, jurisdictionId: d.jurisdictionId }]
        : [];
    }),
  );
};

export type ReportDetail = {
  report: ReportRow;
  versions: VersionMeta[];
  comments: Comment[];
  rescores: Rescore[];
  publications: { version: number; publishedAt: Date }[];
};

export const getReport = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<AppResult<ReportDetail>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const { report, department } = seen.value;
  const [versions, comments, rescores, published, [row]] = await Promise.all([
    store.reports.listVersions(reportId),
    store.review.listComments(reportId),
    store.review.listRescores(reportId, { latestOnly: true }),
    store.reports.listPublished({
      jurisdictionId: department.jurisdictionId,
      year: report.year,
      kind: report.kind,
    }),
    withReviewed(store, [
      {
        ...report,
        departmentName: department.name,
        departmentCode: department.code,
        jurisdictionId: department.jurisdictionId,
      },
    ]),
  ]);
  return {
    ok: true,
    value: {
      report: row!,
      versions,
      comments,
      rescores,
      publications: published
        .filter((p) => p.reportId === reportId)
        .map((p) => ({ version: p.version, publishedAt: p.publishedAt })),
    },
  };
};

/** `version` 0 or absent: the current one. */
export const getVersion = async (
  store: Store,
  actor: User,
  reportId: string,
  version?: number,
): Promise<AppResult<ReportVersion & { report: Report }>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const { report } = seen.value;
  const v = await store.reports.getVersion(reportId, version || report.currentVersion);
  if (!v) return notFound('报告版本', 'report version');
  return { ok: true, value: { ...v, report } };
};

/**
 * The same as getVersion, with the document as the stored JSON text: for an answer that only passes the
 * document on, so that it is neither parsed nor serialised again.
 */
export const getVersionText = async (
  store: Store,
  actor: User,
  reportId: string,
  version?: number,
): Promise<AppResult<ReportVersionText & { report: Report }>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const { report } = seen.value;
  const v = await store.reports.getVersionText(reportId, version || report.currentVersion);
  if (!v) return notFound('报告版本', 'report version');
  return { ok: true, value: { ...v, report } };
};

export type ScoreView = VersionScore & { version: number };

export const scoreVersion = async (
  store: Store,
  actor: User,
  reportId: string,
  version?: number,
): Promise<AppResult<ScoreView>> => {
  const got = await getVersion(store, actor, reportId, version);
  if (!got.ok) return got;
  const { evaluation } = await evaluateStored(
    store,
    got.value.document,
    { boundId: got.value.report.frameworkId, departmentId: got.value.report.departmentId },
    { audit: false },
  );
  const rescores = (await store.review.listRescores(reportId, { latestOnly: true })).filter(
    (r) => r.version <= got.value.version,
  );
  return { ok: true, value: { ...versionScore(evaluation, rescores), version: got.value.version } };
};

export type AuditView = {
  version: number;
  findings: ExplainedFinding[];
  errors: number;
  unexplained: number;
};

export const auditVersion = async (
  store: Store,
  actor: User,
  reportId: string,
  version?: number,
): Promise<AppResult<AuditView>> => {
  const got = await getVersion(store, actor, reportId, version);
  if (!got.ok) return got;
  const { evaluation } = await evaluateStored(
    store,
    got.value.document,
    { boundId: got.value.report.frameworkId, departmentId: got.value.report.departmentId },
    { audit: false },
  );
  const findings = auditWithExplanations(
    got.value.document,
    await store.review.listComments(reportId),
    evaluation.choice?.framework ?? null,
  );
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    ok: true,
    value: {
      version: got.value.version,
      findings,
      errors: errors.length,
      unexplained: errors.filter((f) => !f.explanation).length,
    },
  };
};

export const addComment = async (
  store: Store,
  actor: User,
  input: { reportId: string; body: string; indicatorPath?: string | undefined },
): Promise<AppResult<Comment>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  return store.review.addComment(
    {
      reportId: input.reportId,
      version: seen.value.report.currentVersion,
      kind: 'comment',
      body: input.body,
      indicatorPath: input.indicatorPath ?? null,
    },
    actor.id,
  );
};

export type HistoryEntry = {
  id: number;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
};

/** Who did what to the report, newest first, from the append-only audit log. */
export const reportHistory = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<AppResult<HistoryEntry[]>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const entries = await store.audit.list({ targetType: 'report', targetId: reportId, limit: 500 });
  const names = new Map<string, string | null>();
  for (const e of entries)
    if (e.actorId && !names.has(e.actorId))
      names.set(e.actorId, (await store.users.getUser(e.actorId))?.displayName ?? null);
  return {
    ok: true,
    value: entries.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actorId: e.actorId,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      detail: e.detail,
    })),
  };
};

/**
 * The frameworks the server scores this report against (see frameworksFor): the editor scores with the
 * same ones, so that its live score is the one a save stores.
 */
export const reportFrameworks = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<AppResult<{ frameworks: Framework[]; bound: boolean }>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const c = await frameworksFor(store, seen.value.report.kind, {
    boundId: seen.value.report.frameworkId,
    departmentId: seen.value.report.departmentId,
  });
  return { ok: true, value: { frameworks: c.list.map((x) => x.framework), bound: c.bound } };
};
