/**
 * Use cases of the public (no login): published versions only. A draft, or a version never published,
 * does not exist for them.
 */
import type { AppResult } from './access.ts';
import { notFound } from './access.ts';
import { evaluateStored } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
import type { PublishedReport, ReportFigures, ReportVersion, Store } from './store.ts';

const NO_FIGURES: ReportFigures = { statedTotal: null, computedTotal: null, grade: null };

/**
 * The figures of a publication: those kept at publication. A publication made before they were kept
 * is evaluated once, with the frameworks visible to its report, and kept from then on.
 */
const publishedFigures = async (store: Store, p: PublishedReport): Promise<ReportFigures> => {
  if (p.figures) return p.figures;
  const v = await store.reports.getPublishedVersion(p.reportId, p.version);
  if (!v) return NO_FIGURES;
  const bound = (await store.reports.get(p.reportId))?.frameworkId ?? null;
  const { evaluation } = await evaluateStored(
    store,
    v.document,
    { boundId: bound, departmentId: p.departmentId },
    { audit: false },
  );
  return (
    (await store.reports.keepPublishedFigures(p.reportId, p.version, figuresOf(v.document, evaluation))) ??
    NO_FIGURES
  );
};

export type PublicRow = Omit<PublishedReport, 'figures'> &
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
    const { figures: _kept, ...row } = p;
    const figures = await publishedFigures(store, p);
    out.push({
      ...row,
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
