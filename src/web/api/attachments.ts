/** Calls of the 附件 panels. */
import type { AttachmentCategory } from '../../core/attachments.ts';
import { api, ok } from './client.ts';

export const loadAttachments = (id: string) => ok(api.reports[':id'].attachments.$get({ param: { id } }));

export const uploadAttachment = (id: string, file: File, category: AttachmentCategory) =>
  ok(api.reports[':id'].attachments.$post({ param: { id }, form: { file, category } }));

export const deleteAttachment = (id: string, aid: string) =>
  ok(api.reports[':id'].attachments[':aid'].$delete({ param: { id, aid } }));

export const choosePublic = (id: string, aid: string, value: boolean) =>
  ok(api.reports[':id'].attachments[':aid'].public.$put({ param: { id, aid }, json: { public: value } }));

export const attachmentUrl = (id: string, aid: string): string =>
  api.reports[':id'].attachments[':aid'].$url({ param: { id, aid } }).pathname;

export const loadPublicAttachments = (id: string, version: number) =>
  ok(
    api.public.reports[':id'].versions[':version'].attachments.$get({
      param: { id, version: String(version) },
    }),
  );

export const publicAttachmentUrl = (id: string, version: number, aid: string): string =>
  api.public.reports[':id'].versions[':version'].attachments[':aid'].$url({
    param: { id, version: String(version), aid },
  }).pathname;

/** 1.2 MB, 350 KB: sizes as users read them. */
export const fmtSize = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
