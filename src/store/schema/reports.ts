/**
 * Reports: one row per department × year × kind × project, holding the fields people query, and its
 * immutable versions (every save is a new row). Publications record which versions went public.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { GRADES, type Grade, type Report as ReportDocument } from '../../core/model/index.ts';
import { REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus, sqlList } from '../vocab.ts';
import { at, createdAt, id } from './columns.ts';
import { frameworks } from './frameworks.ts';
import { departments } from './org.ts';
import { users } from './users.ts';

export const reports = pgTable(
  'reports',
  {
    id: id(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    year: integer('year').notNull(),
    kind: text('kind').$type<ReportKind>().notNull(),
    /** The project's name for 项目支出 reports; null for 部门整体. */
    projectName: text('project_name'),
    frameworkId: uuid('framework_id').references(() => frameworks.id),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    currentVersion: integer('current_version').notNull(),
    statedTotal: numeric('stated_total', { precision: 7, scale: 2 }),
    computedTotal: numeric('computed_total', { precision: 7, scale: 2 }),
    grade: text('grade').$type<Grade>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('reports_identity_unique').on(t.departmentId, t.year, t.kind, t.projectName).nullsNotDistinct(),
    index('reports_year_status_idx').on(t.year, t.status),
    check('reports_kind_check', sql.raw(`kind in (${sqlList(REPORT_KINDS)})`)),
    check('reports_status_check', sql.raw(`status in (${sqlList(REPORT_STATUSES)})`)),
    check('reports_grade_check', sql.raw(`grade in (${sqlList(GRADES)})`)),
    check('reports_project_name_check', sql.raw(`(kind = 'project') = (project_name is not null)`)),
  ],
);

/** Never updated or deleted (a trigger refuses it): history is the table. */
export const reportVersions = pgTable(
  'report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    document: jsonb('document').$type<ReportDocument>().notNull(),
    summary: text('summary').notNull().default(''),
    /**
     * The evaluation of this version when it was saved: the computed total (null when no framework fits
     * the report) and the grade. Versions saved before these columns existed have nulls.
     */
    computedTotal: numeric('computed_total', { precision: 7, scale: 2 }),
    grade: text('grade').$type<Grade>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.version] }),
    check('report_versions_grade_check', sql.raw(`grade in (${sqlList(GRADES)})`)),
  ],
);

/** A version made public. A correction is a further publication; the earlier one stays. */
export const publications = pgTable(
  'publications',
  {
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: at('published_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.version] }),
    foreignKey({
      name: 'publications_version_fk',
      columns: [t.reportId, t.version],
      foreignColumns: [reportVersions.reportId, reportVersions.version],
    }),
    index('publications_published_at_idx').on(t.publishedAt),
  ],
);

/**
 * The score and grade of a published version as they were at publication (kept beside `publications`,
 * which is append-only and older than these columns). Written once — at publication, or the first time
 * an older publication is listed — and never recomputed, so a framework added later changes no published
 * grade.
 */
export const publicationScores = pgTable(
  'publication_scores',
  {
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    statedTotal: numeric('stated_total', { precision: 7, scale: 2 }),
    computedTotal: numeric('computed_total', { precision: 7, scale: 2 }),
    grade: text('grade').$type<Grade>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.version] }),
    foreignKey({
      name: 'publication_scores_publication_fk',
      columns: [t.reportId, t.version],
      foreignColumns: [publications.reportId, publications.version],
    }),
    check('publication_scores_grade_check', sql.raw(`grade in (${sqlList(GRADES)})`)),
  ],
);
