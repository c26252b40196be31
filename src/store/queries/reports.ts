/** Reports, their immutable versions, status changes and publications. */
import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';
import { decOrNull, record } from '../db.ts';
import { duplicate, notFound, ok } from '../model/common.ts';
import type {
  PublishedReport,
  Report,
  ReportFigures,
  ReportStatus,
  ReportVersion,
  ReportVersionText,
  SaveVersion,
  StepDate,
  VersionMeta,
} from '../model/reports.ts';
import type { KindMismatch, ReportStore, StatusConflict } from '../port.ts';
import {
  auditLog,
  departments,
  frameworks,
  jurisdictions,
  publicationScores,
  publications,
  reports,
  reportVersions,
} from '../schema/index.ts';
import { REPORT_KIND_LABELS, type ReportKind } from '../vocab.ts';
import { publishChosenAttachments } from './attachments.ts';
import { inSubtree, scopeConditions, toDepartment } from './org.ts';

const toReport = (r: typeof reports.$inferSelect): Report => ({
  ...r,
  statedTotal: decOrNull(r.statedTotal),
  computedTotal: decOrNull(r.computedTotal),
});

const toVersion = (r: typeof reportVersions.$inferSelect): ReportVersion => ({
  ...r,
  computedTotal: decOrNull(r.computedTotal),
});

const figureColumns = (f: ReportFigures) => ({
  statedTotal: f.statedTotal,
  computedTotal: f.computedTotal,
  grade: f.grade,
});

const scoreFigures = (s: typeof publicationScores.$inferSelect): ReportFigures => ({
  statedTotal: decOrNull(s.statedTotal),
  computedTotal: decOrNull(s.computedTotal),
  grade: s.grade,
});

const versionMeta = {
  reportId: reportVersions.reportId,
  version: reportVersions.version,
  summary: reportVersions.summary,
  createdBy: reportVersions.createdBy,
  createdAt: reportVersions.createdAt,
};

/** Every column of a version but its document: what a save returns (the caller has the document). */
const versionColumns = {
  ...versionMeta,
  computedTotal: reportVersions.computedTotal,
  grade: reportVersions.grade,
};

/** The stored version as returned by a save: the document is the one just written, not read back. */
const savedVersion = (
  r: Omit<typeof reportVersions.$inferSelect, 'document'>,
  document: SaveVersion['document'],
): ReportVersion => ({ ...r, document, computedTotal: decOrNull(r.computedTotal) });

const statusConflict = (current: Report): StatusConflict => ({
  ok: false,
  code: 'status-conflict',
  current,
  message: `报告状态已变为“${current.status}”，请刷新后重试 (the report's status has changed to ${current.status})`,
});

const kindMismatch = (want: ReportKind, got: ReportKind): KindMismatch => ({
  ok: false,
  code: 'kind-mismatch',
  message: `报告类型为“${REPORT_KIND_LABELS[want]}”，文档却是“${REPORT_KIND_LABELS[got]}” (the report is ${want}, the document ${got})`,
});

const getReport = async (db: Db, id: string): Promise<Report | null> => {
  const [r] = await db.select().from(reports).where(eq(reports.id, id));
  return r ? toReport(r) : null;
};

const getVersion = async (db: Db, reportId: string, version: number): Promise<ReportVersion | null> => {
  const [r] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)));
  return r ? toVersion(r) : null;
};

/** The rows of `db.execute` (both drivers answer `{ rows }`). */
const rowsOf = (r: unknown): Record<string, unknown>[] => (r as { rows: Record<string, unknown>[] }).rows;

/** A raw row (column names as in the database) as drizzle's select would give it. */
const fromDriver = <T extends PgTable>(table: T, row: Record<string, unknown>): T['$inferSelect'] => {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const v = row[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as T['$inferSelect'];
};

/**
 * A save as one statement: the UPDATE of the report (only at the expected version, of the document's
 * kind, in an editable status) and, from its row, the INSERTs of the version and of the audit entry.
 * Answers the report's row and the version's time, or no row when the UPDATE matched none.
 */
const saveStatement = (input: SaveVersion, by: string | null) => {
  const summary = input.summary ?? '';
  const { statedTotal, computedTotal, grade } = input.figures;
  const document =
    input.bodyJson === undefined
      ? sql`${JSON.stringify(input.document)}::jsonb`
      : sql`(${input.bodyJson}::jsonb -> 'document')`;
  const whileStatus = input.whileStatus
    ? sql` and ${reports.status} in (${sql.join(
        input.whileStatus.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  return sql`with u as (
    update ${reports} set current_version = ${input.expectedVersion + 1}, stated_total = ${statedTotal},
      computed_total = ${computedTotal}, grade = ${grade}, updated_at = now()
    where ${reports.id} = ${input.reportId} and ${reports.currentVersion} = ${input.expectedVersion}
      and ${reports.kind} = ${input.document.kind}${whileStatus}
    returning *
  ), v as (
    insert into ${reportVersions} (report_id, version, document, summary, computed_total, grade, created_by)
    select id, current_version, ${document}, ${summary}, ${computedTotal}::numeric,
      ${grade}::text, ${by}::uuid from u
    returning created_at
  ), a as (
    insert into ${auditLog} (actor_id, action, target_type, target_id, detail)
    select ${by}::uuid, 'report.save-version', 'report', id::text,
      jsonb_build_object('version', current_version, 'summary', ${summary}::text) from u
  )
  select u.*, v.created_at as version_created_at from u, v`;
};

export const reportQueries = (db: Db): ReportStore => {
  // Named (prepared) statements for the reads every request makes: planned once per connection.
  const withDepartment = db
    .select({ r: reports, d: departments })
    .from(reports)
    .innerJoin(departments, eq(departments.id, reports.departmentId))
    .where(eq(reports.id, sql.placeholder('id')))
    .prepare('report_with_department');
  const versionText = db
    .select({
      r: reports,
      d: departments,
      v: { ...versionColumns, documentJson: sql<string>`${reportVersions.document}::text` },
    })
    .from(reports)
    .innerJoin(departments, eq(departments.id, reports.departmentId))
    .leftJoin(
      reportVersions,
      and(
        eq(reportVersions.reportId, reports.id),
        eq(
          reportVersions.version,
          sql`coalesce(${sql.placeholder('version')}::int, ${reports.currentVersion})`,
        ),
      ),
    )
    .where(eq(reports.id, sql.placeholder('reportId')))
    .prepare('report_version_text');
  return {
    create: (input, by) =>
      db.transaction(async (tx) => {
        const [d] = await tx.select().from(departments).where(eq(departments.id, input.departmentId));
        if (!d) return notFound('预算单位 (department)');
        if (input.frameworkId) {
          const [f] = await tx.select().from(frameworks).where(eq(frameworks.id, input.frameworkId));
          if (!f) return notFound('指标框架 (framework)');
        }
        if (input.document.kind !== input.kind) return kindMismatch(input.kind, input.document.kind);
        const projectName = input.kind === 'project' ? (input.projectName?.trim() ?? '') : null;
        if (projectName === '')
          return {
            ok: false as const,
            code: 'project-name-required' as const,
            message: '项目支出绩效自评表须写明项目名称 (a project report needs the project name)',
          };
        const [row] = await tx
          .insert(reports)
          .values({
            departmentId: input.departmentId,
            year: input.year,
            kind: input.kind,
            projectName,
            frameworkId: input.frameworkId ?? null,
            currentVersion: 1,
            ...figureColumns(input.figures),
            createdBy: by,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) {
          const [existing] = await tx
            .select({ id: reports.id })
            .from(reports)
            .where(
              and(
                eq(reports.departmentId, input.departmentId),
                eq(reports.year, input.year),
                eq(reports.kind, input.kind),
                projectName === null ? isNull(reports.projectName) : eq(reports.projectName, projectName),
              ),
            );
          return {
            ok: false as const,
            code: 'report-exists' as const,
            existingId: existing?.id ?? '',
            message: `该单位${input.year}年度的此类报告已存在 (this department already has this report for ${input.year})`,
          };
        }
        const [v] = await tx
          .insert(reportVersions)
          .values({
            reportId: row.id,
            version: 1,
            document: input.document,
            summary: input.summary ?? '',
            computedTotal: input.figures.computedTotal,
            grade: input.figures.grade,
            createdBy: by,
          })
          .returning(versionColumns);
        await record(tx, by, 'report.create', { type: 'report', id: row.id }, { version: 1 });
        return ok({ report: toReport(row), version: savedVersion(v!, input.document) });
      }),

    saveVersion: async (input, by) => {
      // One statement, atomic by itself: the compare-and-set UPDATE (its row lock makes a concurrent save
      // with the same expectedVersion wait, then re-check `current_version` and find it moved on, so
      // exactly one of them wins), the new version and the audit entry, inserted only when it matched.
      const [row] = rowsOf(await db.execute(saveStatement(input, by)));
      if (row) {
        const report = toReport(fromDriver(reports, row));
        const createdAt = reportVersions.createdAt.mapFromDriverValue(
          row.version_created_at as string,
        ) as Date;
        return ok({
          report,
          version: savedVersion(
            {
              reportId: report.id,
              version: report.currentVersion,
              summary: input.summary ?? '',
              computedTotal: input.figures.computedTotal,
              grade: input.figures.grade,
              createdBy: by,
              createdAt,
            },
            input.document,
          ),
        });
      }
      // Refused: say why (the report's row as it is now).
      const cur = await getReport(db, input.reportId);
      if (!cur) return notFound('报告 (report)');
      if (cur.kind !== input.document.kind) return kindMismatch(cur.kind, input.document.kind);
      if (input.whileStatus && !input.whileStatus.includes(cur.status))
        return {
          ok: false as const,
          code: 'not-editable' as const,
          current: cur,
          message: `报告状态为“${cur.status}”，不能再保存 (the report is ${cur.status}: it cannot be saved)`,
        };
      const current = await getVersion(db, cur.id, cur.currentVersion);
      return {
        ok: false as const,
        code: 'version-conflict' as const,
        current: current!,
        message:
          `报告已被他人保存为第${cur.currentVersion}版（你编辑的是第${input.expectedVersion}版），请合并后再保存 ` +
          `(version ${cur.currentVersion} was saved meanwhile; you edited version ${input.expectedVersion})`,
      };
    },

    get: (id) => getReport(db, id),

    getWithDepartment: async (id) => {
      const [r] = await withDepartment.execute({ id });
      return r ? { report: toReport(r.r), department: toDepartment(r.d) } : null;
    },

    list: async (query) => {
      const conds = scopeConditions(reports, query);
      const rows = await db
        .select({ r: reports })
        .from(reports)
        .innerJoin(departments, eq(departments.id, reports.departmentId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, departments.jurisdictionId))
        .where(and(...conds))
        .orderBy(desc(reports.year), asc(departments.name), asc(reports.kind), asc(reports.projectName));
      return rows.map((r) => toReport(r.r));
    },

    getVersion: (reportId, version) => getVersion(db, reportId, version),

    listStepDates: async (reportIds): Promise<StepDate[]> => {
      const out: StepDate[] = [];
      const step = sql<ReportStatus>`case when ${auditLog.action} = 'report.publish' then 'published' else ${auditLog.detail}->>'to' end`;
      // In chunks, as getVersions; the newest entry per report and status wins (DISTINCT ON).
      for (let i = 0; i < reportIds.length; i += 200) {
        const chunk = reportIds.slice(i, i + 200);
        const rows = await db
          .selectDistinctOn([auditLog.targetId, step], {
            reportId: auditLog.targetId,
            status: step,
            at: auditLog.at,
            actorId: auditLog.actorId,
          })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.targetType, 'report'),
              inArray(auditLog.targetId, chunk),
              inArray(auditLog.action, ['report.set-status', 'report.publish']),
            ),
          )
          .orderBy(auditLog.targetId, step, desc(auditLog.id));
        out.push(...rows);
      }
      return out;
    },

    getVersionText: async (reportId, version) => {
      const [r] = await versionText.execute({ reportId, version });
      if (!r) return null;
      const v: ReportVersionText | null =
        r.v && r.v.version !== null ? { ...r.v, computedTotal: decOrNull(r.v.computedTotal) } : null;
      return { report: toReport(r.r), department: toDepartment(r.d), version: v };
    },

    getVersions: async (keys) => {
      const out: ReportVersion[] = [];
      // In chunks, so that a county's hundreds of reports make a few statements of bounded size.
      for (let i = 0; i < keys.length; i += 200) {
        const chunk = keys.slice(i, i + 200);
        const rows = await db
          .select()
          .from(reportVersions)
          .where(
            or(
              ...chunk.map((k) =>
                and(eq(reportVersions.reportId, k.reportId), eq(reportVersions.version, k.version)),
              ),
            ),
          );
        out.push(...rows.map(toVersion));
      }
      return out;
    },

    listVersions: async (reportId): Promise<VersionMeta[]> =>
      db
        .select(versionMeta)
        .from(reportVersions)
        .where(eq(reportVersions.reportId, reportId))
        .orderBy(desc(reportVersions.version)),

    setStatus: (change, by) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .update(reports)
          .set({ status: change.to, updatedAt: new Date() })
          .where(
            and(
              eq(reports.id, change.reportId),
              eq(reports.status, change.from),
              change.version !== undefined ? eq(reports.currentVersion, change.version) : undefined,
            ),
          )
          .returning();
        if (!row) {
          const cur = await getReport(tx, change.reportId);
          return cur ? statusConflict(cur) : notFound('报告 (report)');
        }
        await record(
          tx,
          by,
          'report.set-status',
          { type: 'report', id: row.id },
          {
            from: change.from,
            to: change.to,
            version: row.currentVersion,
          },
        );
        return ok(toReport(row));
      }),

    publish: (input, by) =>
      db.transaction(async (tx) => {
        const v = await getVersion(tx, input.reportId, input.version);
        if (!v) return notFound('报告版本 (report version)');
        const [already] = await tx
          .select()
          .from(publications)
          .where(and(eq(publications.reportId, input.reportId), eq(publications.version, input.version)));
        if (already) return duplicate('publication', '该版本的公开记录');
        const [row] = await tx
          .update(reports)
          .set({ status: 'published', updatedAt: new Date() })
          .where(
            and(
              eq(reports.id, input.reportId),
              eq(reports.status, input.from),
              eq(reports.currentVersion, input.version),
            ),
          )
          .returning();
        if (!row) return statusConflict((await getReport(tx, input.reportId))!);
        const [p] = await tx
          .insert(publications)
          .values({ reportId: input.reportId, version: input.version, publishedBy: by })
          .returning();
        if (input.figures)
          await tx
            .insert(publicationScores)
            .values({ reportId: input.reportId, version: input.version, ...figureColumns(input.figures) });
        const attachments = await publishChosenAttachments(tx, input.reportId, input.version);
        await record(
          tx,
          by,
          'report.publish',
          { type: 'report', id: input.reportId },
          {
            version: input.version,
            from: input.from,
            attachments,
          },
        );
        return ok(p!);
      }),

    listPublished: async (query): Promise<PublishedReport[]> => {
      const conds = [
        query.year !== undefined ? eq(reports.year, query.year) : undefined,
        query.kind ? eq(reports.kind, query.kind) : undefined,
      ];
      if (query.jurisdictionId) conds.push(inSubtree(query.jurisdictionId));
      const rows = await db
        .select({
          reportId: publications.reportId,
          version: publications.version,
          publishedBy: publications.publishedBy,
          publishedAt: publications.publishedAt,
          departmentId: reports.departmentId,
          year: reports.year,
          kind: reports.kind,
          projectName: reports.projectName,
          s: publicationScores,
        })
        .from(publications)
        .innerJoin(reports, eq(reports.id, publications.reportId))
        .leftJoin(
          publicationScores,
          and(
            eq(publicationScores.reportId, publications.reportId),
            eq(publicationScores.version, publications.version),
          ),
        )
        .innerJoin(departments, eq(departments.id, reports.departmentId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, departments.jurisdictionId))
        .where(and(...conds))
        .orderBy(desc(publications.publishedAt), desc(publications.version));
      return rows.map(({ s, ...p }) => ({ ...p, figures: s ? scoreFigures(s) : null }));
    },

    keepPublishedFigures: (reportId, version, figures) =>
      db.transaction(async (tx) => {
        const [p] = await tx
          .select({ v: publications.version })
          .from(publications)
          .where(and(eq(publications.reportId, reportId), eq(publications.version, version)));
        if (!p) return null;
        await tx
          .insert(publicationScores)
          .values({ reportId, version, ...figureColumns(figures) })
          .onConflictDoNothing();
        const [s] = await tx
          .select()
          .from(publicationScores)
          .where(and(eq(publicationScores.reportId, reportId), eq(publicationScores.version, version)));
        return s ? scoreFigures(s) : null;
      }),

    getPublishedVersion: async (reportId, version) => {
      const [r] = await db
        .select({ v: reportVersions })
        .from(reportVersions)
        .innerJoin(
          publications,
          and(
            eq(publications.reportId, reportVersions.reportId),
            eq(publications.version, reportVersions.version),
          ),
        )
        .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)));
      return r ? toVersion(r.v) : null;
    },
  };
};
