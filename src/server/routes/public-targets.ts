/** What the public sees of target tables without signing in: the published versions, beside the reports. */
import { Hono } from 'hono';
import { getPublishedTarget, listPublishedTargets } from '../../app/targets/public-targets.ts';
import type { Env } from '../context.ts';
import { send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { VersionParam } from '../schemas.ts';
import { PublicTargetListQuery } from '../target-schemas.ts';
import { zv } from '../validate.ts';

export const publicTargetRoutes = new Hono<Env>()
  .get(
    '/targets',
    doc({ summary: '已公开的绩效目标表 (published target tables)', access: ['public'] }),
    zv('query', PublicTargetListQuery),
    async (c) => c.json(await listPublishedTargets(c.get('store'), c.req.valid('query')), 200),
  )
  .get(
    '/targets/:id/versions/:version',
    doc({ summary: '已公开的绩效目标表的某一版本 (a published target table)', access: ['public'] }),
    zv('param', VersionParam),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return send(c, await getPublishedTarget(c.get('store'), id, version));
    },
  );
