/** What reviewers add to a report: comments (退回理由, explanations of audit errors) and 审核得分. */
import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { COMMENT_KINDS, type CommentKind, sqlList } from '../vocab.ts';
import { createdAt, id } from './columns.ts';
import { reports } from './reports.ts';
import { users } from './users.ts';

export const comments = pgTable(
  'comments',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    /** The version the comment was written against. */
    version: integer('version').notNull(),
    kind: text('kind').$type<CommentKind>().notNull(),
    body: text('body').notNull(),
    /** The indicator it is about, as a path of names (`产出指标/数量指标`), when it is about one. */
    indicatorPath: text('indicator_path'),
    /** The audit rule it explains (`finance.sum-mismatch`), for finding explanations. */
    findingRule: text('finding_rule'),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_report_idx').on(t.reportId, t.createdAt),
    check('comments_kind_check', sql.raw(`kind in (${sqlList(COMMENT_KINDS)})`)),
  ],
);

/** 审核得分: a reviewer's score for one indicator, with its reason. The latest per indicator counts. */
export const rescores = pgTable(
  'rescores',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    indicatorPath: text('indicator_path').notNull(),
    score: numeric('score', { precision: 7, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('rescores_report_idx').on(t.reportId, t.indicatorPath, t.createdAt),
    check('rescores_reason_check', sql.raw(`length(btrim(reason)) > 0`)),
  ],
);
