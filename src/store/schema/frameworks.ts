/** Indicator frameworks: versioned documents; a report is bound to the version it was filled against. */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { REPORT_KINDS, type ReportKind, sqlList } from '../vocab.ts';
import { createdAt, id } from './columns.ts';
import { jurisdictions } from './org.ts';
import { users } from './users.ts';

export const frameworks = pgTable(
  'frameworks',
  {
    id: id(),
    /** Stable name of the framework across its versions, e.g. `guangdong-2023-department`. */
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').$type<ReportKind>().notNull(),
    /** The region it applies to; null for a framework that applies everywhere. */
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    document: jsonb('document').$type<unknown>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('frameworks_key_version_unique').on(t.key, t.version),
    index('frameworks_year_kind_idx').on(t.year, t.kind),
    check('frameworks_kind_check', sql.raw(`kind in (${sqlList(REPORT_KINDS)})`)),
  ],
);
