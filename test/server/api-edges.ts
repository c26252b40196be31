/** The API's edges, part of api-suite.ts: CSRF, cookies, throttling, bad input, uploads, the bureau's views. */
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../src/app/report-scoring.ts';
import { ReportVersionSchema } from '../../src/app/store.ts';
import { Created, PublicRow, ReportRow, Saved, SessionAnswer } from '../../src/server/responses.ts';
import { startServer } from '../../src/server/start.ts';
import { Client, cleanDocument, freshYear, PASSWORD, reportIn, type Served } from './harness.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

export const edgeTests = (S: () => Served): void => {
  describe('security', () => {
    it('refuses a state-changing request without the CSRF token, with a wrong one, or from another origin', async () => {
      const r = await reportIn(S().db.store, S().org, 'draft');
      const c = S().clients.prepA;
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
      const garbled = await c.fetch('POST', `/api/reports/${r.id}/comments`, {
        json: { body: 'x' },
        headers: { origin: 'not a url' },
      });
      expect(garbled.status).toBe(403);
      expect((await c.fetch('POST', `/api/reports/${r.id}/comments`, { json: { body: 'x' } })).status).toBe(
        201,
      );
    });

    it('sets HttpOnly SameSite=Lax session cookies and signs out', async () => {
      const c = new Client(S().server.url);
      await c.fetch('GET', '/api/session');
      const res = await c.fetch('POST', '/api/session', {
        json: { username: S().org.users.revA.username, password: PASSWORD },
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
        store: S().db.store,
        port: 0,
        webDir: null,
        closeStore: false,
        loginLimit: 3,
      });
      try {
        const c = new Client(limited.url);
        for (let i = 0; i < 3; i++)
          expect(await c.login(S().org.users.revA.username, 'wrong-password')).toBe(401);
        const blocked = await c.fetch('POST', '/api/session', {
          json: { username: S().org.users.revA.username, password: PASSWORD },
        });
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await c.login(S().org.users.prepB.username)).toBe(200); // another account from the same IP still works
      } finally {
        await limited.close();
      }
      const log = await S().db.store.audit.list({
        targetType: 'user',
        targetId: S().org.users.revA.username,
      });
      expect(log.filter((e) => e.action === 'auth.login-failed').length).toBeGreaterThanOrEqual(3);
    });

    it('answers bad bodies with 400 and a Chinese message, unknown routes with 404, never a stack', async () => {
      const c = S().clients.prepA;
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

    it('answers version numbers beyond the column range with 400, on public routes too, never 500', async () => {
      const r = await reportIn(S().db.store, S().org, 'published');
      for (const v of ['2147483648', '99999999999999999999', '1e400', '-1', '1.5'])
        for (const [c, path] of [
          [S().clients.public, `/api/public/reports/${r.id}/versions/${v}`],
          [S().clients.public, `/api/public/reports/${r.id}/versions/${v}/render/html`],
          [S().clients.prepA, `/api/reports/${r.id}/versions/${v}`],
          [S().clients.prepA, `/api/reports/${r.id}/versions/${v}/score`],
        ] as const) {
          const res = await c.json<Json>('GET', path);
          expect(res.status, `${path}`).toBe(400);
          expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
        }
      const save = await S().clients.prepA.json<Json>('POST', `/api/reports/${r.id}/versions`, {
        expectedVersion: 2 ** 31,
        document: await cleanDocument(r.year),
      });
      expect(save.status).toBe(400);
      expect(
        (await S().clients.public.json('GET', `/api/public/reports/${r.id}/versions/2147483647`)).status,
      ).toBe(404);
    });
  });

  describe('uploads', () => {
    const upload = (name: string, bytes: Uint8Array | string, year = freshYear()) => {
      const form = new FormData();
      form.set('file', new File([bytes], name));
      form.set('year', String(year));
      form.set('reason', '测试：以示范文件代替');
      return S().clients.prepA.fetch('POST', '/api/reports/upload', { form });
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
      const res = await S().clients.prepA.fetch('POST', '/api/reports/upload', { form });
      expect(res.status).toBe(400);
    });
  });

  describe('a file naming another unit or year; 上传新版本', () => {
    const demo = async () => {
      const { readFileSync } = await import('node:fs');
      return readFileSync(new URL('../../src/app/demo/agriculture-2023.txt', import.meta.url), 'utf8');
    };
    /** The demo report as department A's own, for `year`. */
    const own = async (year: number) =>
      (await demo()).replaceAll('示范县', '测试县').replaceAll('2023', String(year));
    const post = async <T>(path: string, f: FormData): Promise<{ status: number; body: T }> => {
      const res = await S().clients.prepA.fetch('POST', path, { form: f });
      return { status: res.status, body: (await res.json()) as T };
    };
    const form = (text: string, fields: Record<string, string>) => {
      const f = new FormData();
      f.set('file', new File([text], '农业.txt'));
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };

    it('an import naming another unit and year is refused until a reason is given, kept in the history', async () => {
      const { prepA } = S().clients;
      const year = freshYear();
      const refused = await prepA.fetch('POST', '/api/reports/upload', {
        form: form(await demo(), { year: String(year) }),
      });
      expect(refused.status).toBe(409);
      const body = (await refused.json()) as Json & { mismatches: { field: string; inFile: string }[] };
      expect(body.code).toBe('identity-mismatch');
      expect(body.message).toContain('示范县农业农村局');
      expect(body.mismatches.map((m) => m.field).sort()).toEqual(['department', 'year']);
      expect((await prepA.json<unknown[]>('GET', `/api/reports?year=${year}`)).body).toEqual([]);

      const ok = await post<{ report: { id: string }; version: { summary: string } }>(
        '/api/reports/upload',
        form(await demo(), { year: String(year), reason: '上级转来的范本，先导入再改' }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.version.summary).toContain('确认理由：上级转来的范本');
      const history = await prepA.json<{ action: string; detail: { reason?: string } }[]>(
        'GET',
        `/api/reports/${ok.body.report.id}/history`,
      );
      const confirmed = history.body.find((e) => e.action === 'report.identity-confirmed');
      expect(confirmed?.detail.reason).toBe('上级转来的范本，先导入再改');

      // Importing again for the same year points at the report that exists.
      const again = await prepA.fetch('POST', '/api/reports/upload', {
        form: form(await own(year), { year: String(year) }),
      });
      expect(again.status).toBe(409);
      const exists = (await again.json()) as Json & { existingId?: string };
      expect(exists.code).toBe('report-exists');
      expect(exists.existingId).toBe(ok.body.report.id);
    });

    it('a file of the unit and year imports without a question', async () => {
      const year = freshYear();
      const res = await S().clients.prepA.fetch('POST', '/api/reports/upload', {
        form: form(await own(year), { year: String(year) }),
      });
      expect(res.status).toBe(201);
    });

    it('上传新版本: the preview saves nothing; the upload asks for a reason on a mismatch, then saves', async () => {
      const { prepA } = S().clients;
      const year = freshYear();
      const created = await post<{ report: { id: string } }>(
        '/api/reports/upload',
        form(await own(year), { year: String(year) }),
      );
      const id = created.body.report.id;
      const fixed = (await own(year)).replace('实有在职人员28人', '实有在职人员29人');
      const preview = await post<{
        document: { staffing: { inService: { value: number } } };
        mismatches: unknown[];
        currentVersion: number;
      }>(`/api/reports/${id}/versions/preview`, form(fixed, {}));
      expect(preview.status).toBe(200);
      expect(preview.body.document.staffing.inService.value).toBe(29);
      expect(preview.body.mismatches).toEqual([]);
      expect(preview.body.currentVersion).toBe(1);

      const saved = await post<{ version: { version: number; summary: string } }>(
        `/api/reports/${id}/versions/upload`,
        form(fixed, { expectedVersion: '1' }),
      );
      expect(saved.status).toBe(201);
      expect(saved.body.version).toMatchObject({ version: 2, summary: '上传新版本 农业.txt' });

      const other = fixed.replaceAll(String(year), String(year - 1));
      const asked = await post<{ mismatches: { field: string }[] }>(
        `/api/reports/${id}/versions/preview`,
        form(other, {}),
      );
      expect(asked.body.mismatches.map((m) => m.field)).toEqual(['year']);
      const refused = await prepA.fetch('POST', `/api/reports/${id}/versions/upload`, {
        form: form(other, { expectedVersion: '2' }),
      });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as Json).code).toBe('identity-mismatch');
      const stale = await prepA.fetch('POST', `/api/reports/${id}/versions/upload`, {
        form: form(other, { expectedVersion: '1', reason: '年度写错，内容是本年' }),
      });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as Json).code).toBe('version-conflict');
      const third = await post<{ version: { version: number; summary: string } }>(
        `/api/reports/${id}/versions/upload`,
        form(other, { expectedVersion: '2', reason: '年度写错，内容是本年' }),
      );
      expect(third.status).toBe(201);
      expect(third.body.version.version).toBe(3);
      expect(third.body.version.summary).toContain('确认理由：年度写错');
    });
  });

  describe('answer shapes (OpenAPI components)', () => {
    const keys = (o: object) => Object.keys(o).sort();
    it('real answers have exactly the keys the document describes', async () => {
      const year = freshYear();
      const created = await S().clients.prepA.json<Record<string, object>>('POST', '/api/reports', {
        document: await cleanDocument(year),
      });
      expect(keys(created.body)).toEqual(keys(Created.shape));
      expect(keys(created.body.version!)).toEqual(keys(ReportVersionSchema.shape));
      // A save answers with the new version's number and figures, not the document it was sent.
      const report = created.body.report as { id: string };
      const saved = await S().clients.prepA.json<Record<string, object>>(
        'POST',
        `/api/reports/${report.id}/versions`,
        { expectedVersion: 1, document: await cleanDocument(year) },
      );
      expect(saved.status).toBe(201);
      expect(keys(saved.body)).toEqual(keys(Saved.shape));
      expect(saved.body.version).toMatchObject({ version: 2 });
      expect(keys(saved.body.version!)).toEqual(keys(Saved.shape.version.shape));
      const rows = (await S().clients.prepA.json<object[]>('GET', '/api/reports')).body;
      expect(keys(rows[0]!)).toEqual(keys(ReportRow.shape));
      await reportIn(S().db.store, S().org, 'published');
      const pub = (await S().clients.public.json<object[]>('GET', '/api/public/reports')).body;
      expect(keys(pub[0]!)).toEqual(keys(PublicRow.shape));
      expect(keys((await S().clients.public.json<object>('GET', '/api/session')).body)).toEqual(
        keys(SessionAnswer.shape),
      );
    });
  });

  describe('frameworks', () => {
    it('a framework an admin adds scores new reports, which stay bound to that version', async () => {
      const base = scoreDocument(await cleanDocument(2023)).choice!.framework;
      const added = await S().clients.admin.json<{ id: string }>('POST', '/api/frameworks', {
        document: { ...base, id: 'test-county-framework', name: '测试县评价框架' },
      });
      expect(added.status).toBe(201);
      const year = freshYear();
      const created = await S().clients.prepA.json<{ report: { id: string; frameworkId: string | null } }>(
        'POST',
        '/api/reports',
        {
          document: await cleanDocument(year),
        },
      );
      expect(created.status).toBe(201);
      expect(created.body.report.frameworkId).toBe(added.body.id);
      const id = created.body.report.id;
      // A later version of the framework does not move the bound report.
      await S().clients.admin.json('POST', '/api/frameworks', {
        document: { ...base, id: 'test-county-framework', name: '测试县评价框架（修订）' },
      });
      const score = await S().clients.prepA.json<{ framework: { name: string } }>(
        'GET',
        `/api/reports/${id}/versions/1/score`,
      );
      expect(score.body.framework.name).toBe('测试县评价框架');
      // The editor is given the same framework for its live score.
      const given = await S().clients.prepA.json<{ frameworks: { name: string }[]; bound: boolean }>(
        'GET',
        `/api/reports/${id}/frameworks`,
      );
      expect(given.status).toBe(200);
      expect(given.body.frameworks.map((f) => f.name)).toEqual(['测试县评价框架']);
      expect(given.body.bound).toBe(true);
    });
  });

  describe('bureau', () => {
    it('dashboard: status counts, late departments, distribution, grades, findings, ranking, year over year', async () => {
      const store = S().db.store;
      await store.org.putFiscalYear(
        { jurisdictionId: S().org.county, year: 2023, deadline: '2024-04-30' },
        null,
      );
      const res = await S().clients.bureau.json<{
        statusCounts: Record<string, number>;
        late: { name: string }[];
        distribution: { count: number }[];
        ranking: { total: string }[];
        findingsByRule: unknown[];
        yearOverYear: { years: { year: number }[] };
      }>('GET', `/api/dashboard?jurisdictionId=${S().org.county}&year=2023`);
      expect(res.status).toBe(200);
      expect(res.body.late.map((d) => d.name)).toContain('测试县教育局');
      expect(Object.keys(res.body.statusCounts)).toHaveLength(6);
      expect(res.body.yearOverYear.years.map((y) => y.year)).toEqual([2022, 2023]);
    });

    it('draws a random sample for 抽查复核 among handed-in reports and records it', async () => {
      const year = freshYear();
      const handed = await reportIn(S().db.store, S().org, 'submitted', await cleanDocument(year), year);
      const draft = await S().db.store.reports.create(
        {
          departmentId: S().org.deptB,
          year,
          kind: 'department',
          document: await cleanDocument(year),
          figures: { statedTotal: null, computedTotal: null, grade: null },
        },
        null,
      );
      expect(draft.ok).toBe(true);
      const res = await S().clients.bureau.json<{
        drawn: { id: string }[];
        population: number;
        auditId: number;
      }>('POST', '/api/samples', {
        jurisdictionId: S().org.county,
        year,
        size: 100,
      });
      expect(res.status).toBe(201);
      expect(res.body.population).toBe(1);
      expect(res.body.drawn.map((r) => r.id)).toEqual([handed.id]);
      const log = await S().db.store.audit.list({ targetType: 'jurisdiction', targetId: S().org.county });
      expect(log.some((e) => e.id === res.body.auditId && e.action === 'review.sample-drawn')).toBe(true);
    });
  });

  it('anonymous open-data downloads add nothing to the audit log', async () => {
    const newest = async () => (await S().db.store.audit.list({ limit: 1 }))[0]?.id ?? 0;
    const before = await newest();
    for (const format of ['csv', 'json', 'csv'])
      expect((await S().clients.public.fetch('GET', `/api/public/open-data/${format}`)).status).toBe(200);
    expect(await newest()).toBe(before);
  });

  it('every change lands in the audit log', async () => {
    const r = await reportIn(S().db.store, S().org, 'draft');
    await S().clients.prepA.json('POST', `/api/reports/${r.id}/comments`, { body: '记录' });
    const log = await S().db.store.audit.list({ targetId: r.id });
    expect(log.length).toBeGreaterThanOrEqual(2);
  });
};
