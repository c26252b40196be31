/**
 * The audit findings of reports' current versions, for views across many reports (the dashboard, the
 * bureau's list and its summary export). A stored version never changes (the database refuses it), so
 * its audit is done once per process: kept by report and version, bounded, the oldest going first.
 */
import { auditEvaluated } from '../core/evaluation/index.ts';
import type { Severity } from '../core/findings.ts';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import type { Report, Store } from './store.ts';

export type RuleAndSeverity = { rule: string; severity: Severity };
export type FindingCounts = { errors: number; warnings: number; infos: number };

/**
 * One report's findings; a report the audit cannot get through (a bug in a rule) shows as one finding
 * of its own instead of taking the whole view down.
 */
const auditOrNote = (document: Parameters<typeof auditEvaluated>[0]): RuleAndSeverity[] => {
  try {
    return auditEvaluated(document, BUILTIN_FRAMEWORKS).map((f) => ({ rule: f.rule, severity: f.severity }));
  } catch {
    return [{ rule: 'audit.internal-error', severity: 'warning' }];
  }
};

const versionFindings = new Map<string, RuleAndSeverity[]>();
const KEPT_VERSIONS = 20_000;
const key = (id: string, version: number) => `${id}@${version}`;

/** Each report's findings for its current version; the versions not yet audited are read in one go. */
export const findingsOf = async (
  store: Store,
  reports: readonly Pick<Report, 'id' | 'currentVersion'>[],
): Promise<Map<string, RuleAndSeverity[]>> => {
  const missing = reports.filter((r) => !versionFindings.has(key(r.id, r.currentVersion)));
  const read = await store.reports.getVersions(
    missing.map((r) => ({ reportId: r.id, version: r.currentVersion })),
  );
  for (const v of read) {
    versionFindings.set(key(v.reportId, v.version), auditOrNote(v.document));
    if (versionFindings.size > KEPT_VERSIONS) versionFindings.delete(versionFindings.keys().next().value!);
  }
  const out = new Map<string, RuleAndSeverity[]>();
  for (const r of reports) {
    const f = versionFindings.get(key(r.id, r.currentVersion));
    if (f) out.set(r.id, f);
  }
  return out;
};

export const countFindings = (findings: readonly RuleAndSeverity[]): FindingCounts => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  infos: findings.filter((f) => f.severity === 'info').length,
});
