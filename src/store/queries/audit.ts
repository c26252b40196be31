/** The append-only audit log. */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { AuditStore } from '../port.ts';
import { auditLog } from '../schema/index.ts';

export const auditQueries = (db: Db): AuditStore => ({
  append: async (entry) => {
    const [row] = await db
      .insert(auditLog)
      .values({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        detail: entry.detail ?? {},
      })
      .returning();
    return row!;
  },

  list: (query) =>
    db
      .select()
      .from(auditLog)
      .where(
        and(
          query.targetType ? eq(auditLog.targetType, query.targetType) : undefined,
          query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
          query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
          query.beforeId !== undefined ? lt(auditLog.id, query.beforeId) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(query.limit ?? 100),
});
