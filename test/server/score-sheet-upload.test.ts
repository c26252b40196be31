/**
 * The bureau brings its own framework, through the API: a score sheet uploaded is read into a draft with
 * every problem (nothing stored), the corrected draft saved as a version for a report year, and the
 * reports of that year and kind in the bureau's jurisdiction scored by it — a later version too — while
 * another county's reports are not.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworksFor } from '../../src/app/framework-choice.ts';
import type { Framework } from '../../src/core/framework/index.ts';
import { type Client, cleanDocument, type Served, serveForTest, stopServed } from './harness.ts';

const sheet = (name: string, as = name): File =>
  new File([readFileSync(new URL(`../fixtures/score-sheets/${name}`, import.meta.url))], as);

const upload = async (c: Client, file: File, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('file', file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await c.fetch('POST', '/api/frameworks/import', { form });
  return {
    status: res.status,
    body: (await res.json()) as {
      framework: Framework;
      problems: { rule: string; severity: string; message: string }[];
      code?: string;
      message?: string;
    },
  };
};

let s: Served;
beforeAll(async () => {
  s = await serveForTest('pglite');
}, 60_000);
afterAll(() => stopServed(s), 30_000);

describe('POST /api/frameworks/import and saving the draft', () => {
  it('lists every problem of a flawed sheet in Chinese and stores nothing', async () => {
    const before = (await s.clients.bureau.json<unknown[]>('GET', '/api/frameworks')).body.length;
    const r = await upload(s.clients.bureau, sheet('district-flawed-2025.xlsx'), { reportYear: '2031' });
    expect(r.status).toBe(200);
    expect(r.body.framework.reportYear).toBe(2031);
    expect(r.body.problems.filter((p) => p.severity === 'error').map((p) => p.rule)).toEqual([
      'sheet.bad-weight',
      'sheet.missing-weight',
      'framework.total',
      'framework.duplicate',
      'framework.weight',
      'framework.weight',
      'framework.weight',
    ]);
    expect(
      r.body.problems.every((p) => /[\u4e00-\u9fff]/u.test(p.message) && !/[a-z]{4}/.test(p.message)),
    ).toBe(true);
    // Saving the draft as it stands is refused with the same problems.
    const saved = await s.clients.bureau.json<{ code: string }>('POST', '/api/frameworks', {
      document: r.body.framework,
    });
    expect([saved.status, saved.body.code]).toEqual([400, 'invalid']);
    expect((await s.clients.bureau.json<unknown[]>('GET', '/api/frameworks')).body.length).toBe(before);
  }, 60_000);

  it('refuses what is not a score sheet: wrong type 422, with the reason', async () => {
    const txt = await upload(s.clients.bureau, new File(['一级指标'], 'sheet.txt'));
    expect([txt.status, txt.body.code]).toEqual([422, 'bad-upload']);
    expect(txt.body.message).toMatch(/^不支持的文件类型 \.txt/u);
    const cut = await upload(
      s.clients.bureau,
      new File(
        [
          readFileSync(
            new URL('../fixtures/score-sheets/county-department-2025.xlsx', import.meta.url),
          ).subarray(0, 400),
        ],
        'x.xlsx',
      ),
    );
    expect([cut.status, cut.body.code]).toEqual([422, 'bad-upload']);
  }, 60_000);

  it("binds the reports of its year and kind in the bureau's jurisdiction to the newest version", async () => {
    const year = 2032;
    const read = await upload(s.clients.bureau, sheet('county-department-2025.xlsx'), {
      reportYear: String(year),
      region: '测试县',
    });
    expect(read.body.problems).toEqual([]);
    const draft = { ...read.body.framework, id: 'test-county-own-2032', name: '测试县自定评分表' };
    const saved = await s.clients.bureau.json<{ id: string; version: number }>('POST', '/api/frameworks', {
      document: draft,
    });
    expect([saved.status, saved.body.version]).toEqual([201, 1]);

    // A report of that year, in the bureau's county: bound to it, whatever its fit.
    const created = await s.clients.prepA.json<{ report: { id: string; frameworkId: string } }>(
      'POST',
      '/api/reports',
      { document: await cleanDocument(year) },
    );
    expect(created.status).toBe(201);
    expect(created.body.report.frameworkId).toBe(saved.body.id);
    const id = created.body.report.id;
    const score = async () =>
      (
        await s.clients.prepA.json<{ framework: { name: string } | null }>(
          'GET',
          `/api/reports/${id}/versions/1/score`,
        )
      ).body.framework?.name;
    expect(await score()).toBe('测试县自定评分表');

    // A corrected version applies to the reports of the year.
    const v2 = await s.clients.bureau.json<{ id: string; version: number }>('POST', '/api/frameworks', {
      document: { ...draft, name: '测试县自定评分表（修订）' },
    });
    expect(v2.body.version).toBe(2);
    expect(await score()).toBe('测试县自定评分表（修订）');

    // Another department of the county: bound too; a report of another year is not.
    const sibling = await s.clients.prepB.json<{ report: { frameworkId: string | null } }>(
      'POST',
      '/api/reports',
      { document: await cleanDocument(year) },
    );
    expect(sibling.body.report.frameworkId).toBe(v2.body.id);
    const other = await s.clients.prepA.json<{ report: { frameworkId: string | null } }>(
      'POST',
      '/api/reports',
      {
        document: await cleanDocument(year + 1),
      },
    );
    expect([saved.body.id, v2.body.id]).not.toContain(other.body.report.frameworkId);
    // A department of the neighbouring county is not given it.
    const store = s.db.store;
    const neighbour = await store.org.createDepartment(
      { name: '邻县水利局', jurisdictionId: s.org.otherCounty },
      null,
    );
    if (!neighbour.ok) throw new Error('department');
    const given = await frameworksFor(store, 'department', {
      boundId: null,
      departmentId: neighbour.value.id,
      year,
    });
    expect(given.bound).toBe(false);
    expect(given.list.map((c) => c.id)).not.toContain(v2.body.id);
  }, 90_000);

  it("another county's bureau cannot take over the id", async () => {
    const read = await upload(s.clients.bureauOther, sheet('city-project-2025.docx'));
    expect(read.status).toBe(200);
    const taken = await s.clients.bureauOther.json<{ code: string }>('POST', '/api/frameworks', {
      document: { ...read.body.framework, id: 'test-county-own-2032' },
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'duplicate']);
  }, 60_000);
});
