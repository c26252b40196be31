/** What the public sees without signing in: published versions, their downloads, open data, vocabulary. */
import { Hono } from 'hono';
import { listJurisdictions } from '../../app/departments-admin.ts';
import { scopeOf } from '../../app/framework-choice.ts';
import { openDataExport } from '../../app/open-data-export.ts';
import { getPublishedVersion, listPublished } from '../../app/public-reports.ts';
import { downloadName, RENDER_CONTENT_TYPES, renderPublished } from '../../app/render-version.ts';
import { JURISDICTION_LEVEL_LABELS, REPORT_KIND_LABELS } from '../../app/store.ts';
import {
  REPORT_STATUS_LABELS,
  ROLE_LABELS,
  TRANSITIONS,
  WORKFLOW_ACTION_LABELS,
} from '../../core/workflow.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { ExportParam, PublicListQuery, RenderParam, VersionParam } from '../schemas.ts';
import { zv } from '../validate.ts';
import { download } from './reports.ts';

export const publicRoutes = new Hono<Env>()
  .get(
    '/meta',
    doc({ summary: '状态、角色、流程的中文名称 (labels and transitions)', access: ['public'] }),
    (c) =>
      c.json(
        {
          statuses: REPORT_STATUS_LABELS,
          roles: ROLE_LABELS,
          actions: WORKFLOW_ACTION_LABELS,
          kinds: REPORT_KIND_LABELS,
          levels: JURISDICTION_LEVEL_LABELS,
          transitions: TRANSITIONS.map((t) => ({
            from: t.from,
            to: t.to,
            action: t.action,
            roles: [...t.roles],
          })),
        },
        200,
      ),
  )
  .get(
    '/jurisdictions',
    doc({ summary: '地区 (jurisdictions)', access: ['public'], response: 'Jurisdiction[]' }),
    async (c) => c.json(await listJurisdictions(c.get('store'), null), 200),
  )
  .get(
    '/reports',
    doc({ summary: '已公开的报告 (published reports)', access: ['public'], response: 'PublicRow[]' }),
    zv('query', PublicListQuery),
    async (c) => c.json(await listPublished(c.get('store'), c.req.valid('query')), 200),
  )
  .get(
    '/reports/:id/versions/:version',
    doc({ summary: '已公开版本的内容 (a published version)', access: ['public'], response: 'ReportVersion' }),
    zv('param', VersionParam),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return send(c, await getPublishedVersion(c.get('store'), id, version));
    },
  )
  .get(
    '/reports/:id/versions/:version/render/:format',
    doc({
      summary: '下载已公开版本 (download a published version: docx, pdf, html, xlsx)',
      access: ['public'],
      download: true,
    }),
    zv('param', RenderParam),
    async (c) => {
      const { id, version, format } = c.req.valid('param');
      const got = await getPublishedVersion(c.get('store'), id, version);
      if (!got.ok) return fail(c, got);
      const report = await c.get('store').reports.get(id);
      const scope = report ? scopeOf(report) : { boundId: null, departmentId: null };
      const r = await renderPublished(c.get('store'), got.value, scope, format);
      if (!r.ok) return fail(c, r);
      const name = await downloadName(c.get('store'), report, version, format);
      return download(r.value, RENDER_CONTENT_TYPES[format], name);
    },
  )
  .get(
    '/open-data/:format',
    doc({ summary: '开放数据：已公开报告 CSV 或 JSON (open data)', access: ['public'], download: true }),
    zv('param', ExportParam),
    zv('query', PublicListQuery),
    async (c) => {
      const { format } = c.req.valid('param');
      const { jurisdictionId, year } = c.req.valid('query');
      const out = await openDataExport(c.get('store'), { jurisdictionId, year, format });
      return new Response(out.body, {
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="jixiao-open-data${year ? `-${year}` : ''}.${format}"`,
        },
      });
    },
  );
