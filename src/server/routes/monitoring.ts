/** 运行监控 (/api/monitoring): rounds, the round overview with lights, units' entries, bureau decisions. */
import { Hono } from 'hono';
import { decide, listRounds, openRound, putEntry, roundOverview } from '../../app/targets/monitoring.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { IdParam } from '../schemas.ts';
import { DecisionBody, EntryParam, OpenRoundBody, PutEntryBody, RoundListQuery } from '../target-schemas.ts';
import { zv } from '../validate.ts';

export const monitoringRoutes = new Hono<Env>()
  .get(
    '/rounds',
    doc({ summary: '运行监控轮次 (monitoring rounds)', access: ['signed-in'] }),
    zv('query', RoundListQuery),
    async (c) => send(c, await listRounds(c.get('store'), me(c), c.req.valid('query'))),
  )
  .post(
    '/rounds',
    doc({ summary: '开启监控轮次 (open a monitoring round)', access: ['bureau-reviewer'], created: true }),
    limit(LIMITS.json),
    zv('json', OpenRoundBody),
    async (c) => send(c, await openRound(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .get(
    '/rounds/:id',
    doc({ summary: '轮次总览与预警灯 (round overview with lights)', access: ['signed-in'] }),
    zv('param', IdParam),
    async (c) => send(c, await roundOverview(c.get('store'), me(c), c.req.valid('param').id)),
  )
  .put(
    '/rounds/:id/entries/:tableId',
    doc({ summary: '填报或报送监控表 (save or submit an entry)', access: ['preparer'] }),
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
    doc({
      summary: '处理决定：继续执行/调剂/暂缓拨款/取消 (record a decision)',
      access: ['bureau-reviewer'],
      created: true,
    }),
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
