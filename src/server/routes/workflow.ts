/** Workflow transitions and the review around them: explanations, comments, re-scores. */
import { Hono } from 'hono';
import { approveReport } from '../../app/approve-report.ts';
import { explainFinding } from '../../app/explain-finding.ts';
import { publishReport } from '../../app/publish-report.ts';
import { addComment } from '../../app/report-views.ts';
import { rescoreIndicator } from '../../app/rescore.ts';
import { reopenReport, returnReport } from '../../app/return-report.ts';
import { submitReport } from '../../app/submit-report.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import {
  ApproveBody,
  CommentBody,
  ExplanationBody,
  IdParam,
  RescoreBody,
  ReturnBody,
  StatusBody,
} from '../schemas.ts';
import { zv } from '../validate.ts';

export const workflowRoutes = new Hono<Env>()
  .post('/:id/submit', limit(LIMITS.json), zv('param', IdParam), zv('json', StatusBody), async (c) =>
    send(
      c,
      await submitReport(c.get('store'), me(c), {
        reportId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
    ),
  )
  .post('/:id/approve', limit(LIMITS.json), zv('param', IdParam), zv('json', ApproveBody), async (c) =>
    send(
      c,
      await approveReport(c.get('store'), me(c), {
        reportId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
    ),
  )
  .post('/:id/return', limit(LIMITS.json), zv('param', IdParam), zv('json', ReturnBody), async (c) =>
    send(
      c,
      await returnReport(c.get('store'), me(c), {
        reportId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
    ),
  )
  .post('/:id/reopen', limit(LIMITS.json), zv('param', IdParam), zv('json', StatusBody), async (c) =>
    send(
      c,
      await reopenReport(c.get('store'), me(c), {
        reportId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
    ),
  )
  .post('/:id/publish', limit(LIMITS.json), zv('param', IdParam), zv('json', StatusBody), async (c) =>
    send(
      c,
      await publishReport(c.get('store'), me(c), {
        reportId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
    ),
  )
  .post(
    '/:id/explanations',
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
  .post('/:id/comments', limit(LIMITS.json), zv('param', IdParam), zv('json', CommentBody), async (c) =>
    send(
      c,
      await addComment(c.get('store'), me(c), { reportId: c.req.valid('param').id, ...c.req.valid('json') }),
      201,
    ),
  )
  .post('/:id/rescores', limit(LIMITS.json), zv('param', IdParam), zv('json', RescoreBody), async (c) =>
    send(
      c,
      await rescoreIndicator(c.get('store'), me(c), {
        reportId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
      201,
    ),
  );
