/**
 * Short in-process caches over a Store, for what nearly every request reads and seldom changes: the
 * session with its user, departments, jurisdictions and their subtrees, fiscal years (deadlines),
 * frameworks. Each entry lives a
 * few seconds (`CACHE_TTL_MS`) and each cache holds a bounded number of entries; a write through this
 * process clears what it may have changed at once. A write made by another process (a second
 * `jixiao serve` on the same PostgreSQL, the CLI) is seen here within `CACHE_TTL_MS`: a session ended
 * there stays usable here for at most that long.
 *
 * A cache keeps the promise of a lookup, so concurrent misses of one key make one query. Lookups that
 * find nothing are not kept.
 */
import type { Store } from './port.ts';

export const CACHE_TTL_MS = 5_000;

type Entry<V> = { value: Promise<V>; until: number };

/** A map of promises whose entries expire and of which at most `max` are kept (the oldest go first). */
export class TtlCache<V> {
  private readonly map = new Map<string, Entry<V>>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /**
   * The cached value of `key`, else `load()`'s, kept until `ttlMs` from now or `expiresAt(value)` when
   * that is sooner. A null or a failure is not kept.
   */
  get(key: string, load: () => Promise<V>, expiresAt?: (v: V) => number | null): Promise<V> {
    const now = Date.now();
    const hit = this.map.get(key);
    if (hit && hit.until > now) return hit.value;
    if (hit) this.map.delete(key);
    const entry: Entry<V> = { value: load(), until: now + this.ttlMs };
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, entry);
    const drop = () => {
      if (this.map.get(key) === entry) this.map.delete(key);
    };
    entry.value.then((v) => {
      if (v === null) return drop();
      const end = expiresAt?.(v);
      if (end != null) entry.until = Math.min(entry.until, end);
    }, drop);
    return entry.value;
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}

/** Runs `write`, then clears `caches` (also when the write failed: it may have changed something). */
const clearing =
  <A extends unknown[], R>(write: (...args: A) => Promise<R>, ...caches: TtlCache<never>[]) =>
  async (...args: A): Promise<R> => {
    try {
      return await write(...args);
    } finally {
      for (const c of caches) c.clear();
    }
  };

/** `store` with the caches described above in front of its most frequent reads. */
export const withCaches = <S extends Store>(store: S, ttlMs = CACHE_TTL_MS): S => {
  const sessions = new TtlCache<Awaited<ReturnType<Store['sessions']['find']>>>(ttlMs, 10_000);
  const departments = new TtlCache<Awaited<ReturnType<Store['org']['getDepartment']>>>(ttlMs, 10_000);
  const departmentLists = new TtlCache<Awaited<ReturnType<Store['org']['listDepartments']>>>(ttlMs, 200);
  const jurisdictions = new TtlCache<Awaited<ReturnType<Store['org']['getJurisdiction']>>>(ttlMs, 5_000);
  const subtrees = new TtlCache<Awaited<ReturnType<Store['org']['jurisdictionSubtree']>>>(ttlMs, 1_000);
  const fiscalYears = new TtlCache<Awaited<ReturnType<Store['org']['listFiscalYears']>>>(ttlMs, 1_000);
  const frameworks = new TtlCache<Awaited<ReturnType<Store['frameworks']['get']>>>(ttlMs, 500);
  const frameworkLists = new TtlCache<Awaited<ReturnType<Store['frameworks']['list']>>>(ttlMs, 100);
  const { org, users, sessions: sess, frameworks: fw } = store;
  const org_ = [departments, departmentLists, jurisdictions, subtrees, fiscalYears] as TtlCache<never>[];
  const cached: Store = {
    ...store,
    org: {
      ...org,
      createJurisdiction: clearing(org.createJurisdiction, ...org_),
      updateJurisdiction: clearing(org.updateJurisdiction, ...org_),
      createDepartment: clearing(org.createDepartment, ...org_),
      // Disabling a department ends its accounts' sessions: the cached ones go too.
      updateDepartment: clearing(org.updateDepartment, ...org_, sessions as TtlCache<never>),
      getDepartment: (id) => departments.get(id, () => org.getDepartment(id)),
      listDepartments: (query) =>
        departmentLists.get(JSON.stringify(query), () => org.listDepartments(query)),
      getJurisdiction: (id) => jurisdictions.get(id, () => org.getJurisdiction(id)),
      jurisdictionSubtree: (id) => subtrees.get(id, () => org.jurisdictionSubtree(id)),
      putFiscalYear: clearing(org.putFiscalYear, fiscalYears as TtlCache<never>),
      listFiscalYears: (id) => fiscalYears.get(id, () => org.listFiscalYears(id)),
    },
    // Any change of an account (disabled, new password, new name) may change what its sessions give.
    users: { ...users, updateUser: clearing(users.updateUser, sessions as TtlCache<never>) },
    sessions: {
      ...sess,
      find: (tokenHash) =>
        sessions.get(
          tokenHash,
          () => sess.find(tokenHash),
          (found) => found?.session.expiresAt.getTime() ?? null,
        ),
      delete: async (tokenHash) => {
        try {
          await sess.delete(tokenHash);
        } finally {
          sessions.delete(tokenHash);
        }
      },
      deleteForUser: clearing(sess.deleteForUser, sessions as TtlCache<never>),
    },
    frameworks: {
      ...fw,
      addVersion: clearing(fw.addVersion, frameworks as TtlCache<never>, frameworkLists as TtlCache<never>),
      get: (id) => frameworks.get(id, () => fw.get(id)),
      list: (query) => frameworkLists.get(JSON.stringify(query), () => fw.list(query)),
    },
  };
  return cached as S;
};
