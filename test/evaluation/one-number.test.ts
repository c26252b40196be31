/**
 * One report, one number: the CLI (`jixiao score`), the HTTP API (the score view and the total stored
 * with the version), the rendered .docx (read back), the editor's live check (the function the browser
 * runs, with the frameworks the server hands it) and, once published, the public page (the published
 * version's score by its bound framework) and the portal's list give the same total and grade — for a
 * report of each shipped framework and for reports no framework fits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/app/import-file.ts';
import { renderFile } from '../../src/app/render-report.ts';
import { auditEvaluated } from '../../src/core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS, validateFramework } from '../../src/core/framework/index.ts';
import type { Report } from '../../src/core/model/index.ts';
import { readDocxLines } from '../../src/formats/docx/read-docx-lines.ts';
import { readReport } from '../../src/formats/read-report.ts';
import { checkReport } from '../../src/web/editor/live-check.ts';
import { composeDepartment, composeProject } from '../fixtures/evaluation/compose.ts';
import { type Served, serveForTest, stopServed } from '../server/harness.ts';

const path = (p: string) => (p.startsWith('/') ? p : fileURLToPath(new URL(`../../${p}`, import.meta.url)));
const BIN = path('bin/jixiao');

type Case = { file: string; framework: string | null; total: string; grade: string };
const CASES: Case[] = [
  {
    file: 'test/fixtures/score/sample-report.json',
    framework: 'guangdong-yangxi-2024-department',
    total: '98.2',
    grade: '优',
  },
  { file: 'test/fixtures/project/standard.txt', framework: 'mof-2020-project', total: '98.5', grade: '优' },
  {
    file: 'test/fixtures/project/sichuan.txt',
    framework: 'sichuan-2023-project',
    total: '97.5',
    grade: '优',
  },
  // Another city's report: no shipped framework fits it, so its own scores stand (not 33.06 / 差).
  { file: 'test/fixtures/text/city-transport-2022.txt', framework: null, total: '91.35', grade: '优' },
  // Another county's report that borrows 阳西's names but not its weights: its own scores, not 54.62 / 差.
  { file: 'test/fixtures/text/county-env-2024.txt', framework: null, total: '88.5', grade: '良' },
];

// A consistent composed report for each framework without a fixture of its own (one 自评 deduction of 1).
const composedDir = mkdtempSync(join(tmpdir(), 'jixiao-one-number-'));
const covered = new Set(CASES.map((c) => c.framework));
for (const fw of BUILTIN_FRAMEWORKS.filter((f) => !covered.has(f.id))) {
  const file = join(composedDir, `${fw.id}.json`);
  writeFileSync(file, JSON.stringify(fw.kind === 'department' ? composeDepartment(fw) : composeProject(fw)));
  CASES.push({ file, framework: fw.id, total: '99', grade: '优' });
}

const stated = (r: Report): string | null =>
  (r.kind === 'project' ? r.statedTotal?.value : r.conclusion?.statedTotal?.value) ?? null;

/**
 * The total a rendered .docx states: read back as a report, or — for a composed report too thin for the
 * reader (no expenditure table) — from its conclusion sentence.
 */
const renderedTotal = async (bytes: Uint8Array): Promise<number> => {
  const back = await readReport(bytes);
  if (back.ok) return Number(stated(back.value));
  const lines = readDocxLines(bytes);
  if (!lines.ok) throw new Error(back.message);
  const m = lines.lines
    .map((l) => l.text)
    .join('\n')
    .match(/自评得分([\d.]+)分，自评等级为/u);
  if (!m) throw new Error(back.message);
  return Number(m[1]);
};

let s: Served;
beforeAll(async () => {
  s = await serveForTest('pglite');
}, 60_000);
afterAll(() => stopServed(s), 30_000);

describe('one report, one number on every surface', () => {
  const cli = (file: string) =>
    JSON.parse(execFileSync(BIN, ['score', '--format', 'json', path(file)], { encoding: 'utf8' }))[0] as {
      total: number | null;
      grade: string | null;
      basis: string;
      framework: { id: string } | null;
    };

  CASES.forEach((c, i) => {
    it(`${c.file}: ${c.total} / ${c.grade} ${c.framework ? `by ${c.framework}` : '(no framework fits)'}`, async () => {
      // CLI
      const byCli = cli(c.file);
      expect([String(byCli.total), byCli.grade, byCli.framework?.id ?? null]).toEqual([
        c.total,
        c.grade,
        c.framework,
      ]);
      expect(byCli.basis).toBe(c.framework ? 'framework' : 'stated');

      // HTTP API: create, then the score view and the evaluation stored with the version.
      const read = await importFile(path(c.file));
      if (!read.ok) throw new Error(read.message);
      // A consistent composed report: recomputed = stated, and no error finding.
      if (c.file.startsWith(composedDir)) {
        expect(stated(read.value)).toBe(c.total);
        expect(auditEvaluated(read.value, BUILTIN_FRAMEWORKS).filter((f) => f.severity === 'error')).toEqual(
          [],
        );
      }
      const year = 2080 + i;
      const created = await s.clients.prepA.json<{
        report: { id: string; computedTotal: string | null; grade: string };
      }>('POST', '/api/reports', { document: read.value, year });
      expect([
        created.status,
        created.status === 201 ? '' : JSON.stringify(created.body).slice(0, 300),
      ]).toEqual([201, '']);
      const id = created.body.report.id;
      const score = await s.clients.prepA.json<{ total: string | null; grade: string; basis: string }>(
        'GET',
        `/api/reports/${id}/versions/1/score`,
      );
      expect([score.body.total, score.body.grade]).toEqual([c.total, c.grade]);
      const version = await s.clients.prepA.json<{ computedTotal: string | null; grade: string }>(
        'GET',
        `/api/reports/${id}/versions/1`,
      );
      expect(version.body.grade).toBe(c.grade);
      expect(version.body.computedTotal).toBe(c.framework ? c.total : null);
      expect(created.body.report.grade).toBe(c.grade);

      // Render: the downloaded .docx, read back, states the same total.
      const res = await s.clients.prepA.fetch('GET', `/api/reports/${id}/versions/1/render/docx`);
      expect(res.status).toBe(200);
      expect(await renderedTotal(new Uint8Array(await res.arrayBuffer()))).toBe(Number(c.total));

      // The editor's live check, with the frameworks the server gives the editor.
      const fw = await s.clients.prepA.json<{ frameworks: unknown[]; bound: boolean }>(
        'GET',
        `/api/reports/${id}/frameworks`,
      );
      const frameworks = fw.body.frameworks.flatMap((f) => {
        const v = validateFramework(f);
        return v.ok ? [v.framework] : [];
      });
      const live = checkReport(read.value, frameworks, fw.body.bound);
      expect([live.evaluation?.total, live.evaluation?.grade]).toEqual([c.total, c.grade]);

      // Published: the public page and the portal's list.
      const steps = [
        ['draft', 'submitted', 'prepA'],
        ['submitted', 'dept-approved', 'revA'],
        ['dept-approved', 'bureau-approved', 'bureau'],
      ] as const;
      for (const [from, to, by] of steps) {
        const moved = await s.db.store.reports.setStatus({ reportId: id, from, to }, s.org.users[by].id);
        expect(moved.ok).toBe(true);
      }
      const published = await s.db.store.reports.publish(
        { reportId: id, version: 1, from: 'bureau-approved' },
        s.org.users.bureau.id,
      );
      expect(published.ok).toBe(true);
      const page = await s.clients.public.json<{ score: { total: string | null; grade: string | null } }>(
        'GET',
        `/api/public/reports/${id}/versions/1`,
      );
      expect([page.status, page.body.score.total, page.body.score.grade]).toEqual([200, c.total, c.grade]);
      const portal = await s.clients.public.json<
        { reportId: string; computedTotal: string | null; statedTotal: string | null; grade: string | null }[]
      >('GET', `/api/public/reports?year=${year}`);
      const row = portal.body.find((r) => r.reportId === id);
      expect([row?.computedTotal ?? row?.statedTotal, row?.grade]).toEqual([c.total, c.grade]);
    }, 60_000);
  });

  it('every shipped framework has a case', () => {
    expect(BUILTIN_FRAMEWORKS.every((f) => CASES.some((c) => c.framework === f.id))).toBe(true);
  });

  it('the render of a file (what jixiao render runs) states the same total', async () => {
    for (const [i, c] of CASES.entries()) {
      const out = join(composedDir, `render-${i}.docx`);
      expect((await renderFile(path(c.file), out, { allowErrors: true })).ok).toBe(true);
      expect(await renderedTotal(new Uint8Array(readFileSync(out)))).toBe(Number(c.total));
    }
  }, 120_000);
});
