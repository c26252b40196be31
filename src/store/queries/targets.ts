/** Target tables and their immutable versions, reviews, monitoring rounds, entries and decisions. */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { TARGET_KIND_LABELS, TARGET_STATUS_LABELS, type TargetKind } from '../../core/targets/vocab.ts';
import type { Db } from '../db.ts';
import { record } from '../db.ts';
import { duplicate, notFound, ok } from '../model/common.ts';
import { NewTargetReview, type TargetTableRow, type TargetVersion } from '../model/targets.ts';
import type { KindMismatch, TargetStore } from '../port.ts';
import {
  bureauDecisions,
  departments,
  jurisdictions,
  monitoringEntries,
  monitoringRounds,
  targetPublications,
  targetReviewSettings,
  targetReviews,
  targetTables,
  targetVersions,
} from '../schema/index.ts';
import { inSubtree, scopeConditions } from './org.ts';

const kindMismatch = (want: TargetKind, got: TargetKind): KindMismatch => ({
  ok: false,
  code: 'kind-mismatch',
  message: `目标表类型为“${TARGET_KIND_LABELS[want]}”，文档却是“${TARGET_KIND_LABELS[got]}” (the table is ${want}, the document ${got})`,
});

const statusConflict = (current: TargetTableRow) => ({
  ok: false as const,
  code: 'status-conflict' as const,
  current,
  message: `目标表状态已变为“${TARGET_STATUS_LABELS[current.status]}”，请刷新后重试 (the table's status has changed to ${current.status})`,
});

const getTable = async (db: Db, id: string): Promise<TargetTableRow | null> => {
  const [r] = await db.select().from(targetTables).where(eq(targetTables.id, id));
  return r ?? null;
};

const getVersion = async (db: Db, tableId: string, version: number): Promise<TargetVersion | null> => {
  const [r] = await db
    .select()
    .from(targetVersions)
    .where(and(eq(targetVersions.tableId, tableId), eq(targetVersions.version, version)));
  return r ?? null;
};

export const targetQueries = (db: Db): TargetStore => ({
  create: (input, by) =>
    db.transaction(async (tx) => {
      const [d] = await tx.select().from(departments).where(eq(departments.id, input.departmentId));
      if (!d) return notFound('预算单位 (department)');
      if (input.document.kind !== input.kind) return kindMismatch(input.kind, input.document.kind);
      const projectName = input.kind === 'project' ? (input.projectName?.trim() ?? '') : null;
      if (projectName === '')
        return {
          ok: false as const,
          code: 'project-name-required' as const,
          message: '项目支出绩效目标申报表须写明项目名称 (a project target table needs the project name)',
        };
      const [row] = await tx
        .insert(targetTables)
        .values({
          departmentId: input.departmentId,
          year: input.year,
          kind: input.kind,
          projectName,
          currentVersion: 1,
          createdBy: by,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) {
        const [existing] = await tx
          .select({ id: targetTables.id })
          .from(targetTables)
          .where(
            and(
              eq(targetTables.departmentId, input.departmentId),
              eq(targetTables.year, input.year),
              eq(targetTables.kind, input.kind),
              projectName === null
                ? isNull(targetTables.projectName)
                : eq(targetTables.projectName, projectName),
            ),
          );
        return {
          ok: false as const,
          code: 'target-exists' as const,
          existingId: existing?.id ?? '',
          message: `该单位${input.year}年度的此目标表已存在 (this department already has this target table for ${input.year})`,
        };
      }
      const [v] = await tx
        .insert(targetVersions)
        .values({
          tableId: row.id,
          version: 1,
          document: input.document,
          summary: input.summary ?? '',
          createdBy: by,
        })
        .returning();
      await record(tx, by, 'target.create', { type: 'target-table', id: row.id }, { version: 1 });
      return ok({ table: row, version: v as TargetVersion });
    }),

  saveVersion: (input, by) =>
    db.transaction(async (tx) => {
      const current = await getTable(tx, input.tableId);
      if (!current) return notFound('目标表 (target table)');
      if (input.document.kind !== current.kind) return kindMismatch(current.kind, input.document.kind);
      // Compare-and-set on current_version: of two saves from the same version exactly one wins.
      const [row] = await tx
        .update(targetTables)
        .set({ currentVersion: input.expectedVersion + 1, status: 'draft', updatedAt: new Date() })
        .where(
          and(eq(targetTables.id, input.tableId), eq(targetTables.currentVersion, input.expectedVersion)),
        )
        .returning();
      if (!row) {
        const latest = await getVersion(tx, input.tableId, current.currentVersion);
        return {
          ok: false as const,
          code: 'version-conflict' as const,
          current: latest as TargetVersion,
          message: `目标表已被保存为第${current.currentVersion}版，请合并后再保存 (the table was saved as version ${current.currentVersion} meanwhile)`,
        };
      }
      const [v] = await tx
        .insert(targetVersions)
        .values({
          tableId: row.id,
          version: row.currentVersion,
          document: input.document,
          summary: input.summary ?? '',
          createdBy: by,
        })
        .returning();
      await record(
        tx,
        by,
        'target.save',
        { type: 'target-table', id: row.id },
        { version: row.currentVersion },
      );
      return ok({ table: row, version: v as TargetVersion });
    }),

  get: (id) => getTable(db, id),

  list: async (query) => {
    const conds = scopeConditions(targetTables, query);
    if (query.supervisorId) conds.push(eq(departments.supervisorId, query.supervisorId));
    const rows = await db
      .select({ t: targetTables })
      .from(targetTables)
      .innerJoin(departments, eq(departments.id, targetTables.departmentId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, departments.jurisdictionId))
      .where(and(...conds))
      .orderBy(
        desc(targetTables.year),
        asc(departments.name),
        asc(targetTables.kind),
        asc(targetTables.projectName),
      );
    return rows.map((r) => r.t);
  },

  getVersion: (tableId, version) => getVersion(db, tableId, version),

  listVersions: (tableId) =>
    db
      .select({
        tableId: targetVersions.tableId,
        version: targetVersions.version,
        summary: targetVersions.summary,
        createdBy: targetVersions.createdBy,
        createdAt: targetVersions.createdAt,
      })
      .from(targetVersions)
      .where(eq(targetVersions.tableId, tableId))
      .orderBy(desc(targetVersions.version)),

  setStatus: (change, by) =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(targetTables)
        .set({
          status: change.to,
          reviewStep: change.to === 'submitted' ? (change.step ?? 'finance') : null,
          updatedAt: new Date(),
        })
        .where(and(eq(targetTables.id, change.tableId), eq(targetTables.status, change.from)))
        .returning();
      if (!row) {
        const current = await getTable(tx, change.tableId);
        return current ? statusConflict(current) : notFound('目标表 (target table)');
      }
      await record(
        tx,
        by,
        'target.status',
        { type: 'target-table', id: row.id },
        { from: change.from, to: change.to, ...(change.step ? { step: change.step } : {}) },
      );
      return ok(row);
    }),

  review: (raw, by) =>
    db.transaction(async (tx) => {
      const input = NewTargetReview.parse(raw);
      const current = await getTable(tx, input.tableId);
      if (!current) return notFound('目标表 (target table)');
      // A table submitted before review steps existed waits at 财政.
      const waitsAt = current.reviewStep ?? 'finance';
      if (current.currentVersion !== input.version || current.status !== input.from || waitsAt !== input.step)
        return statusConflict(current);
      const approve = input.to === 'approved';
      const [row] = await tx
        .update(targetTables)
        .set({
          status: input.to,
          reviewStep: input.to === 'submitted' ? input.nextStep : null,
          updatedAt: new Date(),
          ...(approve ? { approvedVersion: input.version } : {}),
        })
        .where(
          and(
            eq(targetTables.id, input.tableId),
            eq(targetTables.status, input.from),
            eq(targetTables.currentVersion, input.version),
            current.reviewStep === null
              ? isNull(targetTables.reviewStep)
              : eq(targetTables.reviewStep, current.reviewStep),
          ),
        )
        .returning();
      if (!row) return statusConflict((await getTable(tx, input.tableId)) ?? current);
      const [review] = await tx
        .insert(targetReviews)
        .values({
          tableId: input.tableId,
          version: input.version,
          step: input.step,
          grade: input.grade,
          outcome: input.outcome,
          reasons: input.reasons,
          reviewerId: by,
        })
        .returning();
      await record(
        tx,
        by,
        'target.review',
        { type: 'target-table', id: row.id },
        {
          version: input.version,
          step: input.step,
          ...(input.grade ? { grade: input.grade } : {}),
          ...(input.outcome ? { outcome: input.outcome } : {}),
          to: input.to,
        },
      );
      return ok({ table: row, review: review! });
    }),

  listReviews: (tableId) =>
    db
      .select()
      .from(targetReviews)
      .where(eq(targetReviews.tableId, tableId))
      .orderBy(asc(targetReviews.createdAt)),

  publish: (input, by) =>
    db.transaction(async (tx) => {
      if (!(await getVersion(tx, input.tableId, input.version)))
        return notFound('目标表版本 (target version)');
      const [row] = await tx
        .insert(targetPublications)
        .values({ tableId: input.tableId, version: input.version, publishedBy: by })
        .onConflictDoNothing()
        .returning();
      if (!row) return duplicate('target publication', '该版本的公开记录');
      await record(
        tx,
        by,
        'target.publish',
        { type: 'target-table', id: input.tableId },
        {
          version: input.version,
        },
      );
      return ok(row);
    }),

  listPublished: async (query) => {
    const conds = [
      query.year !== undefined ? eq(targetTables.year, query.year) : undefined,
      query.kind ? eq(targetTables.kind, query.kind) : undefined,
      query.departmentId ? eq(targetTables.departmentId, query.departmentId) : undefined,
    ];
    if (query.jurisdictionId) conds.push(inSubtree(query.jurisdictionId));
    return db
      .select({
        tableId: targetPublications.tableId,
        version: targetPublications.version,
        publishedBy: targetPublications.publishedBy,
        publishedAt: targetPublications.publishedAt,
        departmentId: targetTables.departmentId,
        year: targetTables.year,
        kind: targetTables.kind,
        projectName: targetTables.projectName,
      })
      .from(targetPublications)
      .innerJoin(targetTables, eq(targetTables.id, targetPublications.tableId))
      .innerJoin(departments, eq(departments.id, targetTables.departmentId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, departments.jurisdictionId))
      .where(and(...conds))
      .orderBy(desc(targetPublications.publishedAt), desc(targetPublications.version));
  },

  getPublishedVersion: async (tableId, version) => {
    const [r] = await db
      .select({ v: targetVersions })
      .from(targetVersions)
      .innerJoin(
        targetPublications,
        and(
          eq(targetPublications.tableId, targetVersions.tableId),
          eq(targetPublications.version, targetVersions.version),
        ),
      )
      .where(and(eq(targetVersions.tableId, tableId), eq(targetVersions.version, version)));
    return (r?.v as TargetVersion | undefined) ?? null;
  },

  listPublications: (tableId) =>
    db
      .select()
      .from(targetPublications)
      .where(eq(targetPublications.tableId, tableId))
      .orderBy(desc(targetPublications.version)),

  reviewChains: async (ids) =>
    ids.length === 0
      ? []
      : db
          .select()
          .from(targetReviewSettings)
          .where(inArray(targetReviewSettings.jurisdictionId, [...ids])),

  setReviewChain: (input, by) =>
    db.transaction(async (tx) => {
      const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, input.jurisdictionId));
      if (!j) return notFound('行政区划 (jurisdiction)');
      const values = { chain: input.chain, updatedBy: by, updatedAt: new Date() };
      const [row] = await tx
        .insert(targetReviewSettings)
        .values({ jurisdictionId: input.jurisdictionId, ...values })
        .onConflictDoUpdate({ target: targetReviewSettings.jurisdictionId, set: values })
        .returning();
      await record(
        tx,
        by,
        'target.review-chain',
        { type: 'jurisdiction', id: input.jurisdictionId },
        {
          chain: input.chain,
        },
      );
      return ok(row!);
    }),

  createRound: (input, by) =>
    db.transaction(async (tx) => {
      const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, input.jurisdictionId));
      if (!j) return notFound('行政区划 (jurisdiction)');
      const [row] = await tx
        .insert(monitoringRounds)
        .values({ ...input, preset: input.preset ?? 'default', createdBy: by })
        .onConflictDoNothing()
        .returning();
      if (!row) return duplicate('monitoring round', '同一年度同一月份的监控轮次');
      await record(tx, by, 'monitoring.open', { type: 'monitoring-round', id: row.id }, { month: row.month });
      return ok(row);
    }),

  getRound: async (id) => {
    const [r] = await db.select().from(monitoringRounds).where(eq(monitoringRounds.id, id));
    return r ?? null;
  },

  listRounds: async (query) => {
    const conds = [query.year !== undefined ? eq(monitoringRounds.year, query.year) : undefined];
    if (query.jurisdictionIds) conds.push(inArray(monitoringRounds.jurisdictionId, query.jurisdictionIds));
    return db
      .select()
      .from(monitoringRounds)
      .where(and(...conds))
      .orderBy(desc(monitoringRounds.year), desc(monitoringRounds.month));
  },

  putEntry: (input, by) =>
    db.transaction(async (tx) => {
      const [round] = await tx.select().from(monitoringRounds).where(eq(monitoringRounds.id, input.roundId));
      if (!round) return notFound('监控轮次 (monitoring round)');
      const table = await getTable(tx, input.tableId);
      if (!table) return notFound('目标表 (target table)');
      const [existing] = await tx
        .select()
        .from(monitoringEntries)
        .where(
          and(eq(monitoringEntries.roundId, input.roundId), eq(monitoringEntries.tableId, input.tableId)),
        );
      if (existing?.submittedAt)
        return {
          ok: false as const,
          code: 'entry-submitted' as const,
          message: '该监控表已报送，不能再修改 (the entry was submitted already)',
        };
      const values = {
        tableVersion: input.tableVersion,
        document: input.document,
        submittedAt: input.submit ? new Date() : null,
        updatedBy: by,
        updatedAt: new Date(),
      };
      const [row] = existing
        ? await tx
            .update(monitoringEntries)
            .set(values)
            .where(
              and(eq(monitoringEntries.roundId, input.roundId), eq(monitoringEntries.tableId, input.tableId)),
            )
            .returning()
        : await tx
            .insert(monitoringEntries)
            .values({ roundId: input.roundId, tableId: input.tableId, ...values })
            .returning();
      await record(
        tx,
        by,
        input.submit ? 'monitoring.submit' : 'monitoring.save',
        { type: 'target-table', id: input.tableId },
        { roundId: input.roundId },
      );
      return ok(row!);
    }),

  getEntry: async (roundId, tableId) => {
    const [r] = await db
      .select()
      .from(monitoringEntries)
      .where(and(eq(monitoringEntries.roundId, roundId), eq(monitoringEntries.tableId, tableId)));
    return r ?? null;
  },

  listEntries: (roundId) => db.select().from(monitoringEntries).where(eq(monitoringEntries.roundId, roundId)),

  addDecision: (input, by) =>
    db.transaction(async (tx) => {
      const [round] = await tx.select().from(monitoringRounds).where(eq(monitoringRounds.id, input.roundId));
      if (!round) return notFound('监控轮次 (monitoring round)');
      if (!(await getTable(tx, input.tableId))) return notFound('目标表 (target table)');
      const [row] = await tx
        .insert(bureauDecisions)
        .values({ ...input, decidedBy: by })
        .returning();
      await record(
        tx,
        by,
        'monitoring.decide',
        { type: 'target-table', id: input.tableId },
        { roundId: input.roundId, decision: input.decision },
      );
      return ok(row!);
    }),

  listDecisions: (roundId) =>
    db
      .select()
      .from(bureauDecisions)
      .where(eq(bureauDecisions.roundId, roundId))
      .orderBy(asc(bureauDecisions.createdAt)),
});
