/**
 * Use cases of the organisation: jurisdictions, departments (预算单位) and reporting years, each within
 * the admin's jurisdiction. Anyone signed in may list what their scope holds.
 */
import type { Result } from '../core/result.ts';
import { canSeeDepartment, canSeeJurisdiction, jurisdictionScope, needRole, notFound } from './access.ts';
import type { Department, FiscalYear, Jurisdiction, Store, User } from './store.ts';

export const listJurisdictions = async (store: Store, actor: User | null): Promise<Jurisdiction[]> => {
  if (!actor) {
    const all: Jurisdiction[] = [];
    for (const p of await store.org.listJurisdictions(null))
      all.push(...(await store.org.jurisdictionSubtree(p.id)));
    return all;
  }
  if (actor.jurisdictionId) return store.org.jurisdictionSubtree(actor.jurisdictionId);
  const own = actor.departmentId ? await store.org.getDepartment(actor.departmentId) : null;
  const j = own ? await store.org.getJurisdiction(own.jurisdictionId) : null;
  return j ? [j] : [];
};

export const listDepartments = async (
  store: Store,
  actor: User | null,
  jurisdictionId?: string,
): Promise<Department[]> => {
  if (actor?.departmentId) {
    const own = await store.org.getDepartment(actor.departmentId);
    return own ? [own] : [];
  }
  const scope = actor ? await jurisdictionScope(store, actor) : null;
  const within = jurisdictionId ?? actor?.jurisdictionId ?? undefined;
  if (scope && within && !scope.has(within)) return [];
  return store.org.listDepartments(within ? { jurisdictionId: within } : {});
};

const admin = (actor: User | null) => (actor ? needRole(actor, ['admin']) : null);

export const addDepartment = async (
  store: Store,
  actor: User | null,
  input: {
    name: string;
    code?: string | null | undefined;
    jurisdictionId: string;
    supervisorId?: string | null | undefined;
  },
): Promise<Result<Department>> => {
  const refused = admin(actor);
  if (refused) return refused;
  if (actor && !(await canSeeJurisdiction(store, actor, input.jurisdictionId)))
    return notFound('地区', 'jurisdiction');
  return store.org.createDepartment(input, actor?.id ?? null);
};

export const updateDepartment = async (
  store: Store,
  actor: User,
  input: {
    id: string;
    name?: string | undefined;
    code?: string | null | undefined;
    supervisorId?: string | null | undefined;
    /** Moves the department (its reports and accounts follow it) to a jurisdiction in the admin's scope. */
    jurisdictionId?: string | undefined;
    disabled?: boolean | undefined;
  },
): Promise<Result<Department>> => {
  const refused = admin(actor);
  if (refused) return refused;
  const d = await store.org.getDepartment(input.id);
  if (!d || !(await canSeeDepartment(store, actor, d))) return notFound('单位', 'department');
  if (input.jurisdictionId && !(await canSeeJurisdiction(store, actor, input.jurisdictionId)))
    return notFound('地区', 'jurisdiction');
  return store.org.updateDepartment(input, actor.id);
};

/** Renames a jurisdiction or sets its 行政区划代码 (its level and place in the tree stay). */
export const updateJurisdiction = async (
  store: Store,
  actor: User,
  input: { id: string; name?: string | undefined; code?: string | null | undefined },
): Promise<Result<Jurisdiction>> => {
  const refused = admin(actor);
  if (refused) return refused;
  if (!(await canSeeJurisdiction(store, actor, input.id))) return notFound('地区', 'jurisdiction');
  return store.org.updateJurisdiction(input, actor.id);
};

export const addJurisdiction = async (
  store: Store,
  actor: User | null,
  input: {
    name: string;
    code?: string | null | undefined;
    level: Jurisdiction['level'];
    parentId?: string | null | undefined;
  },
): Promise<Result<Jurisdiction>> => {
  const refused = admin(actor);
  if (refused) return refused;
  if (actor && !(input.parentId && (await canSeeJurisdiction(store, actor, input.parentId))))
    return notFound('上级地区', 'parent jurisdiction');
  return store.org.createJurisdiction(input, actor?.id ?? null);
};

export const putFiscalYear = async (
  store: Store,
  actor: User | null,
  input: FiscalYear,
): Promise<Result<FiscalYear>> => {
  const refused = admin(actor);
  if (refused) return refused;
  if (actor && !(await canSeeJurisdiction(store, actor, input.jurisdictionId)))
    return notFound('地区', 'jurisdiction');
  return store.org.putFiscalYear(input, actor?.id ?? null);
};

/**
 * The deadline that applies to a jurisdiction's year: its own, or else the nearest one set above it (a
 * province's date holds for a county that set none).
 */
export const deadlineFor = async (
  store: Store,
  jurisdictionId: string,
  year: number,
): Promise<{ deadline: string; jurisdictionId: string } | null> => {
  let id: string | null = jurisdictionId;
  for (let hops = 0; id && hops < 8; hops++) {
    const own = (await store.org.listFiscalYears(id)).find((y) => y.year === year)?.deadline;
    if (own) return { deadline: own, jurisdictionId: id };
    id = (await store.org.getJurisdiction(id))?.parentId ?? null;
  }
  return null;
};
