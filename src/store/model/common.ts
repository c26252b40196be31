/** Shapes every part of the port shares: ids, results, the acting user. */
import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Who makes a change: a user id, or null for the system itself (migrations, first-start setup). */
export type ActorId = Id | null;

/** Expected failures are data (`core/result.ts`): the HTTP layer maps their codes to statuses. */
export { type Failure, type Ok, ok, type Result } from '../../core/result.ts';

import type { Failure } from '../../core/result.ts';

export type NotFound = Failure<'not-found'>;
export const notFound = (what: string): NotFound => ({
  ok: false,
  code: 'not-found',
  message: `未找到${what} (${what} not found)`,
});

export type Duplicate = Failure<'duplicate', { field: string }>;
export const duplicate = (field: string, zh: string): Duplicate => ({
  ok: false,
  code: 'duplicate',
  field,
  message: `${zh}已存在 (${field} already exists)`,
});
