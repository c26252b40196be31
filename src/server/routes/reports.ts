/** Reports of the signed-in user's scope: list, create, upload, versions, score, audit, downloads. */
import { Hono } from 'hono';
import { z } from 'zod';
import { batchExport } from '../../app/batch-export.ts';
import { createReport, importReport } from '../../app/create-report.ts';
import { scopeOf } from '../../app/framework-choice.ts';
import { downloadName, RENDER_CONTENT_TYPES, renderDocument } from '../../app/render-version.ts';
import { reportHistory } from '../../app/report-history.ts';
import {
  auditVersion,
  getReport,
  getVersion,
  getVersionText,
  listReports,
  reportFrameworks,
  scoreVersion,
} from '../../app/report-views.ts';
import { saveVersion } from '../../app/save-version.ts';
import { previewVersion, uploadVersion } from '../../app/upload-version.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { Report as ReportDocument } from '../../core/model/index.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { keptWhole } from '../kept-whole.ts';
import { LIMITS, limit, me, send, sendWithJson } from '../respond.ts';
import { doc } from '../route-doc.ts';
import {
  BatchExportBody,
  CreateReportBody,
  IdParam,
  PreviewVersionForm,
  RenderParam,
  ReportListQuery,
  SaveVersionBody,
  ShallowSaveVersionBody,
  UploadForm,
  UploadVersionForm,
  VersionParam,
} from '../schemas.ts';
import { firstInput, zv } from '../validate.ts';

/** A save's body checked first by one compiled function (see zv). */
const COMPILED_SAVE_BODY = z.compile(ShallowSaveVersionBody);

export const download = (bytes: Uint8Array, type: string, filename: string): Response =>
  new Response(Buffer.from(bytes), {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="report.${filename.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'private, no-store',
    },
  });

export const reportRoutes = new Hono<Env>()
  .get(
    '/',
    doc({ summary: '本人范围内的报告 (reports in scope)', access: ['signed-in'], response: 'ReportRow[]' }),
    zv('query', ReportListQuery),
    async (c) => c.json(await listReports(c.get('store'), me(c), c.req.valid('query')), 200),
  )
  .post(
    '/',
    doc({
      summary: '新建报告草稿 (new draft from a document)',
      access: ['preparer'],
      response: 'Created',
      created: true,
    }),
    limit(LIMITS.document),
    zv('json', CreateReportBody),
    async (c) => send(c, await createReport(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .post(
    '/upload',
    doc({
      summary:
        '上传文件新建草稿 (.docx .doc .wps .pdf .html .mhtml .txt .xlsx .xls .json)；文件所写单位或年度不符时须填写理由 (a mismatch needs a reason)',
      access: ['preparer'],
      response: 'Created',
      created: true,
    }),
    limit(LIMITS.upload),
    zv('form', UploadForm),
    async (c) => {
      const { file, year, reason } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      return send(
        c,
        await importReport(c.get('store'), me(c), { filename: file.name, bytes, year, reason }),
        201,
      );
    },
  )
  .post(
    '/export',
    doc({
      summary: '批量导出：所选或筛选出的报告（Word 或 PDF 压缩包，或 .xlsx 汇总）(batch export)',
      access: ['bureau-reviewer', 'admin'],
      download: true,
    }),
    limit(LIMITS.json),
    zv('json', BatchExportBody),
    async (c) => {
      const { format, ids, filter } = c.req.valid('json');
      const r = await batchExport(c.get('store'), me(c), { format, ids, filter });
      if (!r.ok) return fail(c, r);
      return download(r.value.bytes, r.value.contentType, r.value.filename);
    },
  )
  .get(
    '/:id',
    doc({ summary: '报告、历史版本、意见、审核得分 (report with history)', access: ['signed-in'] }),
    zv('param', IdParam),
    async (c) => send(c, await getReport(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .get(
    '/:id/history',
    doc({
      summary: '报告历史：版本、流程、意见、审核得分，含操作人和时间 (history, newest first)',
      access: ['signed-in'],
    }),
    zv('param', IdParam),
    async (c) => send(c, await reportHistory(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .get(
    '/:id/frameworks',
    doc({
      summary:
        '评分所用的指标框架（编辑器实时评分与保存时相同）(the frameworks the report is scored against)',
      access: ['signed-in'],
    }),
    zv('param', IdParam),
    async (c) => send(c, await reportFrameworks(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .get(
    '/:id/versions/:version',
    doc({ summary: '某一版本的内容 (a version)', access: ['signed-in'], response: 'ReportVersion' }),
    zv('param', VersionParam),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const got = await getVersionText(c.get('store'), me(c), id, version);
      if (!got.ok) return fail(c, got);
      const { documentJson, ...rest } = got.value;
      return sendWithJson<ReportDocument, typeof rest, 'document'>(c, rest, 'document', documentJson);
    },
  )
  .post(
    '/:id/versions',
    doc({
      summary: '保存新版本；版本过期返回 409 及最新版本 (save; stale → 409)',
      access: ['preparer'],
      response: 'Saved',
      created: true,
    }),
    limit(LIMITS.document),
    zv('param', IdParam),
    zv('json', SaveVersionBody, COMPILED_SAVE_BODY),
    async (c) => {
      const body = c.req.valid('json');
      // When validation kept the document whole (dropped no unknown key), the body's text holds it as
      // validated: the database takes it from there, no stringify of the document again.
      const sent = firstInput(body) as { document?: unknown } | undefined;
      const bodyJson = sent && keptWhole(sent.document, body.document) ? await c.req.text() : undefined;
      return send(
        c,
        await saveVersion(c.get('store'), me(c), {
          reportId: c.req.valid('param').id,
          ...body,
          ...(bodyJson === undefined ? {} : { bodyJson }),
        }),
        201,
      );
    },
  )
  .post(
    '/:id/versions/upload',
    doc({
      summary:
        '上传文件作为新版本；文件所写单位或年度与报告不符时须填写理由，否则 409 identity-mismatch (upload as next version; a mismatch needs a reason)',
      access: ['preparer'],
      response: 'Saved',
      created: true,
    }),
    limit(LIMITS.upload),
    zv('param', IdParam),
    zv('form', UploadVersionForm),
    async (c) => {
      const { file, expectedVersion, reason } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      return send(
        c,
        await uploadVersion(c.get('store'), me(c), {
          reportId: c.req.valid('param').id,
          expectedVersion,
          filename: file.name,
          bytes,
          reason,
        }),
        201,
      );
    },
  )
  .post(
    '/:id/versions/preview',
    doc({
      summary: `读取上传的文件但不保存：内容、读取${SEVERITY_TERMS.warning}、与报告不符之处 (read an upload for comparison, nothing saved)`,
      access: ['preparer'],
    }),
    limit(LIMITS.upload),
    zv('param', IdParam),
    zv('form', PreviewVersionForm),
    async (c) => {
      const { file } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      return send(
        c,
        await previewVersion(c.get('store'), me(c), {
          reportId: c.req.valid('param').id,
          filename: file.name,
          bytes,
        }),
      );
    },
  )
  .get(
    '/:id/versions/:version/score',
    doc({ summary: '评分与审核得分 (score)', access: ['signed-in'] }),
    zv('param', VersionParam),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return send(c, await scoreVersion(c.get('store'), me(c), id, version));
    },
  )
  .get(
    '/:id/versions/:version/audit',
    doc({ summary: '一致性审核及说明 (audit findings)', access: ['signed-in'] }),
    zv('param', VersionParam),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return send(c, await auditVersion(c.get('store'), me(c), id, version));
    },
  )
  .get(
    '/:id/versions/:version/render/:format',
    doc({ summary: '下载 (download: docx, pdf, html, xlsx)', access: ['signed-in'], download: true }),
    zv('param', RenderParam),
    async (c) => {
      const { id, version, format } = c.req.valid('param');
      const got = await getVersion(c.get('store'), me(c), id, version);
      if (!got.ok) return fail(c, got);
      const r = await renderDocument(c.get('store'), got.value.document, scopeOf(got.value.report), format);
      if (!r.ok) return fail(c, r);
      const name = await downloadName(c.get('store'), got.value.report, version, format);
      return download(r.value, RENDER_CONTENT_TYPES[format], name);
    },
  );
