import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zv } from './validate.ts';

const post = (app: Hono, body: unknown) =>
  app.request('/', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('zv', () => {
  it('answers 400 with the first issue, or passes the parsed value on', async () => {
    const app = new Hono().post('/', zv('json', z.object({ n: z.number().int() })), (c) =>
      c.json(c.req.valid('json')),
    );
    const bad = await post(app, { n: 1.5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('n');
    const good = await post(app, { n: 2, extra: true });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ n: 2 });
  });

  it('a schema with an async refinement is parsed asynchronously', async () => {
    const even = z.object({ n: z.number().refine(async (n) => n % 2 === 0, '须为偶数') });
    const app = new Hono().post('/', zv('json', even), (c) => c.json(c.req.valid('json')));
    const odd = await post(app, { n: 3 });
    expect(odd.status).toBe(400);
    expect(((await odd.json()) as { message: string }).message).toContain('须为偶数');
    expect((await post(app, { n: 4 })).status).toBe(200);
  });
});

describe('zv with a compiled first check', () => {
  const full = z.object({ n: z.number().int(), list: z.array(z.number()) });
  const first = z.compile(full.extend({ list: z.array(z.number()).max(2) }), { strict: true });
  const app = new Hono().post('/', zv('json', full, first), (c) => c.json(c.req.valid('json')));

  it('passes on what the first check accepts, and what it refuses as the full schema judges it', async () => {
    expect(await (await post(app, { n: 1, list: [1], extra: true })).json()).toEqual({ n: 1, list: [1] });
    // Refused by the first check only: the full schema accepts it.
    expect(await (await post(app, { n: 1, list: [1, 2, 3] })).json()).toEqual({ n: 1, list: [1, 2, 3] });
    const bad = await post(app, { n: 1.5, list: [1, 2, 3] });
    expect(bad.status).toBe(400);
    const plain = new Hono().post('/', zv('json', full), (c) => c.json(c.req.valid('json')));
    expect(await bad.json()).toEqual(await (await post(plain, { n: 1.5, list: [1, 2, 3] })).json());
  });
});
