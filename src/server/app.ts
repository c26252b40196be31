/**
 * The HTTP app: the JSON API under /api (its type, `AppType`, is what the web client's `hc` uses), the
 * OpenAPI document, and the built web app. Stateless: everything lives in the store, so several
 * processes can serve one PostgreSQL.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { inProcessQueue } from '../app/jobs/in-process-queue.ts';
import { peerAddress, resolveClient } from './client-address.ts';
import type { Env, ServerOptions } from './context.ts';
import { describeError, internalError } from './errors.ts';
import { isComplete, securityHeaders } from './headers.ts';
import { type OpenApiDocument, openApiDocument } from './openapi.ts';
import { RequestLimiter, rateLimited } from './rate-limit.ts';
import { doc } from './route-doc.ts';
import {
  backupRoutes,
  departmentRoutes,
  fiscalYearRoutes,
  frameworkRoutes,
  jurisdictionRoutes,
  userRoutes,
} from './routes/admin.ts';
import { attachmentRoutes, publicAttachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes, progressRoutes, sampleRoutes, todoRoutes } from './routes/bureau.ts';
import { jobRoutes } from './routes/jobs.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { publicRoutes } from './routes/public.ts';
import { publicTargetRoutes } from './routes/public-targets.ts';
import { readRoutes } from './routes/read.ts';
import { reportRoutes } from './routes/reports.ts';
import { targetReviewRoutes } from './routes/target-review.ts';
import { targetRoutes } from './routes/targets.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { csrf, LoginLimiter, session } from './security.ts';
import { signedInGroup } from './signed-in-group.ts';
import { webApp } from './web-app.ts';

/**
 * The API's routes, chained so that their types add up into `AppType`. The public's routes and signing in
 * come first; every other group is mounted behind `signedIn` (a new route in a group is guarded with it).
 */
const apiRoutes = (limiter: LoginLimiter) =>
  new Hono<Env>()
    .route('/public', publicRoutes)
    .route('/public', publicAttachmentRoutes)
    .route('/public', publicTargetRoutes)
    .route('/', authRoutes(limiter))
    .route('/read', signedInGroup(readRoutes))
    .route('/reports', signedInGroup(reportRoutes, workflowRoutes, attachmentRoutes))
    .route('/dashboard', signedInGroup(dashboardRoutes))
    .route('/samples', signedInGroup(sampleRoutes))
    .route('/todo', signedInGroup(todoRoutes))
    .route('/progress', signedInGroup(progressRoutes))
    .route('/jurisdictions', signedInGroup(jurisdictionRoutes))
    .route('/departments', signedInGroup(departmentRoutes))
    .route('/fiscal-years', signedInGroup(fiscalYearRoutes))
    .route('/users', signedInGroup(userRoutes))
    .route('/frameworks', signedInGroup(frameworkRoutes))
    .route('/admin', signedInGroup(backupRoutes))
    .route('/targets', signedInGroup(targetReviewRoutes, targetRoutes))
    .route('/monitoring', signedInGroup(monitoringRoutes))
    .route('/jobs', signedInGroup(jobRoutes));

export type AppType = ReturnType<typeof apiRoutes>;

export const createApp = (options: ServerOptions): Hono<Env> => {
  const limiter = new LoginLimiter(options.loginLimit ?? 5);
  const publicLimiter = new RequestLimiter(options.publicLimit ?? 600);
  const jobs = options.jobs ?? inProcessQueue(options.store);
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.set('store', options.store);
    c.set('jobs', jobs);
    c.set('secure', options.secure ?? false);
    c.set('user', null);
    c.set('sessionToken', null);
    c.set(
      'client',
      resolveClient(peerAddress(c), c.req.header('x-forwarded-for'), options.trustProxy ?? null),
    );
    await next();
  });
  app.use('*', securityHeaders);
  app.use('/api/*', async (c, next) => {
    // Set before the route answers, so that the answer is made with it: setting a header on an answer
    // already made turns node-server's light response into a web Response whose body is then streamed
    // back out of it (about 1 ms of CPU for a 40 KB document). A route may set its own; an answer made
    // outside the context (a Response built by hand) still gets it after, but for a complete answer
    // (headers.ts), which has it.
    c.header('cache-control', 'no-store');
    await next();
    if (!isComplete(c.res) && !c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  app.use('/api/public/*', rateLimited(publicLimiter));
  app.use('/api/*', csrf);
  app.use('/api/*', session);
  let document: Promise<OpenApiDocument> | undefined;
  app.get('/api/openapi.json', doc({ summary: '本文档 (this document)', access: ['public'] }), async (c) => {
    document ??= openApiDocument(app);
    return c.json(await document, 200);
  });
  app.route('/api', apiRoutes(limiter));
  app.all('/api/*', (c) =>
    c.json({ code: 'not-found', message: `没有这个接口 ${c.req.method} ${c.req.path} (no such route)` }, 404),
  );
  app.route('/', webApp(options.webDir));
  app.onError((err, c) => {
    // Hono's own refusals (a body that is not JSON): the client's mistake, said in the one error shape.
    if (err instanceof HTTPException && err.status < 500)
      return c.json(
        {
          code: err.status === 400 ? 'invalid' : 'http',
          message: `请求不正确：${err.message} (bad request)`,
        },
        err.status,
      );
    // Logged once on the server (see describeError); the client gets the one error shape only.
    console.error(`jixiao serve: 500 ${c.req.method} ${c.req.path}: ${describeError(err)}`);
    return c.json(internalError, 500);
  });
  return app;
};
