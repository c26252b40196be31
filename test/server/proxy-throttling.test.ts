/**
 * Behind a reverse proxy (issue #15, item 5): every connection comes from the proxy, so throttling must
 * key on the client the trusted proxy names. Failed logins lock one (user, client) pair, never the right
 * password from another client; the public routes are limited per client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../../src/server/client-address.ts';
import { type Running, startServer } from '../../src/server/start.ts';
import { Client, makeOrg, type Org, openTestDb, PASSWORD, type TestDb } from './harness.ts';

const trusted = parseTrustedProxies('127.0.0.1, ::1');
if (!trusted.ok) throw new Error(trusted.message);

describe('behind a trusted proxy', () => {
  let db: TestDb;
  let org: Org;
  let server: Running;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    org = await makeOrg(db.store);
    server = await startServer({
      store: db.store,
      port: 0,
      webDir: null,
      closeStore: false,
      loginLimit: 3,
      publicLimit: 5,
      trustProxy: trusted.value,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await db?.store.close();
  });

  const login = async (c: Client, from: string, username: string, password: string) =>
    (
      await c.fetch('POST', '/api/session', {
        json: { username, password },
        headers: { 'x-forwarded-for': from },
      })
    ).status;

  it("one client's wrong passwords lock that client out, never the right password from another client", async () => {
    const user = org.users.revA.username;
    const attacker = new Client(server.url);
    for (let i = 0; i < 3; i++)
      expect(await login(attacker, '203.0.113.1', user, 'wrong-password')).toBe(401);
    expect(await login(attacker, '203.0.113.1', user, PASSWORD)).toBe(429);
    // Spoofing an address in front of what the proxy appended does not make a new client.
    expect(await login(attacker, '198.51.100.99, 203.0.113.1', user, PASSWORD)).toBe(429);
    // The owner, elsewhere, through the same proxy.
    expect(await login(new Client(server.url), '203.0.113.2', user, PASSWORD)).toBe(200);
    // Many failing clients still leave the right one in.
    for (let k = 10; k < 30; k++)
      expect(await login(new Client(server.url), `198.51.100.${k}`, user, 'wrong-password')).toBe(401);
    expect(await login(new Client(server.url), '203.0.113.3', user, PASSWORD)).toBe(200);
  });

  it('limits the public routes per client (429 with Retry-After), other clients unaffected', async () => {
    const get = (from: string) =>
      fetch(`${server.url}/api/public/meta`, { headers: { 'x-forwarded-for': from } });
    for (let i = 0; i < 5; i++) expect((await get('203.0.113.50')).status).toBe(200);
    const over = await get('203.0.113.50');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as { message: string }).message).toMatch(/^请求过于频繁/);
    expect((await get('203.0.113.51')).status).toBe(200);
  });
});

describe('without --trust-proxy', () => {
  it('believes no X-Forwarded-For: a client cannot dodge the lock-out by sending one', async () => {
    const db = await openTestDb('pglite');
    const org = await makeOrg(db.store);
    const server = await startServer({
      store: db.store,
      port: 0,
      webDir: null,
      closeStore: false,
      loginLimit: 3,
    });
    try {
      const c = new Client(server.url);
      const user = org.users.revA.username;
      for (let i = 0; i < 3; i++) {
        const res = await c.fetch('POST', '/api/session', {
          json: { username: user, password: 'wrong-password' },
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
        expect(res.status).toBe(401);
      }
      const again = await c.fetch('POST', '/api/session', {
        json: { username: user, password: PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.200' },
      });
      expect(again.status).toBe(429);
    } finally {
      await server.close();
      await db.store.close();
    }
  });
});
