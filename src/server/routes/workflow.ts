/** Workflow transitions (the rows of `transitions.ts`) and the review around them: explanations, comments, re-scores. */
import { Hono } from 'hono';
import { explainFinding } from '../../app/explain-finding.ts';
import { addComment } from '../../app/report-views.ts';
import { rescoreIndicator } from '../../app/rescore.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { CommentBody, ExplanationBody, IdParam, RescoreBody } from '../schemas.ts';
import { zv } from '../validate.ts';
import { transitionRoutes } from './transition-routes.ts';
import { REPORT_TRANSITIONS } from './transitions.ts';

export const workflowRoutes = new Hono<Env>()
  .route('/', transitionRoutes(REPORT_TRANSITIONS))
  .post(
    '/:id/explanations',
    doc({ summary: '说明审核错误 (explain an audit error)', access: ['preparer'], created: true }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', ExplanationBody),
    async (c) =>
      send(
        c,
        await explainFinding(c.get('store'), me(c), {
          reportId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        201,
      ),
  )
  .post(
    '/:id/comments',
    doc({ summary: '意见 (comment)', access: ['signed-in'], response: 'Comment', created: true }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', CommentBody),
    async (c) =>
      send(
        c,
        await addComment(c.get('store'), me(c), {
          reportId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        201,
      ),
  )
  .post(
    '/:id/rescores',
    doc({
      summary: '审核得分及理由 (re-score an indicator)',
      access: ['bureau-reviewer'],
      response: 'Rescore',
      created: true,
    }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', RescoreBody),
    async (c) =>
      send(
        c,
        await rescoreIndicator(c.get('store'), me(c), {
          reportId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        201,
      ),
  );
