/** Comments and 审核得分 (re-scores). */
import { and, asc, eq, sql } from 'drizzle-orm';
import { decString } from '../../core/decimal.ts';
import type { Db } from '../db.ts';
import { record } from '../db.ts';
import { notFound, ok } from '../model/common.ts';
import type { Rescore } from '../model/review.ts';
import type { ReviewStore } from '../port.ts';
import { comments, reportVersions, rescores } from '../schema/index.ts';

const toRescore = (r: typeof rescores.$inferSelect): Rescore => ({ ...r, score: decString(r.score) });

const versionExists = async (db: Db, reportId: string, version: number): Promise<boolean> =>
  (
    await db
      .select({ v: reportVersions.version })
      .from(reportVersions)
      .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)))
  ).length > 0;

export const reviewQueries = (db: Db): ReviewStore => ({
  addComment: (input, by) =>
    db.transaction(async (tx) => {
      if (!(await versionExists(tx, input.reportId, input.version)))
        return notFound('报告版本 (report version)');
      const [row] = await tx
        .insert(comments)
        .values({
          reportId: input.reportId,
          version: input.version,
          kind: input.kind,
          body: input.body,
          indicatorPath: input.indicatorPath ?? null,
          findingRule: input.findingRule ?? null,
          authorId: by,
        })
        .returning();
      await record(
        tx,
        by,
        'report.comment',
        { type: 'report', id: input.reportId },
        {
          commentId: row!.id,
          kind: input.kind,
        },
      );
      return ok(row!);
    }),

  listComments: (reportId) =>
    db
      .select()
      .from(comments)
      .where(eq(comments.reportId, reportId))
      .orderBy(asc(comments.createdAt), asc(comments.id)),

  addRescore: (input, by) =>
    db.transaction(async (tx) => {
      if (!(await versionExists(tx, input.reportId, input.version)))
        return notFound('报告版本 (report version)');
      const [row] = await tx
        .insert(rescores)
        .values({
          reportId: input.reportId,
          version: input.version,
          indicatorPath: input.indicatorPath,
          score: input.score,
          reason: input.reason,
          reviewerId: by,
        })
        .returning();
      await record(
        tx,
        by,
        'report.rescore',
        { type: 'report', id: input.reportId },
        {
          indicatorPath: input.indicatorPath,
          score: input.score,
        },
      );
      return ok(toRescore(row!));
    }),

  listRescores: async (reportId, options) => {
    const rows = options?.latestOnly
      ? // DISTINCT ON keeps the first row per indicator in the ORDER BY: the newest.
        await db
          .selectDistinctOn([rescores.indicatorPath])
          .from(rescores)
          .where(eq(rescores.reportId, reportId))
          .orderBy(rescores.indicatorPath, sql`${rescores.createdAt} desc`, sql`${rescores.id} desc`)
      : await db
          .select()
          .from(rescores)
          .where(eq(rescores.reportId, reportId))
          .orderBy(asc(rescores.createdAt), asc(rescores.indicatorPath));
    return rows.map(toRescore);
  },
});
