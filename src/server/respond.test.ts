import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limit } from './respond.ts';

const app = new Hono().post('/', limit(100), async (c) => c.text(String((await c.req.text()).length)));

/** A request whose `body` getter records that it was read (node-server then leaves its fast path). */
const watched = (body: string) => {
  const req = new Request('http://x/', {
    method: 'POST',
    body,
    headers: { 'content-length': String(Buffer.byteLength(body)) },
  });
  const proto = Object.getOwnPropertyDescriptor(Request.prototype, 'body')!;
  const seen = { body: false };
  Object.defineProperty(req, 'body', {
    get() {
      seen.body = true;
      return proto.get!.call(req);
    },
  });
  return { req, seen };
};

describe('limit', () => {
  it('judges a body with a Content-Length by it, without opening the request as a stream', async () => {
    const { req, seen } = watched('x'.repeat(100));
    const res = await app.request(req);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('100');
    expect(seen.body).toBe(false);
  });

  it('refuses a Content-Length over the limit with 413 too-large', async () => {
    const { req } = watched('x'.repeat(101));
    const res = await app.request(req);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('too-large');
  });

  it('counts a body sent without a Content-Length (chunked) as it comes', async () => {
    const chunked = (n: number) =>
      new Request('http://x/', {
        method: 'POST',
        body: new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('y'.repeat(n)));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
    const over = await app.request(chunked(101));
    expect(over.status).toBe(413);
    expect(((await over.json()) as { code: string }).code).toBe('too-large');
    const under = await app.request(chunked(60));
    expect(under.status).toBe(200);
    expect(await under.text()).toBe('60');
  });
});
