/** 运行监控 (/api/monitoring): rounds, the round overview with lights, units' entries, bureau decisions. */
import { Hono } from 'hono';
import { decide, listRounds, openRound, putEntry, roundOverview } from '../../app/targets/monitoring.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { IdParam } from '../schemas.ts';
import { DecisionBody, EntryParam, OpenRoundBody, PutEntryBody, RoundListQuery } from '../target-schemas.ts';
import { zv } from '../validate.ts';

export const monitoringRoutes = new Hono<Env>()
  .get('/rounds', zv('query', RoundListQuery), async (c) =>
    send(c, await listRounds(c.get('store'), me(c), c.req.valid('query'))),
  )
  .post('/rounds', limit(LIMITS.json), zv('json', OpenRoundBody), async (c) =>
    send(c, await openRound(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .get('/rounds/:id', zv('param', IdParam), async (c) =>
    send(c, await roundOverview(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .put(
    '/rounds/:id/entries/:tableId',
    limit(LIMITS.json),
    zv('param', EntryParam),
    zv('json', PutEntryBody),
    async (c) => {
      const p = c.req.valid('param');
      return send(
        c,
        await putEntry(c.get('store'), me(c), { roundId: p.id, tableId: p.tableId, ...c.req.valid('json') }),
      );
    },
  )
  .post(
    '/rounds/:id/decisions',
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', DecisionBody),
    async (c) =>
      send(
        c,
        await decide(c.get('store'), me(c), { roundId: c.req.valid('param').id, ...c.req.valid('json') }),
        201,
      ),
  );
