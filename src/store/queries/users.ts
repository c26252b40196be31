/** Accounts and sessions. */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { record } from '../db.ts';
import { duplicate, type NotFound, notFound, ok } from '../model/common.ts';
import type { Session, User, UserWithHash } from '../model/users.ts';
import type { BadScope, SessionStore, UserStore } from '../port.ts';
import { departments, jurisdictions, sessions, users } from '../schema/index.ts';
import { DEPARTMENT_ROLES, type Role } from '../vocab.ts';
import { likePrefix, subtreePrefix } from './org.ts';

const toUser = (r: typeof users.$inferSelect): User => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  departmentId: r.departmentId,
  jurisdictionId: r.jurisdictionId,
  disabled: r.disabled,
  mustChangePassword: r.mustChangePassword,
  createdAt: r.createdAt,
});

const toSession = (r: typeof sessions.$inferSelect): Session => ({
  tokenHash: r.tokenHash,
  userId: r.userId,
  expiresAt: r.expiresAt,
  createdAt: r.createdAt,
});

const isDepartmentRole = (role: Role): boolean => (DEPARTMENT_ROLES as readonly Role[]).includes(role);

/** A department role belongs to one existing department only; the others to one existing jurisdiction only. */
const checkScope = async (
  tx: Db,
  role: Role,
  scope: { departmentId?: string | null | undefined; jurisdictionId?: string | null | undefined },
): Promise<BadScope | NotFound | null> => {
  const deptScoped = isDepartmentRole(role);
  const scopeOk = deptScoped
    ? Boolean(scope.departmentId) && !scope.jurisdictionId
    : Boolean(scope.jurisdictionId) && !scope.departmentId;
  if (!scopeOk)
    return {
      ok: false,
      code: 'bad-scope',
      message: deptScoped
        ? '单位填报、单位审核账号须属于一个预算单位 (this role needs a department, and only that)'
        : '财政审核、管理员账号须属于一个行政区划 (this role needs a jurisdiction, and only that)',
    };
  if (scope.departmentId) {
    const [d] = await tx.select().from(departments).where(eq(departments.id, scope.departmentId));
    if (!d) return notFound('预算单位 (department)');
  }
  if (scope.jurisdictionId) {
    const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, scope.jurisdictionId));
    if (!j) return notFound('行政区划 (jurisdiction)');
  }
  return null;
};

export const userQueries = (db: Db): UserStore => ({
  createUser: (input, by) =>
    db.transaction(async (tx) => {
      const refused = await checkScope(tx, input.role, input);
      if (refused) return refused;
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash: input.passwordHash,
          role: input.role,
          departmentId: input.departmentId ?? null,
          jurisdictionId: input.jurisdictionId ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return duplicate('username', '用户名');
      await record(
        tx,
        by,
        'user.create',
        { type: 'user', id: row.id },
        {
          username: row.username,
          role: row.role,
        },
      );
      return ok(toUser(row));
    }),

  updateUser: (patch, by) =>
    db.transaction(async (tx) => {
      if (patch.departmentId !== undefined || patch.jurisdictionId !== undefined) {
        const [cur] = await tx.select().from(users).where(eq(users.id, patch.id));
        if (!cur) return notFound('用户 (user)');
        const refused = await checkScope(tx, cur.role, {
          departmentId: patch.departmentId ?? null,
          jurisdictionId: patch.jurisdictionId ?? null,
        });
        if (refused) return refused;
      }
      const set = {
        ...(patch.displayName !== undefined && { displayName: patch.displayName }),
        ...(patch.passwordHash !== undefined && { passwordHash: patch.passwordHash }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.mustChangePassword !== undefined && { mustChangePassword: patch.mustChangePassword }),
        ...(patch.departmentId !== undefined && { departmentId: patch.departmentId, jurisdictionId: null }),
        ...(patch.jurisdictionId !== undefined && {
          jurisdictionId: patch.jurisdictionId,
          departmentId: null,
        }),
      };
      const [row] =
        Object.keys(set).length > 0
          ? await tx.update(users).set(set).where(eq(users.id, patch.id)).returning()
          : await tx.select().from(users).where(eq(users.id, patch.id));
      if (!row) return notFound('用户 (user)');
      // Never log the hash itself; that it changed is what matters.
      await record(
        tx,
        by,
        'user.update',
        { type: 'user', id: row.id },
        {
          fields: Object.keys(set),
          ...(patch.disabled !== undefined && { disabled: patch.disabled }),
          ...(patch.departmentId !== undefined && { departmentId: patch.departmentId }),
          ...(patch.jurisdictionId !== undefined && { jurisdictionId: patch.jurisdictionId }),
        },
      );
      // A disabled account or a new password ends every open session.
      if (patch.disabled || patch.passwordHash) await tx.delete(sessions).where(eq(sessions.userId, row.id));
      return ok(toUser(row));
    }),

  getUser: async (id) => {
    const [r] = await db.select().from(users).where(eq(users.id, id));
    return r ? toUser(r) : null;
  },

  findUserForLogin: async (username): Promise<UserWithHash | null> => {
    const [r] = await db
      .select({ u: users, departmentDisabled: departments.disabled })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(sql`lower(${users.username}) = lower(${username})`);
    return r
      ? { ...toUser(r.u), passwordHash: r.u.passwordHash, departmentDisabled: r.departmentDisabled ?? false }
      : null;
  },

  listUsers: async (query) => {
    const conds = [];
    if (query.departmentId) conds.push(eq(users.departmentId, query.departmentId));
    if (query.jurisdictionId) {
      // Everyone scoped inside the jurisdiction's subtree: its bureau accounts and its departments' accounts.
      const prefix = await subtreePrefix(db, query.jurisdictionId);
      if (!prefix) return [];
      const inTree = sql`(
        ${users.jurisdictionId} in (select id from jurisdictions where path like ${likePrefix(prefix)})
        or ${users.departmentId} in (select d.id from departments d join jurisdictions j on j.id = d.jurisdiction_id
                                     where j.path like ${likePrefix(prefix)}))`;
      conds.push(inTree);
    }
    return (
      await db
        .select()
        .from(users)
        .where(and(...conds))
        .orderBy(asc(users.username))
    ).map(toUser);
  },
});

export const sessionQueries = (db: Db): SessionStore => {
  // Every signed-in request makes this lookup: a named statement, planned once per connection.
  const findSession = db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.disabled, false),
        // An account of a 停用 department is as good as disabled.
        sql`coalesce(${departments.disabled}, false) = false`,
      ),
    )
    .prepare('session_with_user');
  return {
    create: async (input) => {
      const [row] = await db.insert(sessions).values(input).returning();
      return toSession(row!);
    },

    find: async (tokenHash) => {
      const [r] = await findSession.execute({ tokenHash });
      return r ? { session: toSession(r.s), user: toUser(r.u) } : null;
    },

    delete: async (tokenHash) => {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    deleteForUser: async (userId) =>
      (await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.tokenHash }))
        .length,

    purgeExpired: async () =>
      (
        await db
          .delete(sessions)
          .where(lte(sessions.expiresAt, sql`now()`))
          .returning({ t: sessions.tokenHash })
      ).length,
  };
};
