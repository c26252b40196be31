/**
 * Which framework scores a stored report: the stored framework version it is bound to, else the best
 * match among the admins' stored frameworks (newest version of each key, ahead of a built-in with the
 * same id) and the built-in ones. A new report is bound to the stored version it was matched with, so a
 * later version of that framework does not change its score.
 */
import { BUILTIN_FRAMEWORKS, type Framework, validateFramework } from '../core/framework/index.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import { type Scoring, scoreDocument } from './report-scoring.ts';
import type { Store } from './store.ts';

/** Stored framework versions never change: validated once per process. */
const validated = new Map<string, Framework | null>();

const storedFramework = async (store: Store, id: string): Promise<Framework | null> => {
  if (validated.has(id)) return validated.get(id) ?? null;
  const row = await store.frameworks.get(id);
  const checked = row ? validateFramework(row.document) : null;
  const framework = checked?.ok ? checked.framework : null;
  validated.set(id, framework);
  return framework;
};

export type ScoredWith = { scoring: Scoring | null; frameworkId: string | null };

/**
 * The frameworks a report of `kind` is scored against: the stored version it is bound to; else the newest
 * stored version of each key ahead of the built-in ones (the built-in ones alone when none is stored).
 * The editor gets the same list, so that its live score is the one the server will store.
 */
export const frameworksFor = async (
  store: Store,
  kind: ReportDocument['kind'],
  boundId: string | null,
): Promise<{ id: string | null; framework: Framework }[]> => {
  if (boundId) {
    const bound = await storedFramework(store, boundId);
    if (bound) return [{ id: boundId, framework: bound }];
  }
  const rows = await store.frameworks.list({ kind });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if ((newest.get(r.key)?.version ?? 0) < r.version) newest.set(r.key, r);
  const stored: { id: string | null; framework: Framework }[] = [];
  for (const r of newest.values()) {
    const f = await storedFramework(store, r.id);
    if (f) stored.push({ id: r.id, framework: f });
  }
  return [...stored, ...BUILTIN_FRAMEWORKS.map((framework) => ({ id: null, framework }))];
};

export const scoreWithFrameworks = async (
  store: Store,
  document: ReportDocument,
  boundId: string | null,
): Promise<ScoredWith> => {
  const candidates = await frameworksFor(store, document.kind, boundId);
  const scoring = scoreDocument(
    document,
    candidates.map((c) => c.framework),
  );
  const chosen = candidates.find((c) => c.id !== null && c.framework === scoring?.framework);
  return { scoring, frameworkId: chosen?.id ?? null };
};
