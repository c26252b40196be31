/** Accounts and their sessions. One role per account, scoped to a department or a jurisdiction. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES, type Role, sqlList } from '../vocab.ts';
import { at, createdAt, id } from './columns.ts';
import { departments, jurisdictions } from './org.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Encoded by the app (scrypt/argon2 string with its salt and parameters); the store never sees a password. */
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    disabled: boolean('disabled').notNull().default(false),
    /** Set by an admin's reset (a one-time password): the user must choose a new one before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // Usernames compare case-insensitively: "Admin" and "admin" are one account.
    uniqueIndex('users_username_lower_unique').on(sql`lower(${t.username})`),
    check('users_role_check', sql.raw(`role in (${sqlList(ROLES)})`)),
    // Exactly one scope, and the right kind for the role.
    check(
      'users_scope_check',
      sql.raw(
        `(role in ('preparer', 'dept-reviewer') and department_id is not null and jurisdiction_id is null)` +
          ` or (role in ('bureau-reviewer', 'admin') and jurisdiction_id is not null and department_id is null)`,
      ),
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** A hash of the cookie token (the token itself is never stored), chosen by the app. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
