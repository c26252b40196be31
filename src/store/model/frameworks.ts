import { z } from 'zod';
import { REPORT_KINDS } from '../vocab.ts';
import { Id } from './common.ts';

export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const NewFramework = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '框架标识只能含小写字母、数字和连字符 (key: a-z, 0-9, -)'),
  name: z.string().min(1),
  year: z.number().int(),
  kind: ReportKind,
  jurisdictionId: Id.nullish(),
  /** The framework file's content; its schema belongs to core (frameworks are data). */
  document: z.unknown(),
});
export type NewFramework = z.infer<typeof NewFramework>;

export const Framework = z.object({
  id: Id,
  key: z.string(),
  version: z.number().int().positive(),
  name: z.string(),
  year: z.number().int(),
  kind: ReportKind,
  jurisdictionId: Id.nullable(),
  document: z.unknown(),
  createdBy: Id.nullable(),
  createdAt: z.date(),
});
export type Framework = z.infer<typeof Framework>;
