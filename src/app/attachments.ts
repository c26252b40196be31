/**
 * Use cases of 附件: the preparer attaches evidence files to the current version and deletes them while
 * the report is editable; whoever may read the report lists and downloads them; the bureau chooses which
 * go public with the report (taken at publication); the public sees and downloads those of a publication.
 */

import { createHash } from 'node:crypto';
import { failure, type Result } from '../core/result.ts';
import { EDITABLE_STATUSES } from '../core/workflow.ts';
import { needRole, notFound, seeReport } from './access.ts';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_TYPES,
  type AttachmentType,
  checkAttachment,
  cleanFileName,
} from './attachment-files.ts';
import {
  ATTACHMENT_CATEGORIES,
  type Attachment,
  type AttachmentCategory,
  type AttachmentMeta,
  type Report,
  type Store,
  type User,
} from './store.ts';

/** While the bureau reviews (before and after its approval) it may choose what goes public. */
export const CHOOSE_PUBLIC_STATUSES = [
  'dept-approved',
  'bureau-approved',
] as const satisfies readonly Report['status'][];

export type AttachmentList = {
  items: AttachmentMeta[];
  maxFileBytes: number;
  maxTotalBytes: number;
};

export type AttachmentFile = { bytes: Uint8Array; contentType: string; fileName: string };

const fileOf = (a: Attachment): AttachmentFile => ({
  bytes: a.content,
  contentType: ATTACHMENT_TYPES[a.fileType as AttachmentType]?.contentType ?? 'application/octet-stream',
  fileName: a.fileName,
});

const notEditable = (status: Report['status']) =>
  failure('not-editable', '报告已提交，附件不能再增删；如需修改请先退回', 'the report is not a draft', {
    status,
  });

export const listAttachments = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<Result<AttachmentList>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  return { ok: true, value: { items: await store.attachments.list(reportId), ...ATTACHMENT_LIMITS } };
};

export const addAttachment = async (
  store: Store,
  actor: User,
  input: { reportId: string; category: AttachmentCategory; fileName: string; bytes: Uint8Array },
): Promise<Result<AttachmentMeta>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  if (!(ATTACHMENT_CATEGORIES as readonly string[]).includes(input.category))
    return failure('invalid', '请选择附件类别', 'choose a category');
  const fileName = cleanFileName(input.fileName);
  const checked = checkAttachment(fileName, input.bytes);
  if (!checked.ok) return checked;
  const { report } = seen.value;
  const added = await store.attachments.add(
    {
      reportId: report.id,
      version: report.currentVersion,
      category: input.category,
      fileName,
      fileType: checked.value,
      content: input.bytes,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      whileStatus: [...EDITABLE_STATUSES],
      maxTotalBytes: ATTACHMENT_LIMITS.maxTotalBytes,
    },
    actor.id,
  );
  if (!added.ok && added.code === 'not-editable') return notEditable(added.current.status);
  return added;
};

export const downloadAttachment = async (
  store: Store,
  actor: User,
  reportId: string,
  attachmentId: string,
): Promise<Result<AttachmentFile>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const a = await store.attachments.get(reportId, attachmentId);
  if (!a) return notFound('附件', 'attachment');
  return { ok: true, value: fileOf(a) };
};

export const removeAttachment = async (
  store: Store,
  actor: User,
  input: { reportId: string; attachmentId: string },
): Promise<Result<AttachmentMeta>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  const removed = await store.attachments.remove({ ...input, whileStatus: [...EDITABLE_STATUSES] }, actor.id);
  if (!removed.ok && removed.code === 'not-editable') return notEditable(removed.current.status);
  return removed;
};

export const chooseAttachmentPublic = async (
  store: Store,
  actor: User,
  input: { reportId: string; attachmentId: string; public: boolean },
): Promise<Result<AttachmentMeta>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  const r = await store.attachments.setPublic(
    { ...input, whileStatus: [...CHOOSE_PUBLIC_STATUSES] },
    actor.id,
  );
  if (!r.ok && r.code === 'not-editable')
    return failure(
      'not-editable',
      '只有在财政审核阶段（单位已审核、财政已审核）才能选择公开哪些附件；已公开的附件随公开版本固定',
      'the 公开 choice is made while the bureau reviews',
      { status: r.current.status },
    );
  return r;
};

/** What went public with a publication (nothing for a version never published). */
export const listPublishedAttachments = async (
  store: Store,
  reportId: string,
  version: number,
): Promise<Result<AttachmentMeta[]>> => {
  if (!(await store.reports.getPublishedVersion(reportId, version)))
    return notFound('已公开的报告版本', 'published report version');
  return { ok: true, value: await store.attachments.listPublished(reportId, version) };
};

export const downloadPublishedAttachment = async (
  store: Store,
  reportId: string,
  version: number,
  attachmentId: string,
): Promise<Result<AttachmentFile>> => {
  const a = await store.attachments.getPublished(reportId, version, attachmentId);
  if (!a) return notFound('已公开的附件', 'published attachment');
  return { ok: true, value: fileOf(a) };
};
