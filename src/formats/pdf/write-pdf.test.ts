import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { hasTool, pdfPages, pdfText } from '../../../test/support/formats/external-tools.ts';
import {
  findChromium,
  holdPdfBrowser,
  htmlToPdf,
  NO_CHROMIUM,
  pdfStats,
  withPageNumbers,
  writePdf,
} from './write-pdf.ts';

const saved = process.env.JIXIAO_CHROMIUM;
afterEach(() => {
  if (saved === undefined) delete process.env.JIXIAO_CHROMIUM;
  else process.env.JIXIAO_CHROMIUM = saved;
});

describe('PDF without Chromium', () => {
  it('adds the page numbers’ style first in the page’s head, or first in a page without one', () => {
    expect(withPageNumbers('<html><HEAD lang="zh"><title>t</title></HEAD><body>x</body></html>')).toMatch(
      /^<html><HEAD lang="zh"><style>@page \{ margin: 25mm 20mm; @bottom-center \{ content: "— " counter\(page\) " —"; font-size: 14pt;.*<\/style><title>t<\/title><\/HEAD><body>x/,
    );
    expect(withPageNumbers('<p>x</p>')).toMatch(/^<style>@page .*<\/style><p>x<\/p>$/);
  });

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
    writeFileSync(pdf, r.value);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    expect(text).toContain('临江县水务局2024年度部门整体支出绩效自评报告');
    expect(text).toContain('二、项目支出700.501105.101105.10');
    expect(text).toContain('—1—');
  }, 60_000);

  it('prints one PDF after another in one page, each with only its own text', async () => {
    const release = holdPdfBrowser();
    try {
      const before = pdfStats().pages;
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
      const texts: string[] = [];
      for (const word of ['甲单位自评报告', '乙单位自评报告', '丙单位自评报告']) {
        const r = await htmlToPdf(
          `<html><head><meta charset="utf-8"></head><body><p>${word}</p></body></html>`,
        );
        if (!r.ok) throw new Error(r.message);
        const pdf = join(dir, `${texts.length}.pdf`);
        writeFileSync(pdf, r.value);
        texts.push(pdfText(pdf).replace(/\s+/g, ''));
      }
      expect(texts).toEqual(['甲单位自评报告—1—', '乙单位自评报告—1—', '丙单位自评报告—1—']);
      expect(pdfStats().pages - before).toBe(1);
    } finally {
      await release();
    }
  }, 60_000);
});
