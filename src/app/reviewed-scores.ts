/**
 * The bureau's 审核得分 of a report version: the computed total with the bureau's newest re-score of each
 * indicator in place of the department's. It exists once the bureau has re-scored something, or has
 * approved the report (approval without re-scoring confirms the computed total); before that it is null.
 * Re-scores happen only under bureau review, so the reviewed figures of a version are fixed once it is
 * approved: kept per process, keyed by version and the newest re-score.
 */
import type { Grade } from '../core/model/index.ts';
import type { ReportStatus } from '../core/workflow.ts';
import { evaluateStored, scopeOf } from './framework-choice.ts';
import { versionScore } from './report-scoring.ts';
import type { Store } from './store.ts';

export type ReviewedFigures = { reviewedTotal: string | null; reviewedGrade: Grade | null };

/** Statuses in which the bureau has approved the report: its score then counts as reviewed. */
export const BUREAU_APPROVED: readonly ReportStatus[] = ['bureau-approved', 'published'];

const NONE: ReviewedFigures = { reviewedTotal: null, reviewedGrade: null };
const CACHE_MAX = 20_000;
const cache = new Map<string, ReviewedFigures>();

type Subject = {
  id: string;
  status: ReportStatus;
  departmentId: string;
  year: number;
  frameworkId: string | null;
  computedTotal: string | null;
  grade: Grade | null;
};

/**
 * The reviewed figures of `version` of `report` (its current one by default). `approved` says whether
 * the bureau's approval stands for that version (a published version: yes, whatever the status now).
 */
export const reviewedFiguresOf = async (
  store: Store,
  report: Subject & { currentVersion?: number },
  version: number,
  approved = BUREAU_APPROVED.includes(report.status),
  figures: { computedTotal: string | null; grade: Grade | null } = report,
): Promise<ReviewedFigures> => {
  const rescores = (await store.review.listRescores(report.id, { latestOnly: true })).filter(
    (r) => r.version <= version,
  );
  if (rescores.length === 0)
    return approved && figures.computedTotal !== null
      ? { reviewedTotal: figures.computedTotal, reviewedGrade: figures.grade }
      : NONE;
  const newest = rescores.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
  const key = `${report.id}@${version}#${newest.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const v = await store.reports.getVersion(report.id, version);
  if (!v) return NONE;
  const { evaluation } = await evaluateStored(store, v.document, scopeOf(report), { audit: false });
  const s = versionScore(evaluation, rescores);
  const out: ReviewedFigures = { reviewedTotal: s.reviewedTotal, reviewedGrade: s.reviewedGrade };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, out);
  return out;
};

/** The reviewed figures of each report's current version, in the order given. */
export const withReviewed = async <R extends Subject & { currentVersion: number }>(
  store: Store,
  reports: readonly R[],
): Promise<(R & ReviewedFigures)[]> =>
  Promise.all(
    reports.map(async (r) => ({
      ...r,
      ...(r.status === 'draft' || r.status === 'submitted' || r.status === 'returned'
        ? NONE
        : await reviewedFiguresOf(store, r, r.currentVersion)),
    })),
  );
