/**
 * 试算 in a real browser: the public dropping a Word file is asked to sign in; a signed-in user (the
 * bureau's reviewer, not a preparer) gets the same file read by the server and opened in the trial editor
 * with its score, and no report is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/formats/docx/write-docx.ts';
import { composedReport } from '../fixtures/docx/composed-report.ts';
import { hasChromium, launch, signIn, watchErrors } from './browser.ts';
import { type Served, startServe } from './server.ts';

const describeE2e = hasChromium ? describe : describe.skip;

describeE2e('试算 of a Word file in a browser', () => {
  let served: Served;
  let browser: Browser;
  let docx: string;
  const errors: string[] = [];

  beforeAll(async () => {
    [served, browser] = await Promise.all([startServe(), launch()]);
    docx = join(mkdtempSync(join(tmpdir(), 'jixiao-try-')), '水利局自评报告.docx');
    writeFileSync(docx, await writeDocx({ report: composedReport(), allowErrors: true }));
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('the public is asked to sign in; a signed-in reviewer sees the file scored, nothing stored', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    watchErrors(page, errors);
    try {
      await page.goto(`${served.url}/try`);
      await page.setInputFiles('input[type=file]', docx);
      const refusal = page.getByTestId('try-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('登录后可读取 Word、PDF 等文件（仅读取，不保存）');
      expect(await refusal.getByRole('button').textContent()).toMatch(/登\s*录/);

      await signIn(page, served.url, 'caizheng', served.demoPasswords.get('caizheng') ?? '');
      const count = async () =>
        ((await (await page.request.get(`${served.url}/api/reports`)).json()) as unknown[]).length;
      const before = await count();
      await page.goto(`${served.url}/try`);
      await page.setInputFiles('input[type=file]', docx);
      await page.getByTestId('score-summary').waitFor();
      expect(await page.getByTestId('evaluated-total').textContent()).toMatch(/\d/);
      expect(await count()).toBe(before);
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
