/** 绩效目标申报 and 目标审核 (/api/targets), and a report's binding to its approved targets. */
import { Hono } from 'hono';
import { reportBinding } from '../../app/targets/binding.ts';
import { createTargetTable, saveTargetVersion, submitTargetTable } from '../../app/targets/declare.ts';
import { reviewTargetTable } from '../../app/targets/review.ts';
import { getTargetTable, getTargetVersion, listTargetTables } from '../../app/targets/views.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { IdParam, VersionParam } from '../schemas.ts';
import {
  CreateTargetBody,
  ReviewTargetBody,
  SaveTargetBody,
  SubmitTargetBody,
  TargetListQuery,
} from '../target-schemas.ts';
import { zv } from '../validate.ts';

export const targetRoutes = new Hono<Env>()
  .get(
    '/',
    doc({ summary: '绩效目标申报表 (target tables in scope)', access: ['signed-in'] }),
    zv('query', TargetListQuery),
    async (c) => send(c, await listTargetTables(c.get('store'), me(c), c.req.valid('query'))),
  )
  .post(
    '/',
    doc({ summary: '新建绩效目标申报表 (declare a target table)', access: ['preparer'], created: true }),
    limit(LIMITS.document),
    zv('json', CreateTargetBody),
    async (c) => send(c, await createTargetTable(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .get(
    '/for-report/:id',
    doc({
      summary: '自评报告与批复目标的比对 (a report against its approved targets)',
      access: ['signed-in'],
    }),
    zv('param', IdParam),
    async (c) => send(c, await reportBinding(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .get(
    '/:id',
    doc({
      summary: '目标表、审核意见与版本 (a target table with checks, reviews, versions)',
      access: ['signed-in'],
    }),
    zv('param', IdParam),
    async (c) => send(c, await getTargetTable(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .get(
    '/:id/versions/:version',
    doc({ summary: '目标表的某一版本 (one version)', access: ['signed-in'] }),
    zv('param', VersionParam),
    async (c) => {
      const p = c.req.valid('param');
      return send(c, await getTargetVersion(c.get('store'), me(c), { tableId: p.id, version: p.version }));
    },
  )
  .post(
    '/:id/versions',
    doc({
      summary: '保存新版本或调整 (save the next version, or adjust after approval)',
      access: ['preparer'],
      created: true,
    }),
    limit(LIMITS.document),
    zv('param', IdParam),
    zv('json', SaveTargetBody),
    async (c) =>
      send(
        c,
        await saveTargetVersion(c.get('store'), me(c), {
          tableId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        201,
      ),
  )
  .post('/:id/submit', limit(LIMITS.json), zv('param', IdParam), zv('json', SubmitTargetBody), async (c) =>
    send(
      c,
      await submitTargetTable(c.get('store'), me(c), {
        tableId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
    ),
  )
  .post('/:id/review', limit(LIMITS.json), zv('param', IdParam), zv('json', ReviewTargetBody), async (c) =>
    send(
      c,
      await reviewTargetTable(c.get('store'), me(c), {
        tableId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
      201,
    ),
  );
