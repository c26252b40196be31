/** The stored shapes of the target cycle: tables and versions, reviews, monitoring rounds, entries, decisions. */
import { z } from 'zod';
import { Grade } from '../../core/model/index.ts';
import { MonitoringEntry } from '../../core/targets/monitoring.ts';
import { REVIEW_STEPS, SUPERVISOR_OUTCOMES } from '../../core/targets/review-chain.ts';
import { TargetTable as TargetDocument } from '../../core/targets/table.ts';
import { DECISIONS, TARGET_KINDS, TARGET_STATUSES } from '../../core/targets/vocab.ts';
import { Id } from './common.ts';

export const TargetKind = z.enum(TARGET_KINDS);
export const TargetStatus = z.enum(TARGET_STATUSES);
export type TargetStatus = z.infer<typeof TargetStatus>;
export const ReviewStep = z.enum(REVIEW_STEPS);
export type ReviewStep = z.infer<typeof ReviewStep>;

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
  /** While 已报送: the step of the review chain the table waits at; null otherwise. */
  reviewStep: ReviewStep.nullable(),
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
  /** Tables of the units whose 主管部门 this department is. */
  supervisorId: Id.optional(),
});
export type TargetQuery = z.infer<typeof TargetQuery>;

/** `step`: the review step a table moved to 已报送 waits at (财政 unless said). */
export const TargetStatusChange = z.object({
  tableId: Id,
  from: TargetStatus,
  to: TargetStatus,
  step: ReviewStep.optional(),
});
export type TargetStatusChange = z.infer<typeof TargetStatusChange>;

/**
 * A review at one step: 财政 grades (`grade`), a 主管部门 passes on or returns (`outcome`). `step` must be
 * the one the table waits at; `nextStep` is where a table that stays 已报送 goes.
 */
export const NewTargetReview = z.object({
  tableId: Id,
  version: z.number().int().positive(),
  step: ReviewStep.default('finance'),
  grade: Grade.nullable().default(null),
  outcome: z.enum(SUPERVISOR_OUTCOMES).nullable().default(null),
  reasons: z.string(),
  /** The status the reviewer saw (已报送) and the one the review leads to. */
  from: TargetStatus,
  to: TargetStatus,
  nextStep: ReviewStep.nullable().default(null),
});
export type NewTargetReview = z.input<typeof NewTargetReview>;

export const TargetReview = z.object({
  id: Id,
  tableId: Id,
  version: z.number().int(),
  step: ReviewStep,
  grade: Grade.nullable(),
  outcome: z.enum(SUPERVISOR_OUTCOMES).nullable(),
  reasons: z.string(),
  reviewerId: Id.nullable(),
  createdAt: z.date(),
});
export type TargetReview = z.infer<typeof TargetReview>;

/** An approved version made public; it never changes. */
export const TargetPublication = z.object({
  tableId: Id,
  version: z.number().int().positive(),
  publishedBy: Id.nullable(),
  publishedAt: z.date(),
});
export type TargetPublication = z.infer<typeof TargetPublication>;

export const PublishedTarget = TargetPublication.extend({
  departmentId: Id,
  year: z.number().int(),
  kind: TargetKind,
  projectName: z.string().nullable(),
});
export type PublishedTarget = z.infer<typeof PublishedTarget>;

export const PublishedTargetQuery = z.object({
  jurisdictionId: Id.optional(),
  departmentId: Id.optional(),
  year: z.number().int().optional(),
  kind: TargetKind.optional(),
});
export type PublishedTargetQuery = z.infer<typeof PublishedTargetQuery>;

/** The review chain a jurisdiction chose (a review-chains.json key). */
export const ReviewChainSetting = z.object({
  jurisdictionId: Id,
  chain: z.string().min(1),
  updatedBy: Id.nullable(),
  updatedAt: z.date(),
});
export type ReviewChainSetting = z.infer<typeof ReviewChainSetting>;

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
