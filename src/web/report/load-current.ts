/**
 * What a page that shows a report's current version in the editor loads (the department's editor, the
 * bureau's review): the report, its document, the frameworks the server evaluates it against (checked as
 * any framework file is; the server checked them too) and the approved targets of its year — with one
 * more thing of that version each page needs (its audit, its score).
 */
import { type Framework, validateFramework } from '../../core/framework/index.ts';
import { Report } from '../../core/model/report.ts';
import { loadDetail, loadFrameworks, loadVersion } from '../api/reports.ts';
import type { ReportDetail } from '../api/types.ts';
import { type BoundTargets, loadBoundTargets } from './ApprovedTargets.tsx';

export type CurrentVersion<X> = {
  detail: ReportDetail;
  doc: Report;
  /** What the server evaluates this report against, so the live figures are the stored ones. */
  frameworks: Framework[];
  /** The frameworks are the one version the report is bound to. */
  bound: boolean;
  /** The approved targets of the report's year (with the mid-year monitoring), when there are. */
  targets: BoundTargets | null;
  /** The page's own part. */
  extra: X;
};

export const loadCurrentVersion = async <X>(
  id: string,
  extra: (id: string, version: number) => Promise<X>,
): Promise<CurrentVersion<X>> => {
  const detail = await loadDetail(id);
  const v = detail.report.currentVersion;
  const [version, more, fw, targets] = await Promise.all([
    loadVersion(id, v),
    extra(id, v),
    loadFrameworks(id),
    loadBoundTargets(id),
  ]);
  const frameworks = fw.frameworks.flatMap((f) => {
    const checked = validateFramework(f);
    return checked.ok ? [checked.framework] : [];
  });
  return { detail, doc: Report.parse(version.document), frameworks, bound: fw.bound, targets, extra: more };
};
