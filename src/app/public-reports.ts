/**
 * Use cases of the public (no login): published versions only. A draft, or a version never published,
 * does not exist for them.
 */
import type { AppResult } from './access.ts';
import { notFound } from './access.ts';
import { evaluateStored } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
import type { PublishedReport, ReportFigures, ReportVersion, Store } from './store.ts';

/**
 * Figures of published versions, which never change: kept per process so the public list does not
 * re-score every publication on every request. Bounded; dropping it only costs a recomputation.
 */
const FIGURES_CACHE_MAX = 20_000;
const figuresCache = new Map<string, ReportFigures>();

const publishedFigures = async (store: Store, reportId: string, version: number): Promise<ReportFigures> => {
  const key = `${reportId}@${version}`;
  const hit = figuresCache.get(key);
  if (hit) return hit;
  const v = await store.reports.getPublishedVersion(reportId, version);
  const bound = v ? ((await store.reports.get(reportId))?.frameworkId ?? null) : null;
  const figures = v
    ? figuresOf(v.document, (await evaluateStored(store, v.document, bound, { audit: false })).evaluation)
    : { statedTotal: null, computedTotal: null, grade: null };
  if (figuresCache.size >= FIGURES_CACHE_MAX) figuresCache.clear();
  if (v) figuresCache.set(key, figures);
  return figures;
};

export type PublicRow = PublishedReport &
  ReportFigures & { departmentName: string; jurisdictionId: string; latest: boolean };

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
  const departments = new Map<string, { name: string; jurisdictionId: string }>();
  const seen = new Set<string>();
  const out: PublicRow[] = [];
  for (const p of rows) {
    let d = departments.get(p.departmentId);
    if (!d) {
      const got = await store.org.getDepartment(p.departmentId);
      d = { name: got?.name ?? '', jurisdictionId: got?.jurisdictionId ?? '' };
      departments.set(p.departmentId, d);
    }
    const figures = await publishedFigures(store, p.reportId, p.version);
    out.push({
      ...p,
      ...figures,
      departmentName: d.name,
      jurisdictionId: d.jurisdictionId,
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
): Promise<AppResult<ReportVersion>> => {
  const v = await store.reports.getPublishedVersion(reportId, version);
  return v ? { ok: true, value: v } : notFound('已公开的报告版本', 'published report version');
};
