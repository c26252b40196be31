/**
 * 试算 in a real browser: the public dropping a Word file is asked to sign in; a signed-in user (the
 * bureau's reviewer, not a preparer) gets the same file read by the server and opened in the trial editor
 * with its score, and no report is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeDocx } from '../../src/formats/docx/write-docx.ts';
import { composedReport } from '../fixtures/docx/composed-report.ts';
import { signIn } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';

describeE2e('试算 of a Word file in a browser', () => {
  const e2e = useE2e({ name: 'try-editor', viewport: { width: 1440, height: 900 }, timeoutMs: 30_000 });
  let docx: string;

  beforeAll(async () => {
    docx = join(mkdtempSync(join(tmpdir(), 'jixiao-try-')), '水利局自评报告.docx');
    writeFileSync(docx, await writeDocx({ report: composedReport(), allowErrors: true }));
  }, 60_000);

  it('the public is asked to sign in; a signed-in reviewer sees the file scored, nothing stored', async () => {
    await e2e.as(null, async (page) => {
      await page.goto(`${e2e.url}/try`);
      await page.setInputFiles('input[type=file]', docx);
      const refusal = page.getByTestId('try-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('登录后可读取 Word、PDF 等文件（仅读取，不保存）');
      expect(await refusal.getByRole('button').textContent()).toMatch(/登\s*录/);

      await signIn(page, e2e.url, 'caizheng', e2e.password('caizheng'));
      const count = async () =>
        ((await (await page.request.get(`${e2e.url}/api/reports`)).json()) as unknown[]).length;
      const before = await count();
      await page.goto(`${e2e.url}/try`);
      await page.setInputFiles('input[type=file]', docx);
      await page.getByTestId('score-summary').waitFor();
      expect(await page.getByTestId('evaluated-total').textContent()).toMatch(/\d/);
      expect(await count()).toBe(before);
    });
    expect(e2e.errors).toEqual([]);
  }, 120_000);
});
