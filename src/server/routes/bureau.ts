/** The bureau's views across departments: the dashboard and the 抽查复核 sample. */
import { Hono } from 'hono';
import { dashboard } from '../../app/dashboard.ts';
import { sampleForReview } from '../../app/sample-for-review.ts';
import { todoFor } from '../../app/todo.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { DashboardQuery, SampleBody, TodoQuery } from '../schemas.ts';
import { zv } from '../validate.ts';

export const bureauRoutes = new Hono<Env>()
  .get('/dashboard', zv('query', DashboardQuery), async (c) =>
    send(c, await dashboard(c.get('store'), me(c), c.req.valid('query'))),
  )
  .get('/todo', zv('query', TodoQuery), async (c) =>
    c.json(await todoFor(c.get('store'), me(c), { year: c.req.valid('query').year }), 200),
  )
  .post('/samples', limit(LIMITS.json), zv('json', SampleBody), async (c) =>
    send(c, await sampleForReview(c.get('store'), me(c), c.req.valid('json')), 201),
  );
