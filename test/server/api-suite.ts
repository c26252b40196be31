/**
 * The API over real HTTP, run against both databases (api.pglite.test.ts, api.postgres.test.ts): the
 * authorization matrix, workflow paths, concurrent edits, CSRF, login throttling, bad uploads, open data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start.ts';
import { MATRIX } from './authorization-matrix.ts';
import {
  ACTORS,
  Client,
  cleanDocument,
  documentWithError,
  freshYear,
  PASSWORD,
  reportIn,
  type Served,
  serveForTest,
  stopServed,
} from './harness.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

export const apiSuite = (kind: 'pglite' | 'postgres'): void => {
  let s: Served;
  beforeAll(async () => {
    s = await serveForTest(kind);
  }, 60_000);
  afterAll(() => stopServed(s), 30_000);

  describe('authorization matrix', () => {
    for (const row of MATRIX)
      for (const actor of ACTORS)
        it(`${row.method} ${row.route}${row.on ? ` (${row.on})` : ''} as ${actor} → ${row.expect[actor]}`, async () => {
          const call = await row.call(s);
          const res = await s.clients[actor].fetch(row.method, call.path, {
            json: call.json,
            form: call.form,
          });
          const text = await res.text();
          expect(res.status, text.slice(0, 300)).toBe(row.expect[actor]);
          if (res.status >= 400) {
            const body = JSON.parse(text) as Json;
            expect(typeof body.code).toBe('string');
            expect(body.message).toMatch(/[\u4e00-\u9fff]/);
            expect(text).not.toMatch(/\bat .+\.ts:\d+/); // never a stack trace
          }
        });

    it('covers every route of the OpenAPI document', async () => {
      const doc = (
        await s.clients.public.json<{ paths: Record<string, Record<string, unknown>> }>(
          'GET',
          '/api/openapi.json',
        )
      ).body;
      const covered = new Set(MATRIX.map((r) => `${r.method.toLowerCase()} ${r.route}`));
      const skipped = new Set([
        'get /api/openapi.json',
        'post /api/session',
        'delete /api/session',
        'get /api/reports/{id}/versions/{version}',
        'get /api/public/jurisdictions',
        'get /api/public/reports/{id}/versions/{version}/render/{format}',
        'post /api/reports/{id}/versions/upload',
        'get /api/fiscal-years',
      ]);
      const missing = Object.entries(doc.paths).flatMap(([p, ms]) =>
        Object.keys(ms)
          .map((m) => `${m} ${p}`)
          .filter((k) => !covered.has(k) && !skipped.has(k)),
      );
      expect(missing).toEqual([]);
    });
  });

  describe('scope', () => {
    it("a department never sees another department's draft; the public never sees a draft", async () => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      const listed = async (c: Client) =>
        (await c.json<{ id: string }[]>('GET', '/api/reports')).body.map((x) => x.id);
      expect(await listed(s.clients.prepA)).toContain(r.id);
      expect(await listed(s.clients.bureau)).toContain(r.id);
      expect(await listed(s.clients.prepB)).not.toContain(r.id);
      expect(await listed(s.clients.bureauOther)).not.toContain(r.id);
      const pub = (await s.clients.public.json<{ reportId: string }[]>('GET', '/api/public/reports')).body;
      expect(pub.map((p) => p.reportId)).not.toContain(r.id);
    });
  });

  describe('workflow', () => {
    it('草稿 → 已提交 (errors explained) → 退回 → 草稿 → … → 已公开, then a correction keeps the old version public', async () => {
      const { prepA, revA, bureau, public: pub } = s.clients;
      const year = freshYear();
      const created = await prepA.json<{ report: { id: string }; version: { version: number } }>(
        'POST',
        '/api/reports',
        {
          document: await documentWithError(year),
        },
      );
      expect(created.status).toBe(201);
      const id = created.body.report.id;

      // Audit errors block the submission until each carries an explanation.
      const refused = await prepA.json<Json & { findings: { key: string }[] }>(
        'POST',
        `/api/reports/${id}/submit`,
        {},
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('unexplained-errors');
      const audit = await prepA.json<{ findings: { key: string; severity: string }[]; unexplained: number }>(
        'GET',
        `/api/reports/${id}/versions/1/audit`,
      );
      expect(audit.body.unexplained).toBeGreaterThan(0);
      for (const f of refused.body.findings) {
        const ex = await prepA.json('POST', `/api/reports/${id}/explanations`, {
          key: f.key,
          body: '收入预算含年中追加，已附批复',
        });
        expect(ex.status).toBe(201);
      }
      expect((await prepA.json('POST', `/api/reports/${id}/submit`, { from: 'draft' })).status).toBe(200);

      // A return needs a reason; the preparer's next save reopens the draft.
      expect((await revA.json('POST', `/api/reports/${id}/return`, { reason: ' ' })).status).toBe(400);
      expect(
        (await revA.json('POST', `/api/reports/${id}/return`, { reason: '收入数据请核对' })).status,
      ).toBe(200);
      const saved = await prepA.json<{ report: { status: string } }>('POST', `/api/reports/${id}/versions`, {
        expectedVersion: 1,
        document: await cleanDocument(year),
        summary: '改正收入预算',
      });
      expect(saved.status).toBe(201);
      expect(saved.body.report.status).toBe('draft');
      expect((await prepA.json('POST', `/api/reports/${id}/submit`, {})).status).toBe(200);
      expect((await revA.json('POST', `/api/reports/${id}/approve`, {})).status).toBe(200);

      // The bureau re-scores an indicator with a reason; the reviewed total follows.
      const score = await bureau.json<{
        total: string;
        reviewedTotal: string;
        indicators: { path: string; weight: string; children: unknown[] }[];
      }>('GET', `/api/reports/${id}/versions/2/score`);
      expect(score.status).toBe(200);
      const top = score.body.indicators[0]!;
      const r1 = await bureau.json('POST', `/api/reports/${id}/rescores`, {
        indicatorPath: top.path,
        score: '0',
        reason: '',
      });
      expect(r1.status).toBe(400);
      const leaf = (function first(n: { path: string; children: unknown[] }): { path: string } {
        return n.children.length ? first(n.children[0] as typeof n) : n;
      })(top);
      expect(
        (
          await bureau.json('POST', `/api/reports/${id}/rescores`, {
            indicatorPath: leaf.path,
            score: '0',
            reason: '佐证材料不足',
          })
        ).status,
      ).toBe(201);
      const after = await bureau.json<{ total: string; reviewedTotal: string }>(
        'GET',
        `/api/reports/${id}/versions/2/score`,
      );
      expect(after.body.reviewedTotal).not.toBe(after.body.total);

      expect((await bureau.json('POST', `/api/reports/${id}/approve`, {})).status).toBe(200);
      expect(
        (await bureau.json('POST', `/api/reports/${id}/publish`, { from: 'bureau-approved' })).status,
      ).toBe(200);
      expect((await pub.json('GET', `/api/public/reports/${id}/versions/2`)).status).toBe(200);
      expect((await pub.json('GET', `/api/public/reports/${id}/versions/1`)).status).toBe(404);

      // Correction: returned from 已公开, edited, through the workflow again, published as version 3.
      expect(
        (await bureau.json('POST', `/api/reports/${id}/return`, { reason: '公开后发现笔误，请更正' })).status,
      ).toBe(200);
      expect((await pub.json('GET', `/api/public/reports/${id}/versions/2`)).status).toBe(200);
      const doc3 = await cleanDocument(year);
      expect(
        (
          await prepA.json('POST', `/api/reports/${id}/versions`, {
            expectedVersion: 2,
            document: doc3,
            summary: '更正笔误',
          })
        ).status,
      ).toBe(201);
      for (const [c, step] of [
        [prepA, 'submit'],
        [revA, 'approve'],
        [bureau, 'approve'],
        [bureau, 'publish'],
      ] as const)
        expect((await c.json('POST', `/api/reports/${id}/${step}`, {})).status, step).toBe(200);
      const rows = (
        await pub.json<{ reportId: string; version: number; latest: boolean }[]>(
          'GET',
          `/api/public/reports?year=${year}`,
        )
      ).body.filter((r) => r.reportId === id);
      expect(rows.map((r) => [r.version, r.latest])).toEqual([
        [3, true],
        [2, false],
      ]);
      const old = await pub.fetch('GET', `/api/public/reports/${id}/versions/2/render/html`);
      expect(old.status).toBe(200);
      expect(old.headers.get('content-disposition')).toMatch(/attachment/);
      const csv = await (await pub.fetch('GET', `/api/public/open-data/csv?year=${year}`)).text();
      expect(csv.split('\r\n')[0]).toContain('单位');
      expect(csv.split('\r\n').filter((l) => l.includes(id))).toHaveLength(2);
      const detail = await prepA.json<{ comments: { kind: string }[]; versions: unknown[] }>(
        'GET',
        `/api/reports/${id}`,
      );
      expect(detail.body.versions).toHaveLength(3);
      expect(detail.body.comments.filter((c) => c.kind === 'return-reason')).toHaveLength(2);
    });

    it('a status that moved meanwhile is a 409', async () => {
      const r = await reportIn(s.db.store, s.org, 'submitted');
      const res = await s.clients.prepA.json('POST', `/api/reports/${r.id}/submit`, { from: 'draft' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('status-conflict');
    });
  });

  describe('concurrent edits', () => {
    it('two saves from the same version: one wins, the other gets 409 with the newer version', async () => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      const doc = await cleanDocument(r.year);
      const save = (summary: string) =>
        s.clients.prepA.json<Json & { current?: { version: number; summary: string } }>(
          'POST',
          `/api/reports/${r.id}/versions`,
          {
            expectedVersion: 1,
            document: doc,
            summary,
          },
        );
      const results = await Promise.all([save('甲'), save('乙'), save('丙')]);
      const statuses = results.map((x) => x.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
      for (const lost of results.filter((x) => x.status === 409)) {
        expect(lost.body.code).toBe('version-conflict');
        expect(lost.body.current?.version).toBe(2);
      }
    });
  });

  describe('security', () => {
    it('refuses a state-changing request without the CSRF token, with a wrong one, or from another origin', async () => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      const c = s.clients.prepA;
      const none = await c.fetch('POST', `/api/reports/${r.id}/comments`, {
        json: { body: 'x' },
        csrf: false,
      });
      expect(none.status).toBe(403);
      expect(((await none.json()) as Json).code).toBe('csrf');
      const wrong = await c.fetch('POST', `/api/reports/${r.id}/comments`, {
        json: { body: 'x' },
        headers: { 'x-csrf-token': 'A'.repeat(32) },
        csrf: false,
      });
      expect(wrong.status).toBe(403);
      const cross = await c.fetch('POST', `/api/reports/${r.id}/comments`, {
        json: { body: 'x' },
        headers: { origin: 'https://evil.example' },
      });
      expect(cross.status).toBe(403);
      expect((await c.fetch('POST', `/api/reports/${r.id}/comments`, { json: { body: 'x' } })).status).toBe(
        201,
      );
    });

    it('sets HttpOnly SameSite=Lax session cookies and signs out', async () => {
      const c = new Client(s.server.url);
      await c.fetch('GET', '/api/session');
      const res = await c.fetch('POST', '/api/session', {
        json: { username: s.org.users.revA.username, password: PASSWORD },
      });
      const cookie = res.headers.getSetCookie().find((l) => l.startsWith('jixiao_session='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect((await c.json('GET', '/api/reports')).status).toBe(200);
      expect((await c.json('DELETE', '/api/session')).status).toBe(200);
      expect((await c.json('GET', '/api/reports')).status).toBe(401);
    });

    it('throttles failed logins per IP and username (429 with Retry-After), and logs them', async () => {
      const limited = await startServer({
        store: s.db.store,
        port: 0,
        webDir: null,
        closeStore: false,
        loginLimit: 3,
      });
      try {
        const c = new Client(limited.url);
        for (let i = 0; i < 3; i++)
          expect(await c.login(s.org.users.revA.username, 'wrong-password')).toBe(401);
        const blocked = await c.fetch('POST', '/api/session', {
          json: { username: s.org.users.revA.username, password: PASSWORD },
        });
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await c.login(s.org.users.prepB.username)).toBe(200); // another account from the same IP still works
      } finally {
        await limited.close();
      }
      const log = await s.db.store.audit.list({ targetType: 'user', targetId: s.org.users.revA.username });
      expect(log.filter((e) => e.action === 'auth.login-failed').length).toBeGreaterThanOrEqual(3);
    });

    it('answers bad bodies with 400 and a Chinese message, unknown routes with 404, never a stack', async () => {
      const c = s.clients.prepA;
      const bad = await c.fetch('POST', '/api/reports', { json: { document: { kind: 'department' } } });
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as Json;
      expect(body.code).toBe('invalid');
      expect(body.message).toMatch(/^请求不正确/);
      const malformed = await c.fetch('POST', '/api/reports', {
        headers: { 'content-type': 'application/json' },
        json: undefined,
      });
      expect(malformed.status).toBe(400);
      expect((await c.json('GET', '/api/nothing-here')).status).toBe(404);
      expect((await c.json('GET', '/api/reports/not-a-uuid')).status).toBe(400);
    });
  });

  describe('uploads', () => {
    const upload = (name: string, bytes: Uint8Array | string, year = freshYear()) => {
      const form = new FormData();
      form.set('file', new File([bytes], name));
      form.set('year', String(year));
      return s.clients.prepA.fetch('POST', '/api/reports/upload', { form });
    };

    it('a readable file becomes a draft with the reader’s warnings', async () => {
      const { readFileSync } = await import('node:fs');
      const res = await upload(
        '农业.txt',
        readFileSync(new URL('../../src/app/demo/environment-2023.txt', import.meta.url)),
      );
      expect(res.status).toBe(201);
      const body = (await res.json()) as { report: { status: string }; warnings: unknown[] };
      expect(body.report.status).toBe('draft');
      expect(Array.isArray(body.warnings)).toBe(true);
    });

    it.each([
      ['report.pdf', '%PDF-1.4 …', 'bad-upload', 422],
      ['report.exe', 'MZ', 'bad-upload', 422],
      ['empty.txt', '', 'bad-upload', 422],
      ['noise.docx', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 7, 9]), 'bad-upload', 422],
      ['fake.json', '{"kind":"department"', 'bad-upload', 422],
    ] as const)('%s is refused with a clear reason', async (name, bytes, code, status) => {
      const res = await upload(name, bytes);
      expect(res.status).toBe(status);
      const body = (await res.json()) as Json;
      expect(body.code).toBe(code);
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('a file over the size limit is refused with 413 before it is read', async () => {
      const res = await upload('big.txt', new Uint8Array(22 * 1024 * 1024));
      expect(res.status).toBe(413);
      expect(((await res.json()) as Json).code).toBe('too-large');
    });

    it('no file is a 400', async () => {
      const form = new FormData();
      form.set('year', '2023');
      const res = await s.clients.prepA.fetch('POST', '/api/reports/upload', { form });
      expect(res.status).toBe(400);
    });
  });

  describe('bureau', () => {
    it('dashboard: status counts, late departments, distribution, grades, findings, ranking, year over year', async () => {
      const store = s.db.store;
      await store.org.putFiscalYear(
        { jurisdictionId: s.org.county, year: 2023, deadline: '2024-04-30' },
        null,
      );
      const res = await s.clients.bureau.json<{
        statusCounts: Record<string, number>;
        late: { name: string }[];
        distribution: { count: number }[];
        ranking: { total: string }[];
        findingsByRule: unknown[];
        yearOverYear: { years: { year: number }[] };
      }>('GET', `/api/dashboard?jurisdictionId=${s.org.county}&year=2023`);
      expect(res.status).toBe(200);
      expect(res.body.late.map((d) => d.name)).toContain('测试县教育局');
      expect(Object.keys(res.body.statusCounts)).toHaveLength(6);
      expect(res.body.yearOverYear.years.map((y) => y.year)).toEqual([2022, 2023]);
    });

    it('draws a random sample for 抽查复核 among handed-in reports and records it', async () => {
      const year = freshYear();
      const handed = await reportIn(s.db.store, s.org, 'submitted', await cleanDocument(year), year);
      const draft = await s.db.store.reports.create(
        {
          departmentId: s.org.deptB,
          year,
          kind: 'department',
          document: await cleanDocument(year),
          figures: { statedTotal: null, computedTotal: null, grade: null },
        },
        null,
      );
      expect(draft.ok).toBe(true);
      const res = await s.clients.bureau.json<{
        drawn: { id: string }[];
        population: number;
        auditId: number;
      }>('POST', '/api/samples', {
        jurisdictionId: s.org.county,
        year,
        size: 100,
      });
      expect(res.status).toBe(201);
      expect(res.body.population).toBe(1);
      expect(res.body.drawn.map((r) => r.id)).toEqual([handed.id]);
      const log = await s.db.store.audit.list({ targetType: 'jurisdiction', targetId: s.org.county });
      expect(log.some((e) => e.id === res.body.auditId && e.action === 'review.sample-drawn')).toBe(true);
    });
  });

  it('every change lands in the audit log', async () => {
    const r = await reportIn(s.db.store, s.org, 'draft');
    await s.clients.prepA.json('POST', `/api/reports/${r.id}/comments`, { body: '记录' });
    const log = await s.db.store.audit.list({ targetId: r.id });
    expect(log.length).toBeGreaterThanOrEqual(2);
  });
};
