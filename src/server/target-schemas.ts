/** Request shapes of the target-cycle routes (绩效目标申报, 目标审核, 运行监控), defined once. */
import { z } from 'zod';
import { GRADES } from '../core/model/index.ts';
import { MonitoringEntry, TargetTable } from '../core/targets/index.ts';
import { SUPERVISOR_OUTCOMES } from '../core/targets/review-chain.ts';
import { DECISIONS, TARGET_KINDS, TARGET_STATUSES } from '../core/targets/vocab.ts';
import { Uuid } from './schemas.ts';

const Year = z.coerce.number().int().min(2000).max(2100);

export const TargetListQuery = z.object({
  year: Year.optional(),
  status: z.enum(TARGET_STATUSES).optional(),
});
export const CreateTargetBody = z.object({ document: TargetTable, summary: z.string().max(200).optional() });
export const SaveTargetBody = CreateTargetBody.extend({ expectedVersion: z.number().int().positive() });
export const SubmitTargetBody = z.object({ from: z.enum(TARGET_STATUSES).default('draft') });
export const ReviewTargetBody = z.object({
  version: z.number().int().positive(),
  grade: z.enum(GRADES),
  reasons: z.string().max(4000).default(''),
});
export const RoundListQuery = z.object({ year: Year.optional() });
export const OpenRoundBody = z.object({
  year: Year,
  month: z.number().int().min(1).max(12),
  title: z.string().trim().min(1, '请填写轮次名称').max(100),
  deadline: z.iso.date({ error: '截止日期应为 YYYY-MM-DD' }),
  preset: z.string().max(50).optional(),
});
export const EntryParam = z.object({ id: Uuid, tableId: Uuid });
export const PutEntryBody = z.object({ document: MonitoringEntry, submit: z.boolean().default(false) });
export const DecisionBody = z.object({
  tableId: Uuid,
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(1, '处理决定须写明理由').max(2000),
});

/** 公开 of the approved version; 主管部门审核; the review chain of a jurisdiction; the public lists. */
export const PublishTargetBody = z.object({ version: z.number().int().positive() });
export const SupervisorReviewBody = z.object({
  version: z.number().int().positive(),
  outcome: z.enum(SUPERVISOR_OUTCOMES),
  reasons: z.string().max(4000).default(''),
});
export const ReviewChainQuery = z.object({ jurisdictionId: Uuid.optional() });
export const ReviewChainBody = z.object({
  jurisdictionId: Uuid.optional(),
  chain: z.string().min(1).max(50),
});
export const PublicTargetListQuery = z.object({
  jurisdictionId: Uuid.optional(),
  departmentId: Uuid.optional(),
  year: Year.optional(),
  kind: z.enum(TARGET_KINDS).optional(),
});
