/**
 * The headers of the server's answers (src/server/headers.ts): the security headers, the same set as
 * hono's secureHeaders, on every answer; `no-store` on the API's; and a read of a version, answered
 * whole as bytes, with all of them, the content type and its exact Content-Length, over real HTTP.
 */
import http from 'node:http';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { isComplete, SECURITY_HEADERS } from '../../src/server/headers.ts';
import { cleanDocument, reportIn, type Served, serveForTest, stopServed } from './harness.ts';

const expectSecurityHeaders = (res: Response) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.get('x-powered-by')).toBeNull();
};

describe('answer headers', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveForTest('pglite');
  }, 120_000);
  afterAll(() => stopServed(s));

  it('come over a kept-alive connection that stays open past Node’s 5 s default', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.get(`${s.server.url}/api/openapi.json`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 6_000));
      // Closed by the server at 5 s, the connection would be gone and a new one opened.
      expect(await get()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);

  it("are hono's secureHeaders, Cross-Origin-Embedder-Policy off", async () => {
    const res = await new Hono()
      .use(secureHeaders({ crossOriginEmbedderPolicy: false }))
      .get('/', (c) => c.body(null, 204))
      .request('/');
    expect(Object.fromEntries(res.headers)).toEqual(SECURITY_HEADERS);
  });

  it('of a read of a version: complete, with the exact Content-Length, the document as stored', async () => {
    const doc = await cleanDocument(2023);
    const r = await reportIn(s.db.store, s.org, 'draft', doc);
    const res = await s.clients.prepA.fetch('GET', `/api/reports/${r.id}/versions/1`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    const body = JSON.parse(bytes.toString('utf8')) as { version: number; document: unknown };
    expect(body.version).toBe(1);
    expect(body.document).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('of a read: the answer the route made is the one sent (no middleware made it again)', async () => {
    const r = await reportIn(s.db.store, s.org, 'draft');
    const app = createApp({ store: s.db.store, webDir: null });
    const cookie = [...s.clients.prepA.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.request(`/api/reports/${r.id}/versions/1`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(isComplete(res)).toBe(true);
    expectSecurityHeaders(res);
  });

  it('of other answers: the API with no-store, the web app, a refusal', async () => {
    const session = await s.clients.prepA.fetch('GET', '/api/session');
    expect(session.status).toBe(200);
    expectSecurityHeaders(session);
    expect(session.headers.get('cache-control')).toBe('no-store');
    const refused = await s.clients.public.fetch('GET', '/api/reports');
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const web = await s.clients.public.fetch('GET', '/');
    expectSecurityHeaders(web);
    expect(web.headers.get('cache-control')).not.toBe('no-store');
  });
});
