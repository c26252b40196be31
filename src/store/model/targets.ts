/** The stored shapes of the target cycle: tables and versions, reviews, monitoring rounds, entries, decisions. */
import { z } from 'zod';
import { Grade } from '../../core/model/index.ts';
import { MonitoringEntry } from '../../core/targets/monitoring.ts';
import { TargetTable as TargetDocument } from '../../core/targets/table.ts';
import { DECISIONS, TARGET_KINDS, TARGET_STATUSES } from '../../core/targets/vocab.ts';
import { Id } from './common.ts';

export const TargetKind = z.enum(TARGET_KINDS);
export const TargetStatus = z.enum(TARGET_STATUSES);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const NewTargetTable = z.object({
  departmentId: Id,
  year: z.number().int(),
  kind: TargetKind,
  /** Required for 项目, absent for 部门整体. */
  projectName: z.string().min(1).nullish(),
  document: TargetDocument,
  summary: z.string().optional(),
});
export type NewTargetTable = z.infer<typeof NewTargetTable>;

export const SaveTargetVersion = z.object({
  tableId: Id,
  expectedVersion: z.number().int().positive(),
  document: TargetDocument,
  summary: z.string().optional(),
});
export type SaveTargetVersion = z.infer<typeof SaveTargetVersion>;

export const TargetTableRow = z.object({
  id: Id,
  departmentId: Id,
  year: z.number().int(),
  kind: TargetKind,
  projectName: z.string().nullable(),
  status: TargetStatus,
  currentVersion: z.number().int().positive(),
  approvedVersion: z.number().int().positive().nullable(),
  createdBy: Id.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TargetTableRow = z.infer<typeof TargetTableRow>;

export const TargetVersionMeta = z.object({
  tableId: Id,
  version: z.number().int().positive(),
  summary: z.string(),
  createdBy: Id.nullable(),
  createdAt: z.date(),
});
export type TargetVersionMeta = z.infer<typeof TargetVersionMeta>;

export const TargetVersion = TargetVersionMeta.extend({ document: TargetDocument });
export type TargetVersion = z.infer<typeof TargetVersion>;

export const TargetQuery = z.object({
  departmentId: Id.optional(),
  jurisdictionId: Id.optional(),
  year: z.number().int().optional(),
  kind: TargetKind.optional(),
  statuses: z.array(TargetStatus).optional(),
});
export type TargetQuery = z.infer<typeof TargetQuery>;

export const TargetStatusChange = z.object({ tableId: Id, from: TargetStatus, to: TargetStatus });
export type TargetStatusChange = z.infer<typeof TargetStatusChange>;

export const NewTargetReview = z.object({
  tableId: Id,
  version: z.number().int().positive(),
  grade: Grade,
  reasons: z.string(),
  /** The status the reviewer saw (已报送) and the one the grade leads to. */
  from: TargetStatus,
  to: TargetStatus,
});
export type NewTargetReview = z.infer<typeof NewTargetReview>;

export const TargetReview = z.object({
  id: Id,
  tableId: Id,
  version: z.number().int(),
  grade: Grade,
  reasons: z.string(),
  reviewerId: Id.nullable(),
  createdAt: z.date(),
});
export type TargetReview = z.infer<typeof TargetReview>;

export const NewMonitoringRound = z.object({
  jurisdictionId: Id,
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  title: z.string().trim().min(1),
  deadline: z.iso.date(),
  preset: z.string().min(1).default('default'),
});
export type NewMonitoringRound = z.input<typeof NewMonitoringRound>;

export const MonitoringRound = z.object({
  id: Id,
  jurisdictionId: Id,
  year: z.number().int(),
  month: z.number().int(),
  title: z.string(),
  deadline: z.string(),
  preset: z.string(),
  createdBy: Id.nullable(),
  createdAt: z.date(),
});
export type MonitoringRound = z.infer<typeof MonitoringRound>;

export const PutMonitoringEntry = z.object({
  roundId: Id,
  tableId: Id,
  tableVersion: z.number().int().positive(),
  document: MonitoringEntry,
  submit: z.boolean(),
});
export type PutMonitoringEntry = z.infer<typeof PutMonitoringEntry>;

export const StoredMonitoringEntry = z.object({
  roundId: Id,
  tableId: Id,
  tableVersion: z.number().int(),
  document: MonitoringEntry,
  submittedAt: z.date().nullable(),
  updatedBy: Id.nullable(),
  updatedAt: z.date(),
});
export type StoredMonitoringEntry = z.infer<typeof StoredMonitoringEntry>;

export const NewBureauDecision = z.object({
  roundId: Id,
  tableId: Id,
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(1, '处理决定须写明理由 (a decision needs a reason)'),
});
export type NewBureauDecision = z.infer<typeof NewBureauDecision>;

export const BureauDecision = NewBureauDecision.extend({
  id: Id,
  decidedBy: Id.nullable(),
  createdAt: z.date(),
});
export type BureauDecision = z.infer<typeof BureauDecision>;
