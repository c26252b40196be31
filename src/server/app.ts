/**
 * The HTTP app: the JSON API under /api (its type, `AppType`, is what the web client's `hc` uses), the
 * OpenAPI document, and the built web app. Stateless: everything lives in the store, so several
 * processes can serve one PostgreSQL.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { inProcessQueue } from '../app/jobs/in-process-queue.ts';
import { peerAddress, resolveClient } from './client-address.ts';
import type { Env, ServerOptions } from './context.ts';
import { describeError, internalError } from './errors.ts';
import { type OpenApiDocument, openApiDocument } from './openapi.ts';
import { RequestLimiter, rateLimited } from './rate-limit.ts';
import { doc } from './route-doc.ts';
import { adminRoutes } from './routes/admin.ts';
import { attachmentRoutes, publicAttachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { bureauRoutes } from './routes/bureau.ts';
import { jobRoutes } from './routes/jobs.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { publicRoutes } from './routes/public.ts';
import { readRoutes } from './routes/read.ts';
import { reportRoutes } from './routes/reports.ts';
import { targetRoutes } from './routes/targets.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { csrf, LoginLimiter, session, signedIn } from './security.ts';
import { webApp } from './web-app.ts';

/** The API's routes, chained so that their types add up into `AppType`. */
const apiRoutes = (limiter: LoginLimiter) =>
  new Hono<Env>()
    .route('/public', publicRoutes)
    .route('/public', publicAttachmentRoutes)
    .route('/', authRoutes(limiter))
    .use('/read', signedIn)
    .route('/read', readRoutes)
    .use('/reports/*', signedIn)
    .use('/reports', signedIn)
    .route('/reports', reportRoutes)
    .route('/reports', workflowRoutes)
    .route('/reports', attachmentRoutes)
    .use('/dashboard', signedIn)
    .use('/samples', signedIn)
    .use('/todo', signedIn)
    .use('/progress', signedIn)
    .use('/progress/*', signedIn)
    .route('/', bureauRoutes)
    .use('/jurisdictions', signedIn)
    .use('/jurisdictions/*', signedIn)
    .use('/departments/*', signedIn)
    .use('/departments', signedIn)
    .use('/fiscal-years', signedIn)
    .use('/users/*', signedIn)
    .use('/users', signedIn)
    .use('/frameworks', signedIn)
    .use('/frameworks/*', signedIn)
    .use('/admin/*', signedIn)
    .route('/', adminRoutes)
    .use('/targets/*', signedIn)
    .use('/targets', signedIn)
    .route('/targets', targetRoutes)
    .use('/monitoring/*', signedIn)
    .route('/monitoring', monitoringRoutes)
    .use('/jobs', signedIn)
    .use('/jobs/*', signedIn)
    .route('/jobs', jobRoutes);

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
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }));
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
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
