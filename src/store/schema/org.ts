/** Jurisdictions (province → city → county), departments (预算单位) and the reporting years. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { JURISDICTION_LEVELS, type JurisdictionLevel, sqlList } from '../vocab.ts';
import { createdAt, id } from './columns.ts';

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: id(),
    /** 行政区划代码 (6 digits), when known. */
    code: text('code'),
    name: text('name').notNull(),
    level: text('level').$type<JurisdictionLevel>().notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id),
    /** Materialized path of ids, `/<root>/<child>/…/<self>/`: a subtree is a prefix match. */
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('jurisdictions_code_unique').on(t.code),
    unique('jurisdictions_parent_name_unique').on(t.parentId, t.name).nullsNotDistinct(),
    index('jurisdictions_path_idx').on(t.path),
    check('jurisdictions_level_check', sql.raw(`level in (${sqlList(JURISDICTION_LEVELS)})`)),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: id(),
    /** 单位编码, when known. */
    code: text('code'),
    name: text('name').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** 主管部门: the department this one reports through (null for a 主管部门 itself). */
    supervisorId: uuid('supervisor_id').references((): AnyPgColumn => departments.id),
    /** 停用: kept with its reports and history, offered for nothing new. */
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique('departments_jurisdiction_name_unique').on(t.jurisdictionId, t.name),
    unique('departments_code_unique').on(t.code),
    index('departments_supervisor_idx').on(t.supervisorId),
  ],
);

/** A reporting round: a jurisdiction collects the year's self-evaluations by a deadline. */
export const fiscalYears = pgTable(
  'fiscal_years',
  {
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.year] })],
);
