/**
 * Use cases of the public (no login): published versions only. A draft, or a version never published,
 * does not exist for them.
 */
import type { AppResult } from './access.ts';
import { notFound } from './access.ts';
import { scoreWithFrameworks } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
import { type ReviewedFigures, reviewedFiguresOf } from './reviewed-scores.ts';
import type { PublishedReport, ReportFigures, ReportVersion, Store } from './store.ts';

/**
 * Figures of published versions, which never change: kept per process so the public list does not
 * re-score every publication on every request. Bounded; dropping it only costs a recomputation.
 */
const FIGURES_CACHE_MAX = 20_000;
const figuresCache = new Map<string, ReportFigures & ReviewedFigures>();

const publishedFigures = async (
  store: Store,
  reportId: string,
  version: number,
): Promise<ReportFigures & ReviewedFigures> => {
  const key = `${reportId}@${version}`;
  const hit = figuresCache.get(key);
  if (hit) return hit;
  const v = await store.reports.getPublishedVersion(reportId, version);
  const report = v ? await store.reports.get(reportId) : null;
  const figures = v
    ? figuresOf(
        v.document,
        (await scoreWithFrameworks(store, v.document, report?.frameworkId ?? null)).scoring,
      )
    : { statedTotal: null, computedTotal: null, grade: null };
  // A published version was approved by the bureau: its 审核得分 stands (re-scores happen before).
  const reviewed = report
    ? await reviewedFiguresOf(store, report, version, true, figures)
    : { reviewedTotal: null, reviewedGrade: null };
  const out = { ...figures, ...reviewed };
  if (figuresCache.size >= FIGURES_CACHE_MAX) figuresCache.clear();
  if (v) figuresCache.set(key, out);
  return out;
};

export type PublicRow = PublishedReport &
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
    const figures = await publishedFigures(store, p.reportId, p.version);
    out.push({
      ...p,
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
  const { reviewedTotal, reviewedGrade } = await publishedFigures(store, reportId, version);
  return { ok: true, value: { ...v, reviewedTotal, reviewedGrade } };
};
