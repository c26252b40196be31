import { z } from 'zod';
import { ROLES } from '../vocab.ts';
import { Id } from './common.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const NewUser = z.object({
  username: z.string().min(1).max(64),
  displayName: z.string().min(1),
  passwordHash: z.string().min(1),
  role: Role,
  /** For preparer and dept-reviewer. */
  departmentId: Id.nullish(),
  /** For bureau-reviewer and admin. */
  jurisdictionId: Id.nullish(),
});
export type NewUser = z.infer<typeof NewUser>;

export const UserPatch = z.object({
  id: Id,
  displayName: z.string().min(1).optional(),
  passwordHash: z.string().min(1).optional(),
  disabled: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
  /** A move: a department account to another department, a bureau or admin account to another jurisdiction. */
  departmentId: Id.optional(),
  jurisdictionId: Id.optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

/** A user as the rest of the system sees it: no password hash. */
export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  departmentId: Id.nullable(),
  jurisdictionId: Id.nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.date(),
});
export type User = z.infer<typeof User>;

/** Only for the login check; `departmentDisabled` when the account's department is 停用. */
export type UserWithHash = User & { passwordHash: string; departmentDisabled: boolean };

export const NewSession = z.object({ tokenHash: z.string().min(16), userId: Id, expiresAt: z.date() });
export type NewSession = z.infer<typeof NewSession>;

export const Session = NewSession.extend({ createdAt: z.date() });
export type Session = z.infer<typeof Session>;
