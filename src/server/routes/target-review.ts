/**
 * The target-table routes beyond declaring and grading (/api/targets): the 主管部门's review step, the
 * review chain of a jurisdiction, and publishing the approved version. Mounted before `targetRoutes`,
 * so `/targets/review-chain` is not taken for a table id.
 */
import { Hono } from 'hono';
import { publishTargetTable } from '../../app/targets/publish.ts';
import { getReviewChain, setReviewChain } from '../../app/targets/review-chain.ts';
import { supervisorReview } from '../../app/targets/supervisor-review.ts';
import { TARGET_TRANSITIONS } from '../../core/targets/transitions.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { IdParam } from '../schemas.ts';
import {
  PublishTargetBody,
  ReviewChainBody,
  ReviewChainQuery,
  SupervisorReviewBody,
} from '../target-schemas.ts';
import { zv } from '../validate.ts';

export const targetReviewRoutes = new Hono<Env>()
  .get(
    '/review-chain',
    doc({
      summary: '目标审核流程（本地区所用及可选） (the review chain in force)',
      access: ['bureau-reviewer', 'admin'],
    }),
    zv('query', ReviewChainQuery),
    async (c) => send(c, await getReviewChain(c.get('store'), me(c), c.req.valid('query'))),
  )
  .put(
    '/review-chain',
    doc({
      summary: '选择本地区的目标审核流程 (choose the review chain)',
      access: ['bureau-reviewer', 'admin'],
    }),
    limit(LIMITS.json),
    zv('json', ReviewChainBody),
    async (c) => send(c, await setReviewChain(c.get('store'), me(c), c.req.valid('json'))),
  )
  .post(
    '/:id/supervisor-review',
    doc({
      summary: '主管部门审核：通过报财政或退回 (the supervising department passes on or returns)',
      access: TARGET_TRANSITIONS['supervisor-review'].roles,
      created: true,
    }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', SupervisorReviewBody),
    async (c) =>
      send(
        c,
        await supervisorReview(c.get('store'), me(c), {
          tableId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        201,
      ),
  )
  .post(
    '/:id/publish',
    doc({
      summary: '公开批复的版本 (publish the approved version)',
      access: ['bureau-reviewer'],
      created: true,
    }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', PublishTargetBody),
    async (c) =>
      send(
        c,
        await publishTargetTable(c.get('store'), me(c), {
          tableId: c.req.valid('param').id,
          version: c.req.valid('json').version,
        }),
        201,
      ),
  );
