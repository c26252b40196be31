/** 附件 of a report (signed in: same access as the report) and those published with a version (public). */
import { Hono } from 'hono';
import {
  type AttachmentFile,
  addAttachment,
  chooseAttachmentPublic,
  downloadAttachment,
  downloadPublishedAttachment,
  listAttachments,
  listPublishedAttachments,
  removeAttachment,
} from '../../app/attachments.ts';
import {
  AttachmentForm,
  AttachmentParam,
  AttachmentPublicBody,
  PublishedAttachmentParam,
} from '../attachment-schemas.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { IdParam, VersionParam } from '../schemas.ts';
import { zv } from '../validate.ts';

/**
 * The file under its own name (RFC 6266: `filename*` in UTF-8 for 决算报表.pdf, an ASCII `filename` for
 * old clients), always as a download, so an uploaded image or PDF never runs in the app's origin.
 */
export const attachmentResponse = (f: AttachmentFile): Response => {
  const ext = f.fileName.includes('.') ? f.fileName.split('.').pop()! : 'bin';
  const ascii = f.fileName.replace(/[^\x20-\x7e]/g, '').replace(/[\\"]/g, '');
  const fallback = ascii.replace(/\.[^.]*$/, '').trim() ? ascii : `attachment.${ext}`;
  return new Response(Buffer.from(f.bytes), {
    headers: {
      'content-type': f.contentType,
      'content-length': String(f.bytes.byteLength),
      'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};

export const attachmentRoutes = new Hono<Env>()
  .get(
    '/:id/attachments',
    doc({ summary: '附件列表与大小上限 (attachments and the size limits)', access: ['signed-in'] }),
    zv('param', IdParam),
    async (c) => send(c, await listAttachments(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .post(
    '/:id/attachments',
    doc({
      summary: '上传附件：决算报表、佐证材料、调整文件 (pdf docx xlsx doc xls wps jpg png zip ofd; 20 MB)',
      access: ['preparer'],
      created: true,
    }),
    limit(LIMITS.upload),
    zv('param', IdParam),
    zv('form', AttachmentForm),
    async (c) => {
      const { file, category } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const input = { reportId: c.req.valid('param').id, category, fileName: file.name, bytes };
      return send(c, await addAttachment(c.get('store'), me(c), input), 201);
    },
  )
  .get(
    '/:id/attachments/:aid',
    doc({ summary: '下载附件 (download an attachment)', access: ['signed-in'], download: true }),
    zv('param', AttachmentParam),
    async (c) => {
      const { id, aid } = c.req.valid('param');
      const r = await downloadAttachment(c.get('store'), me(c), id, aid);
      return r.ok ? attachmentResponse(r.value) : fail(c, r);
    },
  )
  .delete(
    '/:id/attachments/:aid',
    doc({ summary: '删除附件（草稿或被退回时）(delete while editable)', access: ['preparer'] }),
    zv('param', AttachmentParam),
    async (c) => {
      const { id, aid } = c.req.valid('param');
      return send(c, await removeAttachment(c.get('store'), me(c), { reportId: id, attachmentId: aid }));
    },
  )
  .put(
    '/:id/attachments/:aid/public',
    doc({ summary: '选择随报告公开 (the bureau chooses what is published)', access: ['bureau-reviewer'] }),
    limit(LIMITS.json),
    zv('param', AttachmentParam),
    zv('json', AttachmentPublicBody),
    async (c) => {
      const { id, aid } = c.req.valid('param');
      const input = { reportId: id, attachmentId: aid, public: c.req.valid('json').public };
      return send(c, await chooseAttachmentPublic(c.get('store'), me(c), input));
    },
  );

export const publicAttachmentRoutes = new Hono<Env>()
  .get(
    '/reports/:id/versions/:version/attachments',
    doc({ summary: '随该版本公开的附件 (attachments published with the version)', access: ['public'] }),
    zv('param', VersionParam),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return send(c, await listPublishedAttachments(c.get('store'), id, version));
    },
  )
  .get(
    '/reports/:id/versions/:version/attachments/:aid',
    doc({ summary: '下载公开附件 (download a published attachment)', access: ['public'], download: true }),
    zv('param', PublishedAttachmentParam),
    async (c) => {
      const { id, version, aid } = c.req.valid('param');
      const r = await downloadPublishedAttachment(c.get('store'), id, version, aid);
      return r.ok ? attachmentResponse(r.value) : fail(c, r);
    },
  );
