import { z } from 'zod';
import { DecimalString } from '../../core/decimal.ts';
import { COMMENT_KINDS } from '../vocab.ts';
import { Id } from './common.ts';

export const CommentKind = z.enum(COMMENT_KINDS);
export type CommentKind = z.infer<typeof CommentKind>;

export const NewComment = z.object({
  reportId: Id,
  version: z.number().int().positive(),
  kind: CommentKind,
  body: z.string().min(1),
  indicatorPath: z.string().min(1).nullish(),
  findingRule: z.string().min(1).nullish(),
});
export type NewComment = z.infer<typeof NewComment>;

export const Comment = z.object({
  id: Id,
  reportId: Id,
  version: z.number().int(),
  kind: CommentKind,
  body: z.string(),
  indicatorPath: z.string().nullable(),
  findingRule: z.string().nullable(),
  authorId: Id.nullable(),
  createdAt: z.date(),
});
export type Comment = z.infer<typeof Comment>;

export const NewRescore = z.object({
  reportId: Id,
  version: z.number().int().positive(),
  indicatorPath: z.string().min(1),
  score: DecimalString,
  reason: z.string().trim().min(1, '审核得分必须写明理由 (a re-score needs a reason)'),
});
export type NewRescore = z.infer<typeof NewRescore>;

export const Rescore = z.object({
  id: Id,
  reportId: Id,
  version: z.number().int(),
  indicatorPath: z.string(),
  score: DecimalString,
  reason: z.string(),
  reviewerId: Id.nullable(),
  createdAt: z.date(),
});
export type Rescore = z.infer<typeof Rescore>;
