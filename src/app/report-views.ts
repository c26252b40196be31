/**
 * Use cases that read: the reports an actor may see, one report with its history, comments and
 * re-scores, a version's document, its score and its audit, the frameworks it is scored against.
 */

import type { Framework } from '../core/framework/index.ts';
import type { Result } from '../core/result.ts';
import type { ReportStatus } from '../core/workflow.ts';
import { canSeeDepartment, jurisdictionScope, notFound, seeReport } from './access.ts';
import { evaluateStored, frameworksFor, scopeOf } from './framework-choice.ts';
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
import { approvedFor } from './targets/binding.ts';
import { withChangedTargets } from './targets/binding-counts.ts';
import { countFindings, type FindingCounts, findingsOf } from './version-findings.ts';

export type ReportRow = Report &
  ReviewedFigures & {
    departmentName: string;
    departmentCode: string | null;
    jurisdictionId: string;
    /** The audit's findings on the current version, by severity. */
    findings: FindingCounts;
  };

export type ReportFilter = {
  year?: number | undefined;
  status?: ReportStatus | undefined;
  departmentId?: string | undefined;
  jurisdictionId?: string | undefined;
  kind?: Report['kind'] | undefined;
  /** Words each found in the department's name or 编码, or the project's name. */
  q?: string | undefined;
  /** Audit errors on the current version, at least / at most. */
  minErrors?: number | undefined;
  maxErrors?: number | undefined;
  /** Only reports whose targets differ from the approved target table (binding findings). */
  targetsChanged?: boolean | undefined;
};

/** Every word of `q` (split on white space) in one of the row's names, case-insensitively. */
const matches = (
  q: string,
  r: { departmentName: string; departmentCode: string | null; projectName: string | null },
) => {
  const hay = [r.departmentName, r.departmentCode ?? '', r.projectName ?? ''].join('\n').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '')
    .every((w) => hay.includes(w));
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
  let scope: string | null;
  if (actor.departmentId) {
    if (filter.departmentId && filter.departmentId !== actor.departmentId) return [];
    const own = await store.org.getDepartment(actor.departmentId);
    departments = own ? [own] : [];
    scope = own?.jurisdictionId ?? null;
    reports = await store.reports.list({ ...query, departmentId: actor.departmentId });
  } else {
    // A jurisdiction asked for must lie in the actor's scope; none asked for: the whole scope.
    const within = filter.jurisdictionId ?? actor.jurisdictionId;
    if (!within || !(await jurisdictionScope(store, actor)).has(within)) return [];
    scope = within;
    departments = await store.org.listDepartments({ jurisdictionId: within });
    reports = await store.reports.list({
      ...query,
      jurisdictionId: within,
      departmentId: filter.departmentId,
    });
  }
  const byId = new Map(departments.map((d) => [d.id, d]));
  const named = reports.flatMap((r) => {
    const d = byId.get(r.departmentId);
    return d
      ? [{ ...r, departmentName: d.name, departmentCode: d.code, jurisdictionId: d.jurisdictionId }]
      : [];
  });
  const words = filter.q ? named.filter((r) => matches(filter.q ?? '', r)) : named;
  const changed = filter.targetsChanged && scope ? await withChangedTargets(store, scope, words) : null;
  const searched = changed ? words.filter((r) => changed.has(r.id)) : words;
  const found = await findingsOf(store, searched);
  const counted = searched
    .map((r) => ({ ...r, findings: countFindings(found.get(r.id) ?? []) }))
    .filter(
      (r) =>
        (filter.minErrors === undefined || r.findings.errors >= filter.minErrors) &&
        (filter.maxErrors === undefined || r.findings.errors <= filter.maxErrors),
    );
  return withReviewed(store, counted);
};

export type ReportDetail = {
  report: ReportRow;
  versions: VersionMeta[];
  comments: Comment[];
  rescores: Rescore[];
  publications: { version: number; publishedAt: Date }[];
  /** The display names of everyone who saved a version, wrote a comment or re-scored, by user id. */
  people: Record<string, string>;
};

/** Display names of the given user ids (unknown ids are left out). */
export const namesOf = async (
  store: Store,
  ids: Iterable<string | null>,
): Promise<Record<string, string>> => {
  const unique = [...new Set([...ids].filter((x): x is string => x !== null))];
  const users = await Promise.all(unique.map((id) => store.users.getUser(id)));
  return Object.fromEntries(users.flatMap((u) => (u ? [[u.id, u.displayName]] : [])));
};

export const getReport = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<Result<ReportDetail>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const { report, department } = seen.value;
  const [versions, comments, rescores, published, [row], found] = await Promise.all([
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
    findingsOf(store, [report]),
  ]);
  const people = await namesOf(store, [
    ...versions.map((v) => v.createdBy),
    ...comments.map((c) => c.authorId),
    ...rescores.map((r) => r.reviewerId),
  ]);
  return {
    ok: true,
    value: {
      report: { ...row!, findings: countFindings(found.get(reportId) ?? []) },
      people,
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
): Promise<Result<ReportVersion & { report: Report }>> => {
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
): Promise<Result<ReportVersionText & { report: Report }>> => {
  // One statement: the report, its department (for the scope) and the version.
  const got = await store.reports.getVersionText(reportId, version || null);
  if (!got || !(await canSeeDepartment(store, actor, got.department))) return notFound('报告', 'report');
  if (!got.version) return notFound('报告版本', 'report version');
  return { ok: true, value: { ...got.version, report: got.report } };
};

export type ScoreView = VersionScore & { version: number };

export const scoreVersion = async (
  store: Store,
  actor: User,
  reportId: string,
  version?: number,
): Promise<Result<ScoreView>> => {
  const got = await getVersion(store, actor, reportId, version);
  if (!got.ok) return got;
  const { evaluation } = await evaluateStored(store, got.value.document, scopeOf(got.value.report), {
    audit: false,
  });
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
): Promise<Result<AuditView>> => {
  const got = await getVersion(store, actor, reportId, version);
  if (!got.ok) return got;
  const { evaluation } = await evaluateStored(store, got.value.document, scopeOf(got.value.report), {
    audit: false,
  });
  const findings = auditWithExplanations(
    got.value.document,
    await store.review.listComments(reportId),
    evaluation.choice?.framework ?? null,
    await approvedFor(store, got.value.report),
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
): Promise<Result<Comment>> => {
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

/**
 * The frameworks the server scores this report against (see frameworksFor): the editor scores with the
 * same ones, so that its live score is the one a save stores.
 */
export const reportFrameworks = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<Result<{ frameworks: Framework[]; bound: boolean }>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const c = await frameworksFor(store, seen.value.report.kind, scopeOf(seen.value.report));
  return { ok: true, value: { frameworks: c.list.map((x) => x.framework), bound: c.bound } };
};
