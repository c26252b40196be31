/**
 * Which frameworks a stored report is evaluated against: the stored framework version it is bound to,
 * else the admins' stored frameworks (newest version of each key, ahead of a built-in with the same id)
 * and the built-in ones, of which `evaluate` takes the first that fits. A new report is bound to the
 * stored version it fitted, so a later version of that framework does not change its score.
 */
import { boundOptions, type EvaluateOptions, type Evaluation, evaluate } from '../core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS, type Framework, validateFramework } from '../core/framework/index.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
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

export type StoredCandidate = { id: string | null; framework: Framework };

/**
 * The frameworks a report of `kind` is evaluated against. `bound`: the stored version the report is
 * bound to, used whatever its fit. The editor gets the same, so that its live score is the one the
 * server stores.
 */
export type Candidates = { list: StoredCandidate[]; bound: boolean };

export const frameworksFor = async (
  store: Store,
  kind: ReportDocument['kind'],
  boundId: string | null,
): Promise<Candidates> => {
  if (boundId) {
    const bound = await storedFramework(store, boundId);
    if (bound) return { list: [{ id: boundId, framework: bound }], bound: true };
  }
  const rows = await store.frameworks.list({ kind });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if ((newest.get(r.key)?.version ?? 0) < r.version) newest.set(r.key, r);
  const stored: StoredCandidate[] = [];
  for (const r of newest.values()) {
    const f = await storedFramework(store, r.id);
    if (f) stored.push({ id: r.id, framework: f });
  }
  return {
    list: [...stored, ...BUILTIN_FRAMEWORKS.map((framework) => ({ id: null, framework }))],
    bound: false,
  };
};

export type Evaluated = { evaluation: Evaluation; frameworkId: string | null };

export const evaluateStored = async (
  store: Store,
  document: ReportDocument,
  boundId: string | null,
  options: EvaluateOptions = {},
): Promise<Evaluated> => {
  const candidates = await frameworksFor(store, document.kind, boundId);
  const frameworks = candidates.list.map((c) => c.framework);
  const evaluation = evaluate(document, frameworks, {
    ...boundOptions(frameworks, candidates.bound),
    ...options,
  });
  const chosen = candidates.list.find((c) => c.id !== null && c.framework === evaluation.choice?.framework);
  return { evaluation, frameworkId: chosen?.id ?? null };
};
