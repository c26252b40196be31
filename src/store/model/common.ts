/** Shapes every part of the port shares: ids, results, the acting user. */
import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Who makes a change: a user id, or null for the system itself (migrations, first-start setup). */
export type ActorId = Id | null;

/**
 * Expected failures are data: `{ ok: false, code, … }` with a stable code; success carries `value`.
 * The HTTP layer maps codes to statuses (version-conflict → 409, not-found → 404, …).
 */
export type Ok<T> = { ok: true; value: T };
export type Failure<C extends string, X extends object = object> = {
  ok: false;
  code: C;
  message: string;
} & X;
export type Result<T, F extends { ok: false }> = Ok<T> | F;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

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
