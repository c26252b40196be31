/** The drizzle database both adapters hand to the shared query code, and small helpers over it. */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { decString } from '../core/decimal.ts';
import type { ActorId } from './model/common.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Appends the audit entry of a change, inside the transaction that makes the change. */
export const record = async (
  tx: Db,
  by: ActorId,
  action: string,
  target: { type: string; id: string | number },
  detail: Record<string, unknown> = {},
): Promise<void> => {
  await tx.insert(schema.auditLog).values({
    actorId: by,
    action,
    targetType: target.type,
    targetId: String(target.id),
    detail,
  });
};

/** `numeric` arrives as a string ("98.20") from both drivers: the canonical decimal string, or null. */
export const decOrNull = (v: string | null): string | null => (v === null ? null : decString(v));
