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
    // The workflow routes come from the transition table, each with its own body and answer.
    type Return = Parameters<(typeof client.reports)[':id']['return']['$post']>[0];
    expectTypeOf<Return['json']>().toHaveProperty('reason');
    type Approve = Parameters<(typeof client.reports)[':id']['approve']['$post']>[0];
    expectTypeOf<Approve['json']>().toHaveProperty('opinion');
    type Approved = Awaited<
      ReturnType<Awaited<ReturnType<(typeof client.reports)[':id']['approve']['$post']>>['json']>
    >;
    expectTypeOf<Extract<Approved, { status: string }>['status']>().toExtend<string>();
    type Review = Parameters<(typeof client.targets)[':id']['review']['$post']>[0];
    expectTypeOf<Review['json']>().toHaveProperty('grade');
  });
});
