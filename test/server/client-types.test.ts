/** The web client's view of the API: `hc<AppType>` must see the routes, their inputs and outputs. */
import { hc } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { AppType } from '../../src/server/app.ts';

describe('AppType for hc', () => {
  it('types routes, inputs and outputs', () => {
    const client = hc<AppType>('http://localhost/api');
    type ListArgs = Parameters<typeof client.reports.$get>[0];
    expectTypeOf<NonNullable<ListArgs>['query']>().toHaveProperty('year');
    type Save = Parameters<(typeof client.reports)[':id']['versions']['$post']>[0];
    expectTypeOf<Save['json']>().toHaveProperty('expectedVersion');
    type Login = Awaited<ReturnType<typeof client.session.$post>>;
    expectTypeOf<200>().toExtend<Login['status']>();
    type Pub = Awaited<ReturnType<Awaited<ReturnType<typeof client.public.reports.$get>>['json']>>;
    expectTypeOf<Extract<Pub, unknown[]>[number]['departmentName']>().toEqualTypeOf<string>();
  });
});
