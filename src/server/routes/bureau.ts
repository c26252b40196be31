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
import { DashboardQuery, ProgressQuery, SampleBody, TodoQuery } from '../schemas.ts';
import { zv } from '../validate.ts';
import { download } from './reports.ts';

export const bureauRoutes = new Hono<Env>()
  .get('/dashboard', zv('query', DashboardQuery), async (c) =>
    send(c, await dashboard(c.get('store'), me(c), c.req.valid('query'))),
  )
  .get('/progress', zv('query', ProgressQuery), async (c) =>
    send(c, await progressTable(c.get('store'), me(c), c.req.valid('query'))),
  )
  .get('/progress/export', zv('query', ProgressQuery), async (c) => {
    const r = await progressTable(c.get('store'), me(c), c.req.valid('query'));
    if (!r.ok) return fail(c, r);
    return download(
      await progressWorkbook(r.value),
      RENDER_CONTENT_TYPES.xlsx,
      `填报进度-${r.value.year}年度.xlsx`,
    );
  })
  .get('/todo', zv('query', TodoQuery), async (c) =>
    c.json(await todoFor(c.get('store'), me(c), { year: c.req.valid('query').year }), 200),
  )
  .post('/samples', limit(LIMITS.json), zv('json', SampleBody), async (c) =>
    send(c, await sampleForReview(c.get('store'), me(c), c.req.valid('json')), 201),
  );
