import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { hasTool, pdfPages, pdfText } from '../../../test/support/formats/external-tools.ts';
import { findChromium, htmlToPdf, NO_CHROMIUM, writePdf } from './write-pdf.ts';

const saved = process.env.JIXIAO_CHROMIUM;
afterEach(() => {
  if (saved === undefined) delete process.env.JIXIAO_CHROMIUM;
  else process.env.JIXIAO_CHROMIUM = saved;
});

describe('PDF without Chromium', () => {
  it('says what to install instead of failing', async () => {
    process.env.JIXIAO_CHROMIUM = '/nonexistent/chromium';
    const r = await htmlToPdf('<p>x</p>');
    expect(r).toEqual({ ok: false, code: 'render.no-chromium', message: NO_CHROMIUM });
    expect(NO_CHROMIUM).toMatch(/^生成 PDF 需要 Chromium.*apt-get install -y chromium fonts-noto-cjk/);
  });
});

const chromium = findChromium() !== undefined || process.env.CI === 'true';
if (!chromium) console.warn('[skip] chromium not installed: PDF printing tests are skipped');

describe.runIf(chromium && hasTool('pdftotext', ['-v']))('PDF printed by Chromium', () => {
  it('prints the HTML page on A4 with the Chinese text and page numbers', async () => {
    const r = await writePdf({ report: composedReport() });
    if (!r.ok) throw new Error(r.message);
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, r.bytes);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    expect(text).toContain('临江县水务局2024年度部门整体支出绩效自评报告');
    expect(text).toContain('二、项目支出700.501105.101105.10');
    expect(text).toContain('—1—');
  }, 60_000);
});
