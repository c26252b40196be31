/**
 * The API over real HTTP, run against both databases (api.pglite.test.ts, api.postgres.test.ts): the
 * authorization matrix, workflow paths, concurrent edits, CSRF, login throttling, bad uploads, open data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/app/report-scoring.ts';
import { createApp } from '../../src/server/app.ts';
import { REPORT_TRANSITIONS, TARGET_TRANSITIONS } from '../../src/server/routes/transitions.ts';
import { accountTests } from './accounts-api.ts';
import { bureauTests } from './api-bureau.ts';
import { edgeTests } from './api-edges.ts';
import { attachmentTests } from './attachments-api.ts';
import { leafPath, MATRIX } from './authorization-matrix.ts';
import {
  ACTORS,
  Client,
  cleanDocument,
  documentWithError,
  freshYear,
  reportIn,
  type Served,
  serveForTest,
  stopServed,
} from './harness.ts';
import { readTests } from './read-api.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

export const apiSuite = (kind: 'pglite' | 'postgres'): void => {
  let s: Served;
  beforeAll(async () => {
    s = await serveForTest(kind);
  }, 60_000);
  afterAll(() => stopServed(s), 30_000);

  describe('authorization matrix', () => {
    for (const row of MATRIX.filter((r) => !r.only || r.only === kind))
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

    it('covers every route the app serves', () => {
      // Enumerated from the app itself: a new route without a row here fails.
      const app = createApp({ store: s.db.store, webDir: null });
      const served = app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
      const covered = new Set(MATRIX.map((r) => `${r.method.toLowerCase()} ${r.route}`));
      const skipped = new Set([
        'get /api/openapi.json',
        'post /api/session',
        'delete /api/session',
        'get /api/reports/{id}/versions/{version}',
        'get /api/public/jurisdictions',
        'get /api/public/reports/{id}/versions/{version}/render/{format}',
        'get /api/fiscal-years',
      ]);
      expect(served.length).toBeGreaterThan(50);
      expect([...new Set(served)].filter((k) => !covered.has(k) && !skipped.has(k))).toEqual([]);
    });

    it('tries every workflow transition from a status it leaves', () => {
      const tables = [
        ['/api/reports', REPORT_TRANSITIONS],
        ['/api/targets', TARGET_TRANSITIONS],
      ] as const;
      const untried = tables.flatMap(([prefix, rows]) =>
        rows
          .filter(
            (t) => !MATRIX.some((r) => r.route === `${prefix}/{id}/${t.path}` && t.from.includes(r.on ?? '')),
          )
          .map((t) => `${prefix}/{id}/${t.path}`),
      );
      expect(untried).toEqual([]);
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
      const asked = await s.clients.bureauOther.json<unknown[]>(
        'GET',
        `/api/reports?jurisdictionId=${s.org.county}`,
      );
      expect(asked.body).toEqual([]);
      const own = await s.clients.bureau.json<{ id: string }[]>(
        'GET',
        `/api/reports?jurisdictionId=${s.org.county}`,
      );
      expect(own.body.map((x) => x.id)).toContain(r.id);
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
      // Named as users file them: 单位-年度-报告类型-v2.html.
      expect(decodeURIComponent(old.headers.get('content-disposition') ?? '')).toMatch(
        new RegExp(
          `attachment;.*filename\\*=UTF-8''[^-]+-${year}-(部门整体支出绩效自评报告|项目支出绩效自评表)-v2\\.html`,
        ),
      );
      const csv = await (await pub.fetch('GET', `/api/public/open-data/csv?year=${year}`)).text();
      expect(csv.split('\r\n')[0]).toContain('单位');
      expect(csv.split('\r\n').filter((l) => l.includes(id))).toHaveLength(2);
      const detail = await prepA.json<{ comments: { kind: string }[]; versions: unknown[] }>(
        'GET',
        `/api/reports/${id}`,
      );
      expect(detail.body.versions).toHaveLength(3);
      expect(detail.body.comments.filter((c) => c.kind === 'return-reason')).toHaveLength(2);
      const history = (
        await revA.json<{ action: string; actorName: string | null }[]>('GET', `/api/reports/${id}/history`)
      ).body;
      expect(history.filter((h) => h.action === 'report.save-version')).toHaveLength(2);
      expect(history.some((h) => h.actorName === s.org.users.revA.username)).toBe(true);
    });

    it('a status that moved meanwhile is a 409', async () => {
      const r = await reportIn(s.db.store, s.org, 'submitted');
      const res = await s.clients.prepA.json('POST', `/api/reports/${r.id}/submit`, { from: 'draft' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('status-conflict');
    });
  });

  describe('to-do counts', () => {
    it('待我审核 for each reviewer, 被退回 for the clerk, days to the deadline (inherited from above)', async () => {
      const y1 = freshYear();
      const y2 = freshYear();
      await reportIn(s.db.store, s.org, 'submitted', undefined, y1);
      await reportIn(s.db.store, s.org, 'returned', undefined, y2);
      const todo = async (who: 'prepA' | 'revA' | 'bureau', year: number) =>
        (
          await s.clients[who].json<{
            toReview: number;
            returned: number;
            drafts: number;
            deadline: string | null;
            daysLeft: number | null;
          }>('GET', `/api/todo?year=${year}`)
        ).body;
      expect(await todo('revA', y1)).toMatchObject({ toReview: 1, returned: 0 });
      expect(await todo('bureau', y1)).toMatchObject({ toReview: 0 });
      expect(await todo('prepA', y2)).toMatchObject({ returned: 1, toReview: 0, drafts: 0 });
      // The county set no deadline for y2: the province's holds for it.
      const province = (await s.db.store.org.getJurisdiction(
        (await s.db.store.org.getJurisdiction(s.org.county))!.parentId!,
      ))!.parentId!;
      await s.db.store.org.putFiscalYear(
        { jurisdictionId: province, year: y2, deadline: '2100-01-01' },
        null,
      );
      const t = await todo('prepA', y2);
      expect(t.deadline).toBe('2100-01-01');
      expect(t.daysLeft).toBeGreaterThan(0);
      expect((await todo('revA', y1)).deadline).toBeNull();
    });
  });

  describe('online backup', () => {
    it.runIf(kind === 'pglite')('the admin downloads a backup that restores to the same data', async () => {
      const res = await s.clients.admin.fetch('GET', '/api/admin/backup');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('content-disposition')).toMatch(/jixiao-backup-\d{8}-\d{4}\.tar\.gz/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      const { PGlite } = await import('@electric-sql/pglite');
      const { embeddedStore } = await import('../../src/store/pglite.ts');
      const pg = await PGlite.create({ loadDataDir: new Blob([bytes]) });
      const restored = await embeddedStore(pg, null, () => {});
      try {
        expect((await restored.org.getDepartment(s.org.deptA))?.name).toBe('测试县农业农村局');
      } finally {
        await restored.close();
      }
    });
  });

  describe('passwords while running', () => {
    it('reset by the admin: a one-time password, a new one required before anything else', async () => {
      const { admin } = s.clients;
      const username = `clerk${Date.now().toString(36)}`;
      const weak = await admin.json('POST', '/api/users', {
        username,
        displayName: '新填报员',
        password: 'password123',
        role: 'preparer',
        departmentId: s.org.deptB,
      });
      expect(weak.status).toBe(422);
      expect(weak.body.code).toBe('weak-password');
      const lookalike = await admin.json('POST', '/api/users', {
        username: '\u0430dmin-t',
        displayName: '仿冒',
        password: 'Strong-enough-2024',
        role: 'preparer',
        departmentId: s.org.deptB,
      });
      expect(lookalike.status).toBe(400);
      expect(lookalike.body.message).toMatch(/用户名只能使用英文字母/);
      const made = await admin.json<{ id: string }>('POST', '/api/users', {
        username,
        displayName: '新填报员',
        password: 'Strong-enough-2024',
        role: 'preparer',
        departmentId: s.org.deptB,
      });
      expect(made.status).toBe(201);
      const clerk = new Client(s.server.url);
      expect(await clerk.login(username, 'Strong-enough-2024')).toBe(200);
      const reset = await admin.json<{ password: string; user: { mustChangePassword: boolean } }>(
        'POST',
        `/api/users/${made.body.id}/reset-password`,
      );
      expect(reset.status).toBe(200);
      expect(reset.body.user.mustChangePassword).toBe(true);
      // The old session ended with the reset; the old password no longer works.
      expect((await clerk.json('GET', '/api/reports')).status).toBe(401);
      expect(await clerk.login(username, 'Strong-enough-2024')).toBe(401);
      expect(await clerk.login(username, reset.body.password)).toBe(200);
      const blocked = await clerk.json('GET', '/api/reports');
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('password-change-required');
      const change = (current: string, next: string) =>
        clerk.json<{ user: { mustChangePassword: boolean } }>('PUT', '/api/session/password', {
          current,
          next,
        });
      expect((await change('wrong-password-1', 'Brand-New-2024')).status).toBe(403);
      expect((await change(reset.body.password, 'aaaaaaaaaaaa')).status).toBe(422);
      const changed = await change(reset.body.password, 'Brand-New-2024');
      expect(changed.status).toBe(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      // Still signed in (a fresh session), and free to work.
      expect((await clerk.json('GET', '/api/reports')).status).toBe(200);
      expect(await new Client(s.server.url).login(username, 'Brand-New-2024')).toBe(200);
    });
  });

  describe('the reviewed score where it belongs', () => {
    it('public list, open data, the bureau list and the ranking carry the 审核得分 beside the self-score', async () => {
      const { bureau, prepA } = s.clients;
      const pub = s.clients.public;
      const r = await reportIn(s.db.store, s.org, 'dept-approved', undefined, freshYear());
      // Another department's draft of the same year: never in the ranking.
      const doc = await cleanDocument(r.year);
      const created = await s.db.store.reports.create(
        {
          departmentId: s.org.deptB,
          year: r.year,
          kind: 'department',
          document: doc,
          figures: figuresOf(doc),
        },
        s.org.users.prepB.id,
      );
      if (!created.ok) throw new Error(created.message);
      const draft = created.value.report;
      const row = async () =>
        (
          await bureau.json<{ id: string; reviewedTotal: string | null; computedTotal: string }[]>(
            'GET',
            `/api/reports?year=${r.year}`,
          )
        ).body.find((x) => x.id === r.id)!;
      expect((await row()).reviewedTotal).toBeNull();
      const rescore = await bureau.json('POST', `/api/reports/${r.id}/rescores`, {
        indicatorPath: await leafPath(),
        score: '0',
        reason: '佐证材料不足',
      });
      expect(rescore.status).toBe(201);
      const under = await row();
      expect(under.reviewedTotal).not.toBeNull();
      expect(Number(under.reviewedTotal)).toBeLessThan(Number(under.computedTotal));
      // The department sees the bureau's score too, once it exists.
      const own = (
        await prepA.json<{ id: string; reviewedTotal: string | null }[]>('GET', `/api/reports?year=${r.year}`)
      ).body.find((x) => x.id === r.id)!;
      expect(own.reviewedTotal).toBe(under.reviewedTotal);
      for (const step of ['approve', 'publish'])
        expect((await bureau.json('POST', `/api/reports/${r.id}/${step}`, {})).status, step).toBe(200);
      const listed = (
        await pub.json<
          { reportId: string; reviewedTotal: string; computedTotal: string; jurisdictionName: string }[]
        >('GET', `/api/public/reports?year=${r.year}`)
      ).body.find((x) => x.reportId === r.id)!;
      expect(listed.reviewedTotal).toBe(under.reviewedTotal);
      expect(listed.jurisdictionName).toBe('测试县');
      const csv = await (await pub.fetch('GET', `/api/public/open-data/csv?year=${r.year}`)).text();
      const [head, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
      const cols = head!.split(',');
      for (const c of ['地区', '单位编码', '审核得分', '审核等级', '公开时间（北京时间）'])
        expect(cols).toContain(c);
      const line = lines.find((l) => l.includes(r.id))!.split(',');
      expect(line[cols.indexOf('审核得分')]).toBe(under.reviewedTotal);
      expect(line[cols.indexOf('地区')]).toBe('测试县');
      expect(line[cols.indexOf('公开时间（北京时间）')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      // The ranking: reports past submission only, 部门整体 and 项目 apart, with the reviewed score.
      const dash = (
        await bureau.json<{
          ranking: { reportId: string; kind: string; status: string; reviewedTotal: string | null }[];
          projectRanking: { kind: string }[];
        }>('GET', `/api/dashboard?jurisdictionId=${s.org.county}&year=${r.year}`)
      ).body;
      expect(dash.ranking.find((x) => x.reportId === r.id)?.reviewedTotal).toBe(under.reviewedTotal);
      expect(dash.ranking.some((x) => x.reportId === draft.id)).toBe(false);
      expect(dash.ranking.every((x) => x.kind === 'department' && x.status !== 'draft')).toBe(true);
      expect(dash.projectRanking.every((x) => x.kind === 'project')).toBe(true);
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

  describe('saving', () => {
    it('a document sent with whitespace and number forms of its own is stored as the same document; an unknown key is dropped', async () => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      const doc = await cleanDocument(r.year);
      const path = `/api/reports/${r.id}/versions`;
      const written = `{ "summary" : "排版",\n  "document":\n${JSON.stringify(doc, null, 2).replace(/": (\d+)([,\n])/g, '": $1.0$2')} ,"expectedVersion": 1 }`;
      expect(written).toMatch(/": \d+\.0[,\n]/);
      const saved = await s.clients.prepA.fetch('POST', path, { jsonText: written });
      expect(saved.status).toBe(201);
      const read = async (v: number) =>
        (await s.clients.prepA.json<{ document: unknown }>('GET', `${path}/${v}`)).body.document;
      expect(await read(2)).toEqual(doc);
      // Stored as sent, not parsed and stringified again: the numbers keep their written form.
      const stored = await (await s.clients.prepA.fetch('GET', `${path}/2`)).text();
      expect(stored).toMatch(/":\s?\d+\.0[,}]/);
      const withExtra = { ...doc, meta: { ...doc.meta, mine: '多余' }, extra: 1 };
      const again = await s.clients.prepA.json('POST', path, { expectedVersion: 2, document: withExtra });
      expect(again.status).toBe(201);
      expect(await read(3)).toEqual(doc);
    });
  });

  edgeTests(() => s);
  bureauTests(() => s);
  attachmentTests(() => s);
  accountTests(() => s);
  readTests(() => s);
};
