/**
 * The target cycle: 绩效目标申报表 (one row per department × year × kind × project) with immutable
 * versions, the reviews that grade them, 运行监控 rounds with one entry per table, and the bureau's
 * decisions. Approval records which version is frozen; later adjustments are further versions.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { GRADES, type Grade } from '../../core/model/index.ts';
import type { MonitoringEntry } from '../../core/targets/monitoring.ts';
import {
  REVIEW_STEPS,
  type ReviewStep,
  SUPERVISOR_OUTCOMES,
  type SupervisorOutcome,
} from '../../core/targets/review-chain.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import {
  DECISIONS,
  type Decision,
  TARGET_KINDS,
  TARGET_STATUSES,
  type TargetKind,
  type TargetStatus,
} from '../../core/targets/vocab.ts';
import { sqlList } from '../vocab.ts';
import { at, createdAt, id } from './columns.ts';
import { departments, jurisdictions } from './org.ts';
import { users } from './users.ts';

export const targetTables = pgTable(
  'target_tables',
  {
    id: id(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    year: integer('year').notNull(),
    kind: text('kind').$type<TargetKind>().notNull(),
    projectName: text('project_name'),
    status: text('status').$type<TargetStatus>().notNull().default('draft'),
    currentVersion: integer('current_version').notNull(),
    /** The version approved last (年初批复 or 调整后); null until one is. */
    approvedVersion: integer('approved_version'),
    /** While 已报送: the step of the review chain it waits at (主管部门 or 财政); null otherwise. */
    reviewStep: text('review_step').$type<ReviewStep>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('target_tables_identity_unique')
      .on(t.departmentId, t.year, t.kind, t.projectName)
      .nullsNotDistinct(),
    index('target_tables_year_status_idx').on(t.year, t.status),
    check('target_tables_kind_check', sql.raw(`kind in (${sqlList(TARGET_KINDS)})`)),
    check('target_tables_status_check', sql.raw(`status in (${sqlList(TARGET_STATUSES)})`)),
    check('target_tables_project_name_check', sql.raw(`(kind = 'project') = (project_name is not null)`)),
    check('target_tables_review_step_check', sql.raw(`review_step in (${sqlList(REVIEW_STEPS)})`)),
  ],
);

export const targetVersions = pgTable(
  'target_versions',
  {
    tableId: uuid('table_id')
      .notNull()
      .references(() => targetTables.id),
    version: integer('version').notNull(),
    document: jsonb('document').$type<TargetTable>().notNull(),
    summary: text('summary').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.version] })],
);

/**
 * 目标审核: one row per review of a version at one step of the chain. 财政 grades it (the grade's outcome
 * set the table's status); a 主管部门 passes it on or returns it, without a grade.
 */
export const targetReviews = pgTable(
  'target_reviews',
  {
    id: id(),
    tableId: uuid('table_id')
      .notNull()
      .references(() => targetTables.id),
    version: integer('version').notNull(),
    step: text('step').$type<ReviewStep>().notNull().default('finance'),
    grade: text('grade').$type<Grade>(),
    /** The 主管部门's pass or return; null for 财政's reviews (their grade says it). */
    outcome: text('outcome').$type<SupervisorOutcome>(),
    reasons: text('reasons').notNull().default(''),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('target_reviews_table_idx').on(t.tableId, t.createdAt),
    check('target_reviews_grade_check', sql.raw(`grade in (${sqlList(GRADES)})`)),
    check('target_reviews_step_check', sql.raw(`step in (${sqlList(REVIEW_STEPS)})`)),
    check('target_reviews_outcome_check', sql.raw(`outcome in (${sqlList(SUPERVISOR_OUTCOMES)})`)),
    check(
      'target_reviews_step_shape_check',
      sql.raw(`(step = 'finance') = (grade is not null) and (step = 'supervisor') = (outcome is not null)`),
    ),
  ],
);

/**
 * An approved version made public (公开). It never changes: an adjustment approved later is published
 * by a publication of its own, the earlier one staying public.
 */
export const targetPublications = pgTable(
  'target_publications',
  {
    tableId: uuid('table_id').notNull(),
    version: integer('version').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: at('published_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tableId, t.version] }),
    foreignKey({
      name: 'target_publications_version_fk',
      columns: [t.tableId, t.version],
      foreignColumns: [targetVersions.tableId, targetVersions.version],
    }),
    index('target_publications_published_at_idx').on(t.publishedAt),
  ],
);

/** The review chain a jurisdiction chose (review-chains.json key); below it, the nearest choice counts. */
export const targetReviewSettings = pgTable('target_review_settings', {
  jurisdictionId: uuid('jurisdiction_id')
    .primaryKey()
    .references(() => jurisdictions.id),
  chain: text('chain').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A 运行监控 round a bureau opens for its jurisdiction: data through `month`, due by `deadline`. */
export const monitoringRounds = pgTable(
  'monitoring_rounds',
  {
    id: id(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The light preset (monitoring-presets.json key). */
    preset: text('preset').notNull().default('default'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('monitoring_rounds_unique').on(t.jurisdictionId, t.year, t.month),
    check('monitoring_rounds_month_check', sql.raw('month between 1 and 12')),
  ],
);

/** A unit's entry for one approved table in a round; saved many times, submitted once. */
export const monitoringEntries = pgTable(
  'monitoring_entries',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => monitoringRounds.id),
    tableId: uuid('table_id')
      .notNull()
      .references(() => targetTables.id),
    /** The approved version the entry reports against. */
    tableVersion: integer('table_version').notNull(),
    document: jsonb('document').$type<MonitoringEntry>().notNull(),
    submittedAt: at('submitted_at'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.tableId] })],
);

/** The bureau's decision on a monitored table (继续执行 / 调剂 / 暂缓拨款 / 取消) with its reason. */
export const bureauDecisions = pgTable(
  'bureau_decisions',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => monitoringRounds.id),
    tableId: uuid('table_id')
      .notNull()
      .references(() => targetTables.id),
    decision: text('decision').$type<Decision>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('bureau_decisions_round_idx').on(t.roundId, t.tableId, t.createdAt),
    check('bureau_decisions_decision_check', sql.raw(`decision in (${sqlList(DECISIONS)})`)),
    check('bureau_decisions_reason_check', sql.raw('length(btrim(reason)) > 0')),
  ],
);
