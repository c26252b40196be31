import { z } from 'zod';
import { ATTACHMENT_CATEGORIES } from '../vocab.ts';
import { Id } from './common.ts';
import { ReportStatus } from './reports.ts';

export const AttachmentCategory = z.enum(ATTACHMENT_CATEGORIES);
export type AttachmentCategory = z.infer<typeof AttachmentCategory>;

export const NewAttachment = z.object({
  reportId: Id,
  version: z.number().int().positive(),
  category: AttachmentCategory,
  fileName: z.string().min(1).max(255),
  /** What the app recognised the bytes as (pdf, docx, …). */
  fileType: z.string().min(1),
  content: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
  sha256: z.string().length(64),
  /** Refused as not-editable unless the report is in one of these statuses (checked under a row lock). */
  whileStatus: z.array(ReportStatus).min(1),
  /** Refused as attachments-full when the report's attachments would pass this many bytes together. */
  maxTotalBytes: z.number().int().positive(),
});
export type NewAttachment = z.infer<typeof NewAttachment>;

/** An attachment without its bytes: what lists show. */
export const AttachmentMeta = z.object({
  id: Id,
  reportId: Id,
  version: z.number().int(),
  category: AttachmentCategory,
  fileName: z.string(),
  fileType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  public: z.boolean(),
  createdBy: Id.nullable(),
  createdAt: z.date(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export type Attachment = AttachmentMeta & { content: Uint8Array };
