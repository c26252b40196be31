/** The bureau's views across departments: the dashboard, the progress table and the 抽查复核 sample. */
import { Hono } from 'hono';
import { dashboard } from '../../app/dashboard.ts';
import { progressTable, progressWorkbook } from '../../app/progress.ts';
import { RENDER_CONTENT_TYPES } from '../../app/render-version.ts';
import { sampleForReview } from '../../app/sample-for-review.ts';
import { todoFor } from '../../app/todo.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { DashboardQuery, ProgressQuery, SampleBody, TodoQuery } from '../schemas.ts';
import { zv } from '../validate.ts';
import { download } from './reports.ts';

export const bureauRoutes = new Hono<Env>()
  .get(
    '/dashboard',
    doc({ summary: '地区 × 年度统计 (dashboard)', access: ['bureau-reviewer', 'admin'] }),
    zv('query', DashboardQuery),
    async (c) => send(c, await dashboard(c.get('store'), me(c), c.req.valid('query'))),
  )
  .get(
    '/progress',
    doc({
      summary: '填报进度：各单位所处环节及各环节时间 (progress of every department by step)',
      access: ['bureau-reviewer', 'admin'],
    }),
    zv('query', ProgressQuery),
    async (c) => send(c, await progressTable(c.get('store'), me(c), c.req.valid('query'))),
  )
  .get(
    '/progress/export',
    doc({
      summary: '填报进度 .xlsx (the progress table as a spreadsheet)',
      access: ['bureau-reviewer', 'admin'],
      download: true,
    }),
    zv('query', ProgressQuery),
    async (c) => {
      const r = await progressTable(c.get('store'), me(c), c.req.valid('query'));
      if (!r.ok) return fail(c, r);
      return download(
        await progressWorkbook(r.value),
        RENDER_CONTENT_TYPES.xlsx,
        `填报进度-${r.value.year}年度.xlsx`,
      );
    },
  )
  .get(
    '/todo',
    doc({
      summary: '待办：待我审核、被退回、草稿的份数，距截止日期的天数 (to-do counts, days to the deadline)',
      access: ['signed-in'],
    }),
    zv('query', TodoQuery),
    async (c) => c.json(await todoFor(c.get('store'), me(c), { year: c.req.valid('query').year }), 200),
  )
  .post(
    '/samples',
    doc({
      summary: '随机抽取抽查复核报告 (draw a review sample)',
      access: ['bureau-reviewer'],
      created: true,
    }),
    limit(LIMITS.json),
    zv('json', SampleBody),
    async (c) => send(c, await sampleForReview(c.get('store'), me(c), c.req.valid('json')), 201),
  );
