/** A first start on an empty embedded database: the admin once, the demo county, a working system at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../../src/app/first-start.ts';
import { type Running, startServer } from '../../src/server/start.ts';
import type { Store } from '../../src/store/index.ts';
import { freshMemoryStore } from '../support/pglite-template.ts';
import { Client } from './harness.ts';

describe('first start', () => {
  let store: Store;
  let server: Running;
  let result: Awaited<ReturnType<typeof firstStart>>;
  beforeAll(async () => {
    store = await freshMemoryStore();
    result = await firstStart(store, { demo: true });
    server = await startServer({ store, port: 0, webDir: null });
  }, 60_000);
  afterAll(() => server.close());

  it('loads no demo data unless asked to', async () => {
    const fresh = await freshMemoryStore();
    try {
      const plain = await firstStart(fresh);
      expect(plain).toMatchObject({ created: true, demo: null });
      expect((await fresh.users.listUsers({})).map((u) => u.username)).toEqual(['admin']);
      expect(await fresh.reports.list({})).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('gives every demo account a random password of its own, shown once', () => {
    if (!result.created || !result.demo) throw new Error('no demo');
    const passwords = result.demo.accounts.map((a) => a.password);
    expect(passwords.length).toBeGreaterThan(5);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const p of passwords) expect(p.length).toBeGreaterThanOrEqual(10);
  });

  it('creates the admin and the demo accounts once', async () => {
    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.admin.username).toBe('admin');
    expect(result.demo?.accounts.map((a) => a.role)).toContain('bureau-reviewer');
    expect((await firstStart(store)).created).toBe(false);
    const admin = new Client(server.url);
    expect(await admin.login('admin', result.admin.password)).toBe(200);
    expect(await admin.login('admin', 'not-it')).toBe(401);
  });

  it('shows the public a published demo report and the bureau a dashboard with late departments', async () => {
    if (!result.created || !result.demo) throw new Error('no demo');
    const accounts = new Map(result.demo.accounts.map((a) => [a.username, a.password]));
    const pub = new Client(server.url);
    const published = (
      await pub.json<{ departmentName: string; grade: string }[]>('GET', '/api/public/reports')
    ).body;
    expect(published.map((p) => p.departmentName)).toEqual(['示范县工业和信息化局']);
    const html = await pub.fetch('GET', '/');
    expect(await html.text()).toContain('npm run build:web');

    const bureau = new Client(server.url);
    expect(await bureau.login('caizheng', accounts.get('caizheng'))).toBe(200);
    const county = (await bureau.json<{ id: string; name: string }[]>('GET', '/api/jurisdictions')).body.find(
      (j) => j.name === '示范县',
    )!;
    const dash = await bureau.json<{
      statusCounts: Record<string, number>;
      late: { name: string }[];
      ranking: unknown[];
      projectRanking: unknown[];
    }>('GET', `/api/dashboard?jurisdictionId=${county.id}&year=2023`);
    expect(dash.status).toBe(200);
    expect(dash.body.statusCounts).toMatchObject({
      published: 1,
      'dept-approved': 1,
      submitted: 1,
      draft: 1,
    });
    expect(dash.body.late.map((d) => d.name)).toEqual(
      expect.arrayContaining(['示范县教育局', '示范县生态环境局']),
    );
    // Past submission only, 部门整体 and 项目 apart: the published and the approved 部门整体, the submitted 项目.
    expect(dash.body.ranking).toHaveLength(2);
    expect(dash.body.projectRanking).toHaveLength(1);

    const preparer = new Client(server.url);
    expect(await preparer.login('huanjing-tb', accounts.get('huanjing-tb'))).toBe(200);
    const mine = (await preparer.json<{ status: string }[]>('GET', '/api/reports')).body;
    expect(mine.map((r) => r.status)).toEqual(['draft']);

    // The project form scores, audits and renders (in its own table layout) like a department report.
    const housing = new Client(server.url);
    expect(await housing.login('zhujian-sh', accounts.get('zhujian-sh'))).toBe(200);
    const [project] = (
      await housing.json<{ id: string; kind: string; projectName: string }[]>('GET', '/api/reports')
    ).body;
    expect(project).toMatchObject({ kind: 'project', projectName: '城区公共照明节能改造项目' });
    const score = await housing.json<{ total: string }>(
      'GET',
      `/api/reports/${project!.id}/versions/1/score`,
    );
    expect(score.status).toBe(200);
    expect(score.body.total).toBe('98.5');
    expect((await housing.json('GET', `/api/reports/${project!.id}/versions/1/audit`)).status).toBe(200);
    const docx = await housing.fetch('GET', `/api/reports/${project!.id}/versions/1/render/docx`);
    expect(docx.status).toBe(200);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect((await housing.json('POST', `/api/reports/${project!.id}/approve`, {})).status).toBe(200);
  });
});
