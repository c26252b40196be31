/**
 * A workflow transition as a route: `POST /:id/<path>` with a small JSON body, answered by its use case.
 * Every transition of reports and target tables is one row of data (`transitions.ts`): the path, the
 * statuses it moves from and to, the roles that may take it, its body and its use case. The rows become
 * routes here, each with its OpenAPI entry (`x-access` the roles, `x-transition` the statuses).
 */
import { Hono } from 'hono';
import type { ExtractSchema, Schema } from 'hono/types';
import type { UnionToIntersection } from 'hono/utils/types';
import type { z } from 'zod';
import type { Store, User } from '../../app/store.ts';
import type { Result } from '../../core/result.ts';
import type { Role } from '../../core/workflow.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import { doc, type RouteDoc } from '../route-doc.ts';
import { IdParam } from '../schemas.ts';
import { zv } from '../validate.ts';

export type TransitionRoute<P extends string, B extends z.ZodType, T> = {
  /** The last segment of `/:id/<path>`. */
  path: P;
  summary: string;
  /** The statuses it moves from, and those it may move to. */
  from: readonly string[];
  to: readonly string[];
  /** Who may take it (the use case checks; the document and the matrix test read this). */
  roles: readonly Role[];
  body: B;
  /** 201 when it records something new (a review), else 200. */
  status: 200 | 201;
  response?: RouteDoc['response'];
  run: (store: Store, actor: User, id: string, body: z.output<B>) => Promise<Result<T>>;
};

// biome-ignore lint/suspicious/noExplicitAny: any row, whatever its body and answer
type AnyTransition = TransitionRoute<string, any, any>;

/** One row's route. */
export const transitionRoute = <P extends string, B extends z.ZodType, T>(t: TransitionRoute<P, B, T>) =>
  new Hono<Env>().post(
    `/:id/${t.path}` as `/:id/${P}`,
    doc({
      summary: t.summary,
      access: t.roles,
      ...(t.response ? { response: t.response } : {}),
      ...(t.status === 201 ? { created: true } : {}),
      extra: { 'x-transition': { from: t.from, to: t.to } },
    }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', t.body),
    async (c) =>
      send(c, await t.run(c.get('store'), me(c), c.req.valid('param').id, c.req.valid('json')), t.status),
  );

type RouteOf<R> =
  R extends TransitionRoute<infer P, infer B, infer T>
    ? ExtractSchema<ReturnType<typeof transitionRoute<P, B, T>>>
    : never;

/** The rows' routes in one app, typed route by route for `hc`. */
export const transitionRoutes = <const Rows extends readonly AnyTransition[]>(rows: Rows) =>
  rows.reduce((app, t) => app.route('/', transitionRoute(t)), new Hono<Env>()) as unknown as Hono<
    Env,
    UnionToIntersection<RouteOf<Rows[number]>> extends infer S extends Schema ? S : never,
    '/'
  >;
