/**
 * Which frameworks a stored report is evaluated against. Frameworks an admin stores belong to the admin's
 * jurisdiction and apply to it and everything below it; a report sees only those of its department's
 * jurisdiction and of the jurisdictions above it (and the built-in ones). A stored framework never shadows
 * a built-in one: a stored version whose key is a built-in id is not used (admins can no longer add one;
 * older rows stay in the store but score nothing).
 *
 * A bureau's own framework (one it imported from the score sheet of its notice) names the year of the
 * reports it scores (`reportYear`): every report of that year and kind in the bureau's jurisdiction and
 * below is bound to its newest version — the nearest jurisdiction's when several apply — whatever its fit,
 * so that a corrected version applies to them all (their stored figures follow at the next save or
 * publication; published figures stay as published).
 *
 * Otherwise a report is evaluated with the stored version it is bound to when that one is visible to it
 * (whatever its fit), else against the visible stored frameworks (newest version of each key) and the
 * built-in ones, of which `evaluate` takes the first that fits. A new report is bound to the stored
 * version it fitted, so a later version of that framework does not change its score.
 */
import { boundOptions, type EvaluateOptions, type Evaluation, evaluate } from '../core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS, type Framework, validateFramework } from '../core/framework/index.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import type { Store } from './store.ts';

/** Stored framework versions never change: validated once per process. */
const validated = new Map<string, Framework | null>();

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_FRAMEWORKS.map((f) => f.id));

export const isBuiltinFrameworkId = (key: string): boolean => BUILTIN_IDS.has(key);

const storedFramework = async (store: Store, id: string): Promise<Framework | null> => {
  if (validated.has(id)) return validated.get(id) ?? null;
  const row = await store.frameworks.get(id);
  const checked = row ? validateFramework(row.document) : null;
  const framework = checked?.ok ? checked.framework : null;
  validated.set(id, framework);
  return framework;
};

/** Deeper than any real tree (province → city → county → township); stops a corrupt parent cycle. */
const MAX_DEPTH = 16;

/** The jurisdiction of `departmentId` and every one above it: whose frameworks apply to its reports. */
export const frameworkScopeOf = async (store: Store, departmentId: string | null): Promise<Set<string>> => {
  const out = new Set<string>();
  const d = departmentId ? await store.org.getDepartment(departmentId) : null;
  let at: string | null = d?.jurisdictionId ?? null;
  while (at && !out.has(at) && out.size < MAX_DEPTH) {
    out.add(at);
    at = (await store.org.getJurisdiction(at))?.parentId ?? null;
  }
  return out;
};

/**
 * Whose report is evaluated: the stored version it is bound to (if any), its department and the year of
 * the report (for a bureau's framework of that year).
 */
export type ScoringScope = { boundId: string | null; departmentId: string | null; year?: number | null };

/** The scope of a stored report. */
export const scopeOf = (r: {
  frameworkId: string | null;
  departmentId: string;
  year: number;
}): ScoringScope => ({ boundId: r.frameworkId, departmentId: r.departmentId, year: r.year });

const visible = (f: { key: string; jurisdictionId: string | null }, scope: ReadonlySet<string>): boolean =>
  !BUILTIN_IDS.has(f.key) && (f.jurisdictionId === null || scope.has(f.jurisdictionId));

export type StoredCandidate = { id: string | null; framework: Framework };

/** `bound`: the list is the one stored version the report is bound to. */
export type Candidates = { list: StoredCandidate[]; bound: boolean };

/**
 * The frameworks a report of `kind` is evaluated against. The editor gets the same, so that its live
 * score is the one the server stores.
 */
export const frameworksFor = async (
  store: Store,
  kind: ReportDocument['kind'],
  scope: ScoringScope,
): Promise<Candidates> => {
  const jurisdictions = await frameworkScopeOf(store, scope.departmentId);
  const rows = (await store.frameworks.list({ kind })).filter((r) => visible(r, jurisdictions));
  if (scope.year !== undefined && scope.year !== null) {
    const own = await ownFrameworkFor(store, rows, scope.year, jurisdictions);
    if (own) return { list: [own], bound: true };
  }
  if (scope.boundId) {
    const row = await store.frameworks.get(scope.boundId);
    const bound = row && visible(row, jurisdictions) ? await storedFramework(store, row.id) : null;
    if (bound) return { list: [{ id: scope.boundId, framework: bound }], bound: true };
  }
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

type Row = Awaited<ReturnType<Store['frameworks']['list']>>[number];

/**
 * The bureau's framework for reports of `year`: of the visible versions naming that report year, the one
 * of the nearest jurisdiction (the department's own first), then the newest.
 */
const ownFrameworkFor = async (
  store: Store,
  rows: readonly Row[],
  year: number,
  jurisdictions: ReadonlySet<string>,
): Promise<StoredCandidate | null> => {
  const order = [...jurisdictions];
  const rank = (r: Row) => (r.jurisdictionId === null ? order.length : order.indexOf(r.jurisdictionId));
  let best: { row: Row; framework: Framework } | null = null;
  for (const r of rows) {
    const f = await storedFramework(store, r.id);
    if (f?.reportYear !== year) continue;
    const better =
      !best ||
      rank(r) < rank(best.row) ||
      (rank(r) === rank(best.row) && r.createdAt.getTime() > best.row.createdAt.getTime()) ||
      (rank(r) === rank(best.row) && r.key === best.row.key && r.version > best.row.version);
    if (better) best = { row: r, framework: f };
  }
  return best ? { id: best.row.id, framework: best.framework } : null;
};

export type Evaluated = { evaluation: Evaluation; frameworkId: string | null };

export const evaluateStored = async (
  store: Store,
  document: ReportDocument,
  scope: ScoringScope,
  options: EvaluateOptions = {},
): Promise<Evaluated> => {
  const candidates = await frameworksFor(store, document.kind, scope);
  const frameworks = candidates.list.map((c) => c.framework);
  const evaluation = evaluate(document, frameworks, {
    ...boundOptions(frameworks, candidates.bound),
    ...options,
  });
  const chosen = candidates.list.find((c) => c.id !== null && c.framework === evaluation.choice?.framework);
  return { evaluation, frameworkId: chosen?.id ?? null };
};
