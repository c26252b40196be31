/** 附件: files of a report, their 公开 choice, and what each publication took with it. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { decOrNull, record } from '../db.ts';
import type { AttachmentMeta } from '../model/attachments.ts';
import { notFound, ok } from '../model/common.ts';
import type { Report } from '../model/reports.ts';
import type { AttachmentStore, NotEditable } from '../port.ts';
import { publicationAttachments, reportAttachments, reports, reportVersions } from '../schema/index.ts';
import { REPORT_STATUS_LABELS } from '../vocab.ts';

const meta = {
  id: reportAttachments.id,
  reportId: reportAttachments.reportId,
  version: reportAttachments.version,
  category: reportAttachments.category,
  fileName: reportAttachments.fileName,
  fileType: reportAttachments.fileType,
  size: reportAttachments.size,
  sha256: reportAttachments.sha256,
  public: reportAttachments.public,
  createdBy: reportAttachments.createdBy,
  createdAt: reportAttachments.createdAt,
};

const toReport = (r: typeof reports.$inferSelect): Report => ({
  ...r,
  statedTotal: decOrNull(r.statedTotal),
  computedTotal: decOrNull(r.computedTotal),
});

const notEditable = (current: Report): NotEditable => ({
  ok: false,
  code: 'not-editable',
  current,
  message: `报告当前为“${REPORT_STATUS_LABELS[current.status]}”，此时不能修改附件 (attachments cannot change in status ${current.status})`,
});

/** The report's row, locked until the transaction ends, so status checks and totals cannot race. */
const lockReport = async (tx: Db, reportId: string): Promise<Report | null> => {
  const [r] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
  return r ? toReport(r) : null;
};

const published = (reportId: string, version: number, attachmentId?: string) =>
  and(
    eq(publicationAttachments.reportId, reportId),
    eq(publicationAttachments.version, version),
    attachmentId ? eq(publicationAttachments.attachmentId, attachmentId) : undefined,
  );

export const attachmentQueries = (db: Db): AttachmentStore => ({
  add: (input, by) =>
    db.transaction(async (tx) => {
      const report = await lockReport(tx, input.reportId);
      if (!report) return notFound('报告 (report)');
      if (!input.whileStatus.includes(report.status)) return notEditable(report);
      const [v] = await tx
        .select({ v: reportVersions.version })
        .from(reportVersions)
        .where(and(eq(reportVersions.reportId, input.reportId), eq(reportVersions.version, input.version)));
      if (!v) return notFound('报告版本 (report version)');
      const [used] = await tx
        .select({ bytes: sql<string>`coalesce(sum(${reportAttachments.size}), 0)` })
        .from(reportAttachments)
        .where(eq(reportAttachments.reportId, input.reportId));
      const usedBytes = Number(used?.bytes ?? 0);
      if (usedBytes + input.content.byteLength > input.maxTotalBytes)
        return {
          ok: false as const,
          code: 'attachments-full' as const,
          usedBytes,
          maxTotalBytes: input.maxTotalBytes,
          message: `本报告的附件合计不能超过 ${Math.floor(input.maxTotalBytes / 1024 / 1024)} MB，已用 ${(usedBytes / 1024 / 1024).toFixed(1)} MB (attachments of a report are limited in total)`,
        };
      const [row] = await tx
        .insert(reportAttachments)
        .values({
          reportId: input.reportId,
          version: input.version,
          category: input.category,
          fileName: input.fileName,
          fileType: input.fileType,
          size: input.content.byteLength,
          sha256: input.sha256,
          content: input.content,
          createdBy: by,
        })
        .returning(meta);
      await record(
        tx,
        by,
        'report.attachment-add',
        { type: 'report', id: input.reportId },
        { attachmentId: row!.id, fileName: input.fileName, size: row!.size, category: input.category },
      );
      return ok(row!);
    }),

  list: (reportId) =>
    db
      .select(meta)
      .from(reportAttachments)
      .where(eq(reportAttachments.reportId, reportId))
      .orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.id)),

  get: async (reportId, attachmentId) => {
    const [r] = await db
      .select()
      .from(reportAttachments)
      .where(and(eq(reportAttachments.reportId, reportId), eq(reportAttachments.id, attachmentId)));
    return r ?? null;
  },

  remove: (input, by) =>
    db.transaction(async (tx) => {
      const report = await lockReport(tx, input.reportId);
      if (!report) return notFound('报告 (report)');
      const where = and(
        eq(reportAttachments.reportId, input.reportId),
        eq(reportAttachments.id, input.attachmentId),
      );
      const [found] = await tx.select(meta).from(reportAttachments).where(where);
      if (!found) return notFound('附件 (attachment)');
      if (!input.whileStatus.includes(report.status)) return notEditable(report);
      const [held] = await tx
        .select({ v: publicationAttachments.version })
        .from(publicationAttachments)
        .where(eq(publicationAttachments.attachmentId, input.attachmentId))
        .limit(1);
      if (held)
        return {
          ok: false as const,
          code: 'attachment-published' as const,
          message: `该附件已随第 ${held.v} 版公开，不能删除 (the attachment was published)`,
        };
      await tx.delete(reportAttachments).where(where);
      await record(
        tx,
        by,
        'report.attachment-remove',
        { type: 'report', id: input.reportId },
        { attachmentId: found.id, fileName: found.fileName, sha256: found.sha256 },
      );
      return ok(found);
    }),

  setPublic: (input, by) =>
    db.transaction(async (tx) => {
      const report = await lockReport(tx, input.reportId);
      if (!report) return notFound('报告 (report)');
      const where = and(
        eq(reportAttachments.reportId, input.reportId),
        eq(reportAttachments.id, input.attachmentId),
      );
      const [found] = await tx.select(meta).from(reportAttachments).where(where);
      if (!found) return notFound('附件 (attachment)');
      if (!input.whileStatus.includes(report.status)) return notEditable(report);
      const [row] = await tx
        .update(reportAttachments)
        .set({ public: input.public })
        .where(where)
        .returning(meta);
      await record(
        tx,
        by,
        'report.attachment-public',
        { type: 'report', id: input.reportId },
        { attachmentId: found.id, public: input.public },
      );
      return ok(row!);
    }),

  listPublished: async (reportId, version): Promise<AttachmentMeta[]> => {
    const ids = db
      .select({ id: publicationAttachments.attachmentId })
      .from(publicationAttachments)
      .where(published(reportId, version));
    return db
      .select(meta)
      .from(reportAttachments)
      .where(inArray(reportAttachments.id, ids))
      .orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.id));
  },

  getPublished: async (reportId, version, attachmentId) => {
    const [r] = await db
      .select({ a: reportAttachments })
      .from(publicationAttachments)
      .innerJoin(reportAttachments, eq(reportAttachments.id, publicationAttachments.attachmentId))
      .where(published(reportId, version, attachmentId));
    return r?.a ?? null;
  },
});

/** Inside the publication's transaction: the attachments chosen 公开 go out with it, fixed from now on. */
export const publishChosenAttachments = async (
  tx: Db,
  reportId: string,
  version: number,
): Promise<number> => {
  const chosen = await tx
    .select({ id: reportAttachments.id })
    .from(reportAttachments)
    .where(and(eq(reportAttachments.reportId, reportId), eq(reportAttachments.public, true)));
  if (chosen.length === 0) return 0;
  await tx
    .insert(publicationAttachments)
    .values(chosen.map((c) => ({ reportId, version, attachmentId: c.id })));
  return chosen.length;
};
