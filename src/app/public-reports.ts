/**
 * Use cases of the public (no login): published versions only. A draft, or a version never published,
 * does not exist for them.
 */
import type { Result } from '../core/result.ts';
import { notFound } from './access.ts';

import { evaluateStored, scopeOf } from './framework-choice.ts';
import { figuresOf, type VersionScore, versionScore } from './report-scoring.ts';
import { type ReviewedFigures, reviewedFiguresOf } from './reviewed-scores.ts';
import type { PublishedReport, ReportFigures, ReportVersion, Store } from './store.ts';

const NO_FIGURES: ReportFigures = { statedTotal: null, computedTotal: null, grade: null };

/**
 * The figures of a publication: those kept at publication (a publication made before they were kept is
 * evaluated once, with the frameworks visible to its report, and kept from then on), and the bureau's
 * 审核得分 of that version. Reviewed figures are fixed once published: they are kept per process.
 */
const FIGURES_CACHE_MAX = 20_000;
const reviewedCache = new Map<string, ReviewedFigures>();

const keptFigures = async (store: Store, p: PublishedReport): Promise<ReportFigures> => {
  if (p.figures) return p.figures;
  const v = await store.reports.getPublishedVersion(p.reportId, p.version);
  if (!v) return NO_FIGURES;
  const report = await store.reports.get(p.reportId);
  const { evaluation } = await evaluateStored(
    store,
    v.document,
    { boundId: report?.frameworkId ?? null, departmentId: p.departmentId, year: report?.year ?? null },
    { audit: false },
  );
  return (
    (await store.reports.keepPublishedFigures(p.reportId, p.version, figuresOf(v.document, evaluation))) ??
    NO_FIGURES
  );
};

/** The bureau's 审核得分 of a published version (`figures`: its computed ones), kept per process. */
const publishedReview = async (
  store: Store,
  reportId: string,
  version: number,
  figures: { computedTotal: string | null; grade: ReportFigures['grade'] },
): Promise<ReviewedFigures> => {
  const key = `${reportId}@${version}`;
  const hit = reviewedCache.get(key);
  if (hit) return hit;
  const report = await store.reports.get(reportId);
  // A published version was approved by the bureau: its 审核得分 stands (re-scores happen before).
  const reviewed = report
    ? await reviewedFiguresOf(store, report, version, true, figures)
    : { reviewedTotal: null, reviewedGrade: null };
  if (reviewedCache.size >= FIGURES_CACHE_MAX) reviewedCache.clear();
  reviewedCache.set(key, reviewed);
  return reviewed;
};

const publishedFigures = async (
  store: Store,
  p: PublishedReport,
): Promise<ReportFigures & ReviewedFigures> => {
  const figures = await keptFigures(store, p);
  return { ...figures, ...(await publishedReview(store, p.reportId, p.version, figures)) };
};

export type PublicRow = Omit<PublishedReport, 'figures'> &
  ReportFigures &
  ReviewedFigures & {
    departmentName: string;
    departmentCode: string | null;
    jurisdictionId: string;
    jurisdictionName: string;
    latest: boolean;
  };

/** Every publication (newest first), each with its own figures; `latest` marks a report's newest one. */
export const listPublished = async (
  store: Store,
  filter: {
    jurisdictionId?: string | undefined;
    year?: number | undefined;
    kind?: PublishedReport['kind'] | undefined;
  },
): Promise<PublicRow[]> => {
  const rows = await store.reports.listPublished(filter);
  const departments = new Map<
    string,
    { name: string; code: string | null; jurisdictionId: string; jurisdictionName: string }
  >();
  const seen = new Set<string>();
  const out: PublicRow[] = [];
  for (const p of rows) {
    let d = departments.get(p.departmentId);
    if (!d) {
      const got = await store.org.getDepartment(p.departmentId);
      const place = got ? await store.org.getJurisdiction(got.jurisdictionId) : null;
      d = {
        name: got?.name ?? '',
        code: got?.code ?? null,
        jurisdictionId: got?.jurisdictionId ?? '',
        jurisdictionName: place?.name ?? '',
      };
      departments.set(p.departmentId, d);
    }
    const { figures: _kept, ...row } = p;
    const figures = await publishedFigures(store, p);
    out.push({
      ...row,
      ...figures,
      departmentName: d.name,
      departmentCode: d.code,
      jurisdictionId: d.jurisdictionId,
      jurisdictionName: d.jurisdictionName,
      latest: !seen.has(p.reportId),
    });
    seen.add(p.reportId);
  }
  return out;
};

/**
 * The scored tree of a published version, by the framework its report is bound to (a bureau's own, a
 * stored one, or the built-in that fits): the public page shows what the server, the editor and the
 * rendered document say. The public sees no audit findings or candidates. Kept per process.
 */
export type PublicScore = Omit<
  VersionScore,
  'candidates' | 'findings' | 'reviewedTotal' | 'reviewedGrade' | 'reviewedGradeLabel'
> & {
  frameworkName: string | null;
};
const scoreCache = new Map<string, PublicScore>();

const publishedScore = async (store: Store, v: ReportVersion): Promise<PublicScore> => {
  const key = `${v.reportId}@${v.version}`;
  const hit = scoreCache.get(key);
  if (hit) return hit;
  const report = await store.reports.get(v.reportId);
  const { evaluation } = await evaluateStored(
    store,
    v.document,
    report ? scopeOf(report) : { boundId: null, departmentId: null },
    { audit: false },
  );
  const {
    candidates: _c,
    findings: _f,
    reviewedTotal: _t,
    reviewedGrade: _g,
    reviewedGradeLabel: _l,
    ...score
  } = versionScore(evaluation, []);
  const out = { ...score, frameworkName: evaluation.choice?.framework.name ?? null };
  if (scoreCache.size >= FIGURES_CACHE_MAX) scoreCache.clear();
  scoreCache.set(key, out);
  return out;
};

export const getPublishedVersion = async (
  store: Store,
  reportId: string,
  version: number,
): Promise<Result<ReportVersion & ReviewedFigures & { score: PublicScore }>> => {
  const v = await store.reports.getPublishedVersion(reportId, version);
  if (!v) return notFound('已公开的报告版本', 'published report version');
  const { reviewedTotal, reviewedGrade } = await publishedReview(store, reportId, version, v);
  return { ok: true, value: { ...v, reviewedTotal, reviewedGrade, score: await publishedScore(store, v) } };
};
