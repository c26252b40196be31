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

/**
 * Versions being read and audited, by key: a view that needs one of them waits for it instead of
 * auditing it again (ten bureau lists a second after a restart would otherwise each audit every
 * report of the county).
 */
const auditing = new Map<string, Promise<void>>();
/**
 * Versions read per statement. A few at a time, and the event loop let go between two audits (each a
 * few ms of CPU): a view of hundreds of unaudited reports does not hold up the server's other requests
 * for the whole of it, and what crosses from the database's thread at once stays small.
 */
const CHUNK = 10;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads and audits these versions (none of them kept or in flight), settling each one's promise. */
const audit = (store: Store, keys: readonly { reportId: string; version: number }[]): Promise<void>[] => {
  const settle = new Map<string, { done: () => void; failed: (e: unknown) => void }>();
  const promises = keys.map((k) => {
    const id = key(k.reportId, k.version);
    const p = new Promise<void>((done, failed) => settle.set(id, { done, failed }));
    auditing.set(id, p);
    p.then(
      () => auditing.delete(id),
      () => auditing.delete(id),
    );
    return p;
  });
  void (async () => {
    let next = store.reports.getVersions(keys.slice(0, CHUNK));
    for (let i = 0; i < keys.length; i += CHUNK) {
      let read: Awaited<typeof next>;
      try {
        read = await next;
      } catch (e) {
        // The caller sees the database's failure; a later view tries these versions again.
        for (const k of keys.slice(i)) settle.get(key(k.reportId, k.version))?.failed(e);
        return;
      }
      // The next chunk is read while this one is audited.
      next = store.reports.getVersions(keys.slice(i + CHUNK, i + 2 * CHUNK));
      next.catch(() => {});
      for (const v of read) {
        await yieldToLoop();
        const id = key(v.reportId, v.version);
        versionFindings.set(id, auditOrNote(v.document));
        if (versionFindings.size > KEPT_VERSIONS)
          versionFindings.delete(versionFindings.keys().next().value!);
        settle.get(id)?.done();
      }
      // A version that no longer exists has no findings (as before): its waiters go on without.
      for (const k of keys.slice(i, i + CHUNK)) settle.get(key(k.reportId, k.version))?.done();
    }
  })();
  return promises;
};

/** Each report's findings for its current version; the versions not yet audited are read a few at a time. */
export const findingsOf = async (
  store: Store,
  reports: readonly Pick<Report, 'id' | 'currentVersion'>[],
): Promise<Map<string, RuleAndSeverity[]>> => {
  const waits: Promise<void>[] = [];
  const missing = new Map<string, { reportId: string; version: number }>();
  for (const r of reports) {
    const id = key(r.id, r.currentVersion);
    if (versionFindings.has(id) || missing.has(id)) continue;
    const inFlight = auditing.get(id);
    if (inFlight) waits.push(inFlight);
    else missing.set(id, { reportId: r.id, version: r.currentVersion });
  }
  if (missing.size > 0) waits.push(...audit(store, [...missing.values()]));
  await Promise.all(waits);
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
