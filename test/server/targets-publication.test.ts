/**
 * Target tables over the API (PGlite), beyond declaring and grading: the review chain as data ([财政] or
 * [主管部门, 财政]) with the 主管部门 passing on or returning; publishing the approved version to the
 * portal and open data; and the dashboard's count of reports whose targets differ from the approved ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/app/passwords.ts';
import { sampleProjectTable } from '../../src/core/targets/sample-tables.ts';
import {
  Client,
  cleanDocument,
  freshYear,
  PASSWORD,
  type Served,
  serveForTest,
  stopServed,
} from './harness.ts';
import { approvedAboveReport, declareTable, submitTable, type TableRow } from './target-steps.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

describe('target review chains, publication and the dashboard (PGlite)', () => {
  let s: Served;
  /** The preparer of 测试县农技推广站, whose 主管部门 is 测试县农业农村局 (department A). */
  let unitPrep: Client;
  beforeAll(async () => {
    s = await serveForTest('pglite');
    const unit = await s.db.store.org.createDepartment(
      { name: '测试县农技推广站', jurisdictionId: s.org.county, supervisorId: s.org.deptA },
      null,
    );
    if (!unit.ok) throw new Error(unit.message);
    const user = await s.db.store.users.createUser(
      {
        username: 'prep-unit',
        displayName: '农技站填报员',
        passwordHash: await hashPassword(PASSWORD),
        role: 'preparer',
        departmentId: unit.value.id,
      },
      null,
    );
    if (!user.ok) throw new Error(user.message);
    unitPrep = new Client(s.server.url);
    expect(await unitPrep.login('prep-unit')).toBe(200);
  }, 60_000);
  afterAll(() => stopServed(s), 30_000);

  it('[财政] (the default): a subordinate unit goes straight to the bureau; its 主管部门 sees it, cannot act', async () => {
    const year = freshYear();
    const id = await declareTable(unitPrep, year);
    expect(await submitTable(unitPrep, id)).toMatchObject({ status: 'submitted', reviewStep: 'finance' });
    const listed = await s.clients.revA.json<(TableRow & { supervised: boolean })[]>(
      'GET',
      `/api/targets?year=${year}`,
    );
    expect(listed.body.map((t) => [t.id, t.supervised])).toEqual([[id, true]]);
    const early = await s.clients.revA.json<Json>('POST', `/api/targets/${id}/supervisor-review`, {
      version: 1,
      outcome: 'pass',
    });
    expect(early).toMatchObject({ status: 403, body: { code: 'bad-transition' } });
    const graded = await s.clients.bureau.json<{ table: TableRow }>('POST', `/api/targets/${id}/review`, {
      version: 1,
      grade: '优',
    });
    expect(graded.body.table).toMatchObject({ status: 'approved', approvedVersion: 1 });
    expect((await s.clients.prepB.json('GET', `/api/targets/${id}`)).status).toBe(404);
  });

  it('[主管部门, 财政]: the 主管部门 returns with reasons, then passes on; the bureau grades last', async () => {
    const bureau = s.clients.bureau;
    const chain = await bureau.json<{ inForce: { chain: { key: string } } }>(
      'GET',
      '/api/targets/review-chain',
    );
    expect(chain.body.inForce.chain.key).toBe('finance');
    expect((await s.clients.prepA.json('PUT', '/api/targets/review-chain', { chain: 'x' })).status).toBe(403);
    expect((await bureau.json('PUT', '/api/targets/review-chain', { chain: 'nope' })).status).toBe(400);
    expect(
      (await bureau.json('PUT', '/api/targets/review-chain', { chain: 'supervisor-finance' })).status,
    ).toBe(200);
    const now = await s.clients.admin.json<{ inForce: { chain: { key: string }; chosenBy: string } }>(
      'GET',
      `/api/targets/review-chain?jurisdictionId=${s.org.county}`,
    );
    expect(now.body.inForce).toMatchObject({ chain: { key: 'supervisor-finance' }, chosenBy: s.org.county });

    const year = freshYear();
    const id = await declareTable(unitPrep, year);
    expect(await submitTable(unitPrep, id)).toMatchObject({ status: 'submitted', reviewStep: 'supervisor' });
    // The bureau waits for the 主管部门; the 主管部门's preparer neither reviews nor edits the unit's table.
    const tooEarly = await bureau.json<Json>('POST', `/api/targets/${id}/review`, {
      version: 1,
      grade: '优',
    });
    expect(tooEarly).toMatchObject({ status: 403, body: { code: 'bad-transition' } });
    expect(
      (
        await s.clients.prepA.json('POST', `/api/targets/${id}/supervisor-review`, {
          version: 1,
          outcome: 'pass',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.clients.prepA.json('POST', `/api/targets/${id}/versions`, {
          expectedVersion: 1,
          document: { ...sampleProjectTable(), year },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.clients.revA.json('POST', `/api/targets/${id}/supervisor-review`, {
          version: 1,
          outcome: 'return',
        })
      ).status,
    ).toBe(400);
    const returned = await s.clients.revA.json<{ table: TableRow }>(
      'POST',
      `/api/targets/${id}/supervisor-review`,
      {
        version: 1,
        outcome: 'return',
        reasons: '实施进度计划请细化到季度',
      },
    );
    expect(returned.body.table).toMatchObject({ status: 'returned', reviewStep: null });
    expect(
      (
        await unitPrep.json('POST', `/api/targets/${id}/versions`, {
          expectedVersion: 1,
          document: { ...sampleProjectTable(), year, basis: '县政府民生实事安排及季度实施计划' },
        })
      ).status,
    ).toBe(201);
    expect(await submitTable(unitPrep, id)).toMatchObject({ reviewStep: 'supervisor' });
    const passed = await s.clients.revA.json<{ table: TableRow }>(
      'POST',
      `/api/targets/${id}/supervisor-review`,
      {
        version: 2,
        outcome: 'pass',
      },
    );
    expect(passed.body.table).toMatchObject({ status: 'submitted', reviewStep: 'finance' });
    const approved = await bureau.json<{ table: TableRow }>('POST', `/api/targets/${id}/review`, {
      version: 2,
      grade: '良',
      reasons: '满意度目标值已与单位协商提高',
    });
    expect(approved.body.table).toMatchObject({ status: 'approved', approvedVersion: 2 });
    const detail = await unitPrep.json<{
      reviews: { step: string; outcome: string | null; grade: string | null; reasons: string }[];
    }>('GET', `/api/targets/${id}`);
    expect(detail.body.reviews.map((r) => [r.step, r.outcome ?? r.grade])).toEqual([
      ['supervisor', 'return'],
      ['supervisor', 'pass'],
      ['finance', '良'],
    ]);
    expect(detail.body.reviews[0]!.reasons).toBe('实施进度计划请细化到季度');

    // Department A has no 主管部门: under the same chain its own table goes straight to the bureau.
    const own = await declareTable(s.clients.prepA, year, '高标准农田建设');
    expect(await submitTable(s.clients.prepA, own)).toMatchObject({ reviewStep: 'finance' });
    await bureau.json('PUT', '/api/targets/review-chain', { chain: 'finance' });
  });

  it('publishes the approved version: the portal lists it, shows it, and open data carries it', async () => {
    const year = freshYear();
    const id = await declareTable(s.clients.prepA, year, '农村供水保障工程');
    await submitTable(s.clients.prepA, id);
    const bureau = s.clients.bureau;
    // Nothing is public before approval and publication.
    expect((await bureau.json('POST', `/api/targets/${id}/publish`, { version: 1 })).status).toBe(403);
    await bureau.json('POST', `/api/targets/${id}/review`, { version: 1, grade: '优' });
    expect((await s.clients.public.json('GET', `/api/public/targets/${id}/versions/1`)).status).toBe(404);
    const published = await bureau.json<{ version: number }>('POST', `/api/targets/${id}/publish`, {
      version: 1,
    });
    expect(published).toMatchObject({ status: 201, body: { version: 1 } });
    expect((await bureau.json('POST', `/api/targets/${id}/publish`, { version: 1 })).status).toBe(409);

    // An adjustment is a new version: the publication keeps the approved one.
    await s.clients.prepA.json('POST', `/api/targets/${id}/versions`, {
      expectedVersion: 1,
      document: { ...sampleProjectTable(), year, projectName: '农村供水保障工程', fundsTotal: '300' },
    });
    expect((await bureau.json('POST', `/api/targets/${id}/publish`, { version: 2 })).status).toBe(403);
    const list = await s.clients.public.json<{ tableId: string; version: number; departmentName: string }[]>(
      'GET',
      `/api/public/targets?year=${year}`,
    );
    expect(list.body).toEqual([
      expect.objectContaining({ tableId: id, version: 1, departmentName: '测试县农业农村局', latest: true }),
    ]);
    const page = await s.clients.public.json<{ document: { fundsTotal: string; indicators: unknown[] } }>(
      'GET',
      `/api/public/targets/${id}/versions/1`,
    );
    expect(page.status).toBe(200);
    expect(page.body.document.fundsTotal).toBe(sampleProjectTable().fundsTotal);
    expect(page.body).not.toHaveProperty('findings');
    expect((await s.clients.public.json('GET', `/api/public/targets/${id}/versions/2`)).status).toBe(404);
    const detail = await bureau.json<{ publications: { version: number }[] }>('GET', `/api/targets/${id}`);
    expect(detail.body.publications.map((p) => p.version)).toEqual([1]);

    const csvRes = await s.clients.public.fetch(
      'GET',
      `/api/public/open-data/csv?dataset=targets&year=${year}`,
    );
    expect(csvRes.headers.get('content-disposition')).toContain(`jixiao-open-data-targets-${year}.csv`);
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('目标表编号,版本,最新版本,地区')).toBe(true);
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(sampleProjectTable().indicators.length);
    expect(rows.every((r) => r.startsWith(`${id},1,是,测试县,`))).toBe(true);
    expect(csv).toContain(sampleProjectTable().indicators[0]!.name);
    const json = await s.clients.public.json<{ tableId: string; table: { projectName: string } }[]>(
      'GET',
      `/api/public/open-data/json?dataset=targets&year=${year}`,
    );
    expect(json.body.map((r) => [r.tableId, r.table.projectName])).toEqual([[id, '农村供水保障工程']]);
    // The reports' open data is unchanged by it.
    const reports = await s.clients.public.fetch('GET', `/api/public/open-data/csv?year=${year}`);
    expect(await reports.text()).toMatch(/^报告编号,/);
  });

  it('the dashboard counts reports whose targets differ from the approved table, and the list filters them', async () => {
    const prep = s.clients.prepA;
    const year = freshYear();
    const report = await cleanDocument(year);
    await approvedAboveReport(prep, s.clients.bureau, report, year);
    const created = await prep.json<{ report: { id: string } }>('POST', '/api/reports', {
      document: report,
      year,
    });
    expect(created.status).toBe(201);
    // Department B's report of the same year has no approved table: not counted.
    expect((await s.clients.prepB.json('POST', '/api/reports', { document: report, year })).status).toBe(201);

    const dash = await s.clients.bureau.json<{
      reports: number;
      targetsChanged: { reports: number; byRule: { rule: string; reports: number }[] };
    }>('GET', `/api/dashboard?jurisdictionId=${s.org.county}&year=${year}`);
    expect(dash.body.reports).toBe(2);
    expect(dash.body.targetsChanged).toEqual({
      reports: 1,
      byRule: [{ rule: 'binding.target-changed', count: 1, reports: 1 }],
    });
    const listed = await s.clients.bureau.json<{ id: string }[]>(
      'GET',
      `/api/reports?year=${year}&targetsChanged=true`,
    );
    expect(listed.body.map((r) => r.id)).toEqual([created.body.report.id]);
    const all = await s.clients.bureau.json<unknown[]>('GET', `/api/reports?year=${year}`);
    expect(all.body).toHaveLength(2);
  });
});
