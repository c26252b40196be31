import { z } from 'zod';
import { Id } from './common.ts';

export const NewAuditEntry = z.object({
  actorId: Id.nullable(),
  action: z.string().regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/, 'action: dotted lower-case code'),
  targetType: z.string().min(1),
  targetId: z.string().min(1),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type NewAuditEntry = z.input<typeof NewAuditEntry>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: Id.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  targetType: z.string().optional(),
  targetId: z.string().optional(),
  actorId: Id.optional(),
  /** Entries older than this id (paging backwards from the newest). */
  beforeId: z.number().int().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type AuditQuery = z.input<typeof AuditQuery>;
