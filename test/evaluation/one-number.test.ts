/**
 * One report, one number: the CLI (`jixiao score`), the HTTP API (the score view and the total stored
 * with the version), the rendered .docx (read back) and the editor's live check (the function the
 * browser runs, with the frameworks the server hands it) give the same total and grade — for a report of
 * each shipped framework and for reports no framework fits.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/app/import-file.ts';
import { validateFramework } from '../../src/core/framework/index.ts';
import type { Report } from '../../src/core/model/index.ts';
import { readReport } from '../../src/formats/read-report.ts';
import { checkReport } from '../../src/web/editor/live-check.ts';
import { type Served, serveForTest, stopServed } from '../server/harness.ts';

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
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
];

const stated = (r: Report): string | null =>
  (r.kind === 'project' ? r.statedTotal?.value : r.conclusion?.statedTotal?.value) ?? null;

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
      if (!read.ok) throw new Error(read.error.message);
      const year = 2090 + i;
      const created = await s.clients.prepA.json<{
        report: { id: string; computedTotal: string | null; grade: string };
      }>('POST', '/api/reports', { document: read.report, year });
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
      const back = await readReport(new Uint8Array(await res.arrayBuffer()));
      if (!back.ok) throw new Error(back.error.message);
      expect(Number(stated(back.report))).toBe(Number(c.total));

      // The editor's live check, with the frameworks the server gives the editor.
      const fw = await s.clients.prepA.json<{ frameworks: unknown[]; bound: boolean }>(
        'GET',
        `/api/reports/${id}/frameworks`,
      );
      const frameworks = fw.body.frameworks.flatMap((f) => {
        const v = validateFramework(f);
        return v.ok ? [v.framework] : [];
      });
      const live = checkReport(read.report, frameworks, fw.body.bound);
      expect([live.evaluation?.total, live.evaluation?.grade]).toEqual([c.total, c.grade]);
    }, 60_000);
  });

  it('the render of a file (jixiao render) states the same total', async () => {
    for (const c of CASES) {
      const out = path(`node_modules/.cache/one-number-${c.framework ?? 'none'}.docx`);
      execFileSync(BIN, ['render', path(c.file), '--out', out, '--allow-errors']);
      const back = await readReport(new Uint8Array(readFileSync(out)));
      if (!back.ok) throw new Error(back.error.message);
      expect(Number(stated(back.report))).toBe(Number(c.total));
    }
  }, 60_000);
});
