/**
 * Use cases of the public (no login): published versions only. A draft, or a version never published,
 * does not exist for them.
 */
import type { AppResult } from './access.ts';
import { notFound } from './access.ts';
import { evaluateStored } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
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

export const getPublishedVersion = async (
  store: Store,
  reportId: string,
  version: number,
): Promise<AppResult<ReportVersion & ReviewedFigures>> => {
  const v = await store.reports.getPublishedVersion(reportId, version);
  if (!v) return notFound('已公开的报告版本', 'published report version');
  const { reviewedTotal, reviewedGrade } = await publishedReview(store, reportId, version, v);
  return { ok: true, value: { ...v, reviewedTotal, reviewedGrade } };
};
