/** Request shapes of the target-cycle routes (绩效目标申报, 目标审核, 运行监控), defined once. */
import { z } from 'zod';
import { GRADES } from '../core/model/index.ts';
import { MonitoringEntry, TargetTable } from '../core/targets/index.ts';
import { DECISIONS, TARGET_STATUSES } from '../core/targets/vocab.ts';
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
