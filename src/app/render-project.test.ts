/** Rendering project forms: the engine's scores written in, audit errors first unless allowed, PDF through Chromium. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProject, textBytes } from '../../test/support/formats/project-forms.ts';
import type { ProjectReport } from '../core/model/index.ts';
import { findChromium } from '../formats/pdf/write-pdf.ts';
import { computeProjectScores, renderProject } from './render-project.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/project/${name}`, import.meta.url), 'utf8');

/** The standard form with one score written too high (10 for 36 of 40万元 at weight 10) and the total to match. */
const overScored = async (): Promise<ProjectReport> => {
  const r = await readProject(textBytes(fixture('standard.txt')));
  const i = r.indicators.find((x) => x.name.value === '年节约电费')!;
  i.score = { value: '10' };
  r.statedTotal = { value: '99.50' };
  return r;
};

describe('project render', () => {
  it('computed scores by indicator: the formula, not the stated score', async () => {
    const s = computeProjectScores(await overScored());
    expect(s).toMatchObject({ rate: '9.5', total: '98.5', grade: '优' });
    expect(s?.indicators[4]).toBe('9');
  });

  it('the written form carries the computed scores; --stated keeps the form’s own', async () => {
    const r = await overScored();
    const computed = await renderProject(r, 'xlsx', { allowErrors: true });
    const stated = await renderProject(r, 'xlsx', { allowErrors: true, computed: false });
    if (!computed.ok || !stated.ok) throw new Error('render failed');
    const a = await readProject(computed.bytes);
    const b = await readProject(stated.bytes);
    expect([a.indicators[4]?.score?.value, a.statedTotal?.value]).toEqual(['9', '98.5']);
    expect([b.indicators[4]?.score?.value, b.statedTotal?.value]).toEqual(['10', '99.50']);
  });

  it('audit errors come first unless allowed', async () => {
    const r = await overScored();
    const html = async (allowErrors: boolean) => {
      const out = await renderProject(r, 'html', { allowErrors, computed: false });
      return out.ok ? new TextDecoder().decode(out.bytes) : '';
    };
    const withErrors = await html(false);
    expect(withErrors.indexOf('审核发现的错误')).toBeLessThan(withErrors.indexOf('<table>'));
    expect(withErrors).toContain('project.score-formula');
    expect(await html(true)).not.toContain('审核发现的错误');
  });

  it.skipIf(!findChromium())(
    'PDF through Chromium',
    async () => {
      const out = await renderProject(await readProject(textBytes(fixture('sichuan.txt'))), 'pdf');
      expect(out.ok).toBe(true);
      if (out.ok) expect(new TextDecoder().decode(out.bytes.subarray(0, 5))).toBe('%PDF-');
    },
    60_000,
  );
});
