/** Jurisdictions, departments and reporting years. */
import { type AnyColumn, and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { record } from '../db.ts';
import { duplicate, notFound, ok } from '../model/common.ts';
import type { Department, FiscalYear, Jurisdiction } from '../model/org.ts';
import type { OrgStore } from '../port.ts';
import { departments, fiscalYears, jurisdictions, sessions, users } from '../schema/index.ts';
import type { JurisdictionLevel } from '../vocab.ts';

const PARENT_LEVEL = {
  province: null,
  city: 'province',
  county: 'city',
} as const satisfies Record<JurisdictionLevel, JurisdictionLevel | null>;

const toJurisdiction = (r: typeof jurisdictions.$inferSelect): Jurisdiction => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  parentId: r.parentId,
  createdAt: r.createdAt,
});

export const toDepartment = (r: typeof departments.$inferSelect): Department => ({
  id: r.id,
  code: r.code,
  name: r.name,
  jurisdictionId: r.jurisdictionId,
  supervisorId: r.supervisorId,
  disabled: r.disabled,
  createdAt: r.createdAt,
});

const toFiscalYear = (r: typeof fiscalYears.$inferSelect): FiscalYear => ({
  jurisdictionId: r.jurisdictionId,
  year: r.year,
  deadline: r.deadline,
});

const badParent = (message: string) => ({ ok: false as const, code: 'bad-parent' as const, message });

/** The path prefix of a jurisdiction's subtree, or null when it does not exist. */
export const subtreePrefix = async (db: Db, jurisdictionId: string): Promise<string | null> => {
  const [j] = await db
    .select({ path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, jurisdictionId));
  return j?.path ?? null;
};

/**
 * Rows whose jurisdiction lies in the subtree of `jurisdictionId` (itself included), with the path looked
 * up in the same statement; nothing when it does not exist. LIKE wildcards in the path are escaped.
 */
export const inSubtree = (jurisdictionId: string) =>
  sql`${jurisdictions.path} like (select replace(replace(replace(p.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
        from jurisdictions p where p.id = ${jurisdictionId})`;

/** Escapes LIKE wildcards; our paths hold only uuids and slashes, but a prefix match should not depend on it. */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

const checkSupervisor = async (db: Db, supervisorId: string | null | undefined, jurisdictionId: string) => {
  if (!supervisorId) return null;
  const [s] = await db.select().from(departments).where(eq(departments.id, supervisorId));
  if (!s) return notFound('主管部门 (supervising department)');
  if (s.jurisdictionId !== jurisdictionId)
    return badParent(
      '主管部门须在同一行政区划内 (the supervising department must be in the same jurisdiction)',
    );
  return null;
};

export const orgQueries = (db: Db): OrgStore => ({
  createJurisdiction: (input, by) =>
    db.transaction(async (tx) => {
      const want = PARENT_LEVEL[input.level];
      let parentPath = '/';
      if (input.parentId) {
        const [p] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, input.parentId));
        if (!p || p.level !== want)
          return badParent(`上级行政区划应为${want ?? '无'} (the parent must be a ${want ?? 'none'})`);
        parentPath = p.path;
      } else if (want) {
        return badParent(`${input.level} 须有上级行政区划 (a ${input.level} needs a parent ${want})`);
      }
      const id = crypto.randomUUID();
      const [row] = await tx
        .insert(jurisdictions)
        .values({
          id,
          code: input.code ?? null,
          name: input.name,
          level: input.level,
          parentId: input.parentId ?? null,
          path: `${parentPath}${id}/`,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return duplicate('jurisdiction', '行政区划');
      await record(tx, by, 'jurisdiction.create', { type: 'jurisdiction', id }, { name: input.name });
      return ok(toJurisdiction(row));
    }),

  updateJurisdiction: (patch, by) =>
    db.transaction(async (tx) => {
      const [cur] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, patch.id)).for('update');
      if (!cur) return notFound('行政区划 (jurisdiction)');
      const set = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.code !== undefined && { code: patch.code }),
      };
      if (Object.keys(set).length === 0) return ok(toJurisdiction(cur));
      const clash = await tx
        .select({ id: jurisdictions.id })
        .from(jurisdictions)
        .where(
          and(
            sql`${jurisdictions.id} <> ${cur.id}`,
            or(
              and(
                cur.parentId ? eq(jurisdictions.parentId, cur.parentId) : isNull(jurisdictions.parentId),
                eq(jurisdictions.name, set.name ?? cur.name),
              ),
              set.code ? eq(jurisdictions.code, set.code) : sql`false`,
            ),
          ),
        );
      if (clash.length > 0) return duplicate('jurisdiction', '行政区划');
      const [row] = await tx.update(jurisdictions).set(set).where(eq(jurisdictions.id, cur.id)).returning();
      await record(tx, by, 'jurisdiction.update', { type: 'jurisdiction', id: cur.id }, set);
      return ok(toJurisdiction(row!));
    }),

  getJurisdiction: async (id) => {
    const [r] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
    return r ? toJurisdiction(r) : null;
  },

  listJurisdictions: async (parentId) =>
    (
      await db
        .select()
        .from(jurisdictions)
        .where(parentId ? eq(jurisdictions.parentId, parentId) : sql`${jurisdictions.parentId} is null`)
        .orderBy(asc(jurisdictions.name))
    ).map(toJurisdiction),

  jurisdictionSubtree: async (id) => {
    const rows = await db
      .select()
      .from(jurisdictions)
      .where(inSubtree(id))
      .orderBy(sql`length(${jurisdictions.path})`, asc(jurisdictions.name));
    return rows.map(toJurisdiction);
  },

  createDepartment: (input, by) =>
    db.transaction(async (tx) => {
      const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, input.jurisdictionId));
      if (!j) return notFound('行政区划 (jurisdiction)');
      const bad = await checkSupervisor(tx, input.supervisorId, input.jurisdictionId);
      if (bad) return bad;
      const [row] = await tx
        .insert(departments)
        .values({
          code: input.code ?? null,
          name: input.name,
          jurisdictionId: input.jurisdictionId,
          supervisorId: input.supervisorId ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return duplicate('department', '预算单位');
      await record(tx, by, 'department.create', { type: 'department', id: row.id }, { name: row.name });
      return ok(toDepartment(row));
    }),

  updateDepartment: (patch, by) =>
    db.transaction(async (tx) => {
      const [cur] = await tx.select().from(departments).where(eq(departments.id, patch.id)).for('update');
      if (!cur) return notFound('预算单位 (department)');
      if (patch.supervisorId === cur.id)
        return badParent('单位不能是自己的主管部门 (a department cannot supervise itself)');
      const moving = patch.jurisdictionId !== undefined && patch.jurisdictionId !== cur.jurisdictionId;
      const jurisdictionId = moving ? patch.jurisdictionId! : cur.jurisdictionId;
      if (moving) {
        const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, jurisdictionId));
        if (!j) return notFound('行政区划 (jurisdiction)');
        const supervised = await tx
          .select({ id: departments.id })
          .from(departments)
          .where(eq(departments.supervisorId, cur.id))
          .limit(1);
        if (supervised.length > 0)
          return badParent(
            '该单位是其他单位的主管部门，请先调整所属单位 (it supervises other departments; move those first)',
          );
      }
      // A move leaves the old 主管部门 behind unless a new one (in the new jurisdiction) is given.
      const supervisorId = patch.supervisorId !== undefined ? patch.supervisorId : moving ? null : undefined;
      const bad = await checkSupervisor(tx, supervisorId, jurisdictionId);
      if (bad) return bad;
      const set = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.code !== undefined && { code: patch.code }),
        ...(supervisorId !== undefined && { supervisorId }),
        ...(moving && { jurisdictionId }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      };
      if (Object.keys(set).length === 0) return ok(toDepartment(cur));
      const clash = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(
          and(
            sql`${departments.id} <> ${cur.id}`,
            or(
              and(eq(departments.jurisdictionId, jurisdictionId), eq(departments.name, set.name ?? cur.name)),
              set.code ? eq(departments.code, set.code) : sql`false`,
            ),
          ),
        );
      if (clash.length > 0) return duplicate('department', '预算单位');
      const [row] = await tx.update(departments).set(set).where(eq(departments.id, cur.id)).returning();
      // A disabled department's accounts cannot sign in (sessions.find checks it too): end their sessions now.
      if (patch.disabled && !cur.disabled)
        await tx
          .delete(sessions)
          .where(
            inArray(
              sessions.userId,
              tx.select({ id: users.id }).from(users).where(eq(users.departmentId, cur.id)),
            ),
          );
      await record(
        tx,
        by,
        moving ? 'department.move' : 'department.update',
        { type: 'department', id: cur.id },
        moving ? { ...set, from: cur.jurisdictionId } : set,
      );
      return ok(toDepartment(row!));
    }),

  getDepartment: async (id) => {
    const [r] = await db.select().from(departments).where(eq(departments.id, id));
    return r ? toDepartment(r) : null;
  },

  listDepartments: async (query) => {
    const conds = [];
    if (query.supervisorId) conds.push(eq(departments.supervisorId, query.supervisorId));
    if (query.jurisdictionId) conds.push(inSubtree(query.jurisdictionId));
    const rows = await db
      .select({ d: departments })
      .from(departments)
      .innerJoin(jurisdictions, eq(jurisdictions.id, departments.jurisdictionId))
      .where(and(...conds))
      .orderBy(sql`${departments.code} asc nulls last`, asc(departments.name));
    return rows.map((r) => toDepartment(r.d));
  },

  putFiscalYear: (input, by) =>
    db.transaction(async (tx) => {
      const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, input.jurisdictionId));
      if (!j) return notFound('行政区划 (jurisdiction)');
      const [row] = await tx
        .insert(fiscalYears)
        .values(input)
        .onConflictDoUpdate({
          target: [fiscalYears.jurisdictionId, fiscalYears.year],
          set: { deadline: input.deadline },
        })
        .returning();
      await record(
        tx,
        by,
        'fiscal-year.put',
        { type: 'jurisdiction', id: input.jurisdictionId },
        {
          year: input.year,
          deadline: input.deadline,
        },
      );
      return ok(toFiscalYear(row!));
    }),

  listFiscalYears: async (jurisdictionId) =>
    (
      await db
        .select()
        .from(fiscalYears)
        .where(eq(fiscalYears.jurisdictionId, jurisdictionId))
        .orderBy(asc(fiscalYears.year))
    ).map(toFiscalYear),
});

/** The columns a per-department document table (reports, target tables) is filtered by. */
type ScopedColumns = { departmentId: AnyColumn; year: AnyColumn; kind: AnyColumn; status: AnyColumn };
type ScopedQuery = {
  departmentId?: string | undefined;
  jurisdictionId?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
  statuses?: readonly string[] | undefined;
};

/**
 * The conditions of a list query on such a table (joined to departments and jurisdictions): its
 * department, year, kind and statuses, and a jurisdiction with everything below it (a jurisdiction
 * that does not exist matches nothing).
 */
export const scopeConditions = (cols: ScopedColumns, query: ScopedQuery): (SQL | undefined)[] => {
  const conds = [
    query.departmentId ? eq(cols.departmentId, query.departmentId) : undefined,
    query.year !== undefined ? eq(cols.year, query.year) : undefined,
    query.kind ? eq(cols.kind, query.kind) : undefined,
    query.statuses ? inArray(cols.status, [...query.statuses]) : undefined,
  ];
  // The subtree's path is looked up inside the same statement (one round trip per list).
  if (query.jurisdictionId) conds.push(inSubtree(query.jurisdictionId));
  return conds;
};
