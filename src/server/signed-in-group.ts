/**
 * Routes that need a signed-in user are mounted as groups: `signedInGroup(a, b, …)` is one sub-app whose
 * every route sits behind `signedIn`, so a route added to a group is guarded without a list of paths.
 */
import { Hono } from 'hono';
import type { Schema } from 'hono/types';
import type { UnionToIntersection } from 'hono/utils/types';
import type { Env } from './context.ts';
import { signedIn } from './security.ts';

type SchemaOf<H> = H extends Hono<Env, infer S, '/'> ? S : never;

// biome-ignore lint/suspicious/noExplicitAny: any group, whatever its routes
export const signedInGroup = <const Groups extends readonly Hono<Env, any, '/'>[]>(...groups: Groups) =>
  groups.reduce((app, g) => app.route('/', g), new Hono<Env>().use(signedIn)) as unknown as Hono<
    Env,
    UnionToIntersection<SchemaOf<Groups[number]>> extends infer S extends Schema ? S : never,
    '/'
  >;
