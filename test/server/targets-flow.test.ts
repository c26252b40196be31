/**
 * The target cycle through the API on PGlite: declare → submit → review (中 returns, 优 approves and
 * freezes) → adjust; open a round → fill → lights → bureau decision; approved targets → a report of the
 * same year whose changed target is a finding naming both values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectReport } from '../../src/core/model/index.ts';
import { fillFromApproved } from '../../src/core/targets/fill.ts';
import type { MonitoringEntry } from '../../src/core/targets/monitoring.ts';
import { sampleProjectTable } from '../../src/core/targets/sample-tables.ts';
import { cleanProject } from '../fixtures/project/project-test-report.ts';
import { cleanDocument, freshYear, type Served, serveForTest, stopServed } from './harness.ts';
import { approvedAboveReport } from './target-steps.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

describe('target cycle over the API (PGlite)', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveForTest('pglite');
  }, 60_000);
  afterAll(() => stopServed(s), 30_000);

  it('declare → submit → 中 returned → fix → 优 approved → adjustment is a new version', async () => {
    const prep = s.clients.prepA;
    const bureau = s.clients.bureau;
    const year = freshYear();
    const broken = { ...sampleProjectTable(), year, basis: '' };
    const created = await prep.json<Json & { table: { id: string }; findings: { rule: string }[] }>(
      'POST',
      '/api/targets',
      { document: broken },
    );
    expect(created.status).toBe(201);
    expect(created.body.findings.map((f) => f.rule)).toEqual(['target.required-empty']);
    const id = created.body.table.id;
    const refused = await prep.json<Json>('POST', `/api/targets/${id}/submit`, { from: 'draft' });
    expect(refused).toMatchObject({ status: 422, body: { code: 'incomplete' } });
    expect(refused.body.message).toContain('必填');

    const v2 = await prep.json('POST', `/api/targets/${id}/versions`, {
      expectedVersion: 1,
      document: { ...sampleProjectTable(), year },
    });
    expect(v2.status).toBe(201);
    expect((await prep.json('POST', `/api/targets/${id}/submit`, { from: 'draft' })).status).toBe(200);
    // The preparer may not grade; 中 without reasons is refused; 中 with reasons returns the table.
    expect((await prep.json('POST', `/api/targets/${id}/review`, { version: 2, grade: '优' })).status).toBe(
      403,
    );
    expect((await bureau.json('POST', `/api/targets/${id}/review`, { version: 2, grade: '中' })).status).toBe(
      400,
    );
    const returned = await bureau.json<Json & { table: { status: string } }>(
      'POST',
      `/api/targets/${id}/review`,
      {
        version: 2,
        grade: '中',
        reasons: '受益人口与上年实际不衔接，请说明测算依据',
      },
    );
    expect(returned.body.table.status).toBe('returned');
    expect(
      (
        await prep.json('POST', `/api/targets/${id}/versions`, {
          expectedVersion: 2,
          document: { ...sampleProjectTable(), year, basis: '县政府民生实事及测算说明' },
        })
      ).status,
    ).toBe(201);
    expect((await prep.json('POST', `/api/targets/${id}/submit`, { from: 'draft' })).status).toBe(200);
    const approved = await bureau.json<Json & { table: { status: string; approvedVersion: number } }>(
      'POST',
      `/api/targets/${id}/review`,
      { version: 3, grade: '优' },
    );
    expect(approved.body.table).toMatchObject({ status: 'approved', approvedVersion: 3 });

    const adjusted = await prep.json<
      Json & { table: { status: string; approvedVersion: number; currentVersion: number } }
    >('POST', `/api/targets/${id}/versions`, {
      expectedVersion: 3,
      document: {
        ...sampleProjectTable(),
        year,
        fundsTotal: '300',
        fundSources: [{ label: '财政拨款', amount: '300' }],
      },
    });
    expect(adjusted.body.table).toMatchObject({ status: 'draft', currentVersion: 4, approvedVersion: 3 });
    const detail = await s.clients.revA.json<Json & { versions: unknown[]; reviews: { grade: string }[] }>(
      'GET',
      `/api/targets/${id}`,
    );
    expect(detail.body.versions).toHaveLength(4);
    expect(detail.body.reviews.map((r) => r.grade)).toEqual(['中', '优']);
    expect((await s.clients.prepB.json('GET', `/api/targets/${id}`)).status).toBe(404);
  });

  it('round → entry → lights → decision; the dashboard counts lights', async () => {
    const prep = s.clients.prepA;
    const bureau = s.clients.bureau;
    const year = freshYear();
    const id = (
      await prep.json<{ table: { id: string } }>('POST', '/api/targets', {
        document: { ...sampleProjectTable(), year },
      })
    ).body.table.id;
    await prep.json('POST', `/api/targets/${id}/submit`, { from: 'draft' });
    await bureau.json('POST', `/api/targets/${id}/review`, { version: 1, grade: '优' });
    const round = await bureau.json<{ id: string }>('POST', '/api/monitoring/rounds', {
      year,
      month: 7,
      title: `${year}年1—7月绩效运行监控`,
      deadline: `${year}-08-15`,
    });
    expect(round.status).toBe(201);
    const rid = round.body.id;
    const entry: MonitoringEntry = {
      executed: '100',
      projectedAnnual: '300',
      note: '',
      indicators: sampleProjectTable().indicators.map((i) => ({
        indicatorId: i.id,
        current: i.nature === '定性' ? '达成年度指标' : i.value,
        projected: i.nature === '定性' ? null : i.value,
        likelihood: 'certain',
        causes: [],
        measures: '',
      })),
    };
    const p5 = entry.indicators.find((i) => i.indicatorId === 'p5')!;
    Object.assign(p5, { current: '5000', likelihood: 'possible' });
    const incomplete = await prep.json<Json>('PUT', `/api/monitoring/rounds/${rid}/entries/${id}`, {
      document: entry,
      submit: true,
    });
    expect(incomplete).toMatchObject({ status: 422, body: { code: 'incomplete' } });
    Object.assign(p5, { causes: [{ cause: 'staff', text: '施工队伍进场晚' }], measures: '增开两个作业面' });
    const saved = await prep.json<{ lights: { project: string; budget: { light: string } } }>(
      'PUT',
      `/api/monitoring/rounds/${rid}/entries/${id}`,
      { document: entry, submit: true },
    );
    expect(saved.status).toBe(200);
    // 100 of 320 by July is pace 53.6 → red; 5000 of 18000 is pace 47.6 → red.
    expect(saved.body.lights).toMatchObject({ project: 'red', budget: { light: 'red' } });
    const decided = await bureau.json('POST', `/api/monitoring/rounds/${rid}/decisions`, {
      tableId: id,
      decision: 'suspend',
      reason: '预算执行进度明显滞后，暂缓拨付剩余资金',
    });
    expect(decided.status).toBe(201);
    const overview = await bureau.json<{
      rows: { decision: { decision: string }; lights: { project: string } }[];
      counts: Record<string, number>;
    }>('GET', `/api/monitoring/rounds/${rid}`);
    expect(overview.body.rows).toHaveLength(1);
    expect(overview.body.rows[0]).toMatchObject({
      decision: { decision: 'suspend' },
      lights: { project: 'red' },
    });
    expect(overview.body.counts.red).toBe(1);
    expect((await s.clients.bureauOther.json('GET', `/api/monitoring/rounds/${rid}`)).status).toBe(404);

    // The year-end form of the same project, filled from the approved table: 受益人口 missed, and its
    // 偏差原因 now blames the money while mid-year the unit blamed the crew.
    const filled = fillFromApproved(cleanProject(), { ...sampleProjectTable(), year }) as ProjectReport;
    const yearEnd: ProjectReport = {
      ...filled,
      year: { value: year },
      project: { ...filled.project, name: { value: sampleProjectTable().projectName } },
      indicators: filled.indicators.map((i) => ({
        ...i,
        actual:
          i.name.value === '受益人口'
            ? { text: '16000人', op: null, value: '16000', unit: '人' }
            : { ...i.target, op: null },
        deviation: i.name.value === '受益人口' ? { value: '配套资金拨付滞后' } : null,
      })),
    };
    const report = await prep.json<{ report: { id: string } }>('POST', '/api/reports', {
      document: yearEnd,
      year,
    });
    expect(report.status).toBe(201);
    const binding = await bureau.json<{
      round: { id: string };
      rows: { indicatorId: string; monitoring: { current: string } | null; yearEnd: { actual: string } }[];
      findings: { rule: string; message: string }[];
    }>('GET', `/api/targets/for-report/${report.body.report.id}`);
    expect(binding.body.round.id).toBe(rid);
    expect(binding.body.rows.find((r) => r.indicatorId === 'p5')).toMatchObject({
      monitoring: { current: '5000' },
      yearEnd: { actual: '16000人' },
    });
    expect(binding.body.findings.map((f) => f.rule)).toEqual(['binding.monitoring-contradicted']);
    expect(binding.body.findings[0]!.message).toContain('人员保障：施工队伍进场晚');
    // The stored report's audit says the same.
    const audit = await bureau.json<{ findings: { rule: string }[] }>(
      'GET',
      `/api/reports/${report.body.report.id}/versions/1/audit`,
    );
    expect(audit.body.findings.map((f) => f.rule)).toContain('binding.monitoring-contradicted');
  });

  it('a report of the same year bound to the approved targets: a lowered target names both values', async () => {
    const prep = s.clients.prepA;
    const year = freshYear();
    const report = await cleanDocument(year);
    // The approved table asked for more than the report now states for the first quantitative row.
    const { rows, k, approvedValue } = await approvedAboveReport(prep, s.clients.bureau, report, year);
    expect(rows.length).toBeGreaterThan(2);
    const created = await prep.json<{ report: { id: string } }>('POST', '/api/reports', {
      document: report,
      year,
    });
    expect(created.status).toBe(201);
    const binding = await s.clients.bureau.json<{
      version: number;
      findings: { rule: string; message: string }[];
    }>('GET', `/api/targets/for-report/${created.body.report.id}`);
    expect(binding.body.version).toBe(1);
    expect(binding.body.findings).toHaveLength(1);
    expect(binding.body.findings[0]!.rule).toBe('binding.target-changed');
    expect(binding.body.findings[0]!.message).toContain(`${approvedValue}`);
    expect(binding.body.findings[0]!.message).toContain(rows[k]!.target.text);
    // The stored report's audit carries the same finding; the preparer must explain it to submit.
    const audit = await prep.json<{ findings: { rule: string; key: string }[] }>(
      'GET',
      `/api/reports/${created.body.report.id}/versions/1/audit`,
    );
    const changed = audit.body.findings.find((f) => f.rule === 'binding.target-changed');
    expect(changed).toBeDefined();
    const submit = await prep.json<Json & { findings?: { rule: string }[] }>(
      'POST',
      `/api/reports/${created.body.report.id}/submit`,
      { from: 'draft' },
    );
    expect(submit.status).toBe(422);
    expect(submit.body.findings?.map((f) => f.rule)).toContain('binding.target-changed');
  });
});
