/**
 * 附件 in a browser: the bureau returns a report; its clerk attaches a 佐证材料 PDF in the editor (and sees a
 * renamed program refused in Chinese); the report goes back through the workflow; the bureau ticks 公开 for
 * the file on the review page and publishes; the public page lists the file and downloads it under its
 * Chinese name. Screenshots go to docs/screenshots/ with `npm run screenshots`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';

const STEP_MS = 120_000;

const files = mkdtempSync(join(tmpdir(), 'jixiao-attach-'));
const PDF_NAME = '佐证材料-项目验收报告.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
writeFileSync(join(files, PDF_NAME), PDF);
writeFileSync(join(files, '决算报表.pdf'), Buffer.from('MZ\x90\x00 this is a program'));

describeE2e('附件 in a browser', () => {
  const e2e = useE2e({ name: 'attachments', startMs: 240_000 });
  const { as, at, errors } = e2e;
  let reportId = '';

  /** A workflow move through the API, as the signed-in page (with its CSRF cookie). */
  const move = async (page: Page, action: string, json: Record<string, unknown> = {}) => {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'jixiao_csrf')?.value ?? '';
    const res = await page.request.post(`${e2e.url}/api/reports/${reportId}/${action}`, {
      data: json,
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.status(), await res.text()).toBe(200);
  };

  it(
    'the bureau returns the waiting report; its clerk attaches evidence and resubmits',
    async () => {
      await as('caizheng', async (page) => {
        const list = await page.request.get(`${e2e.url}/api/reports?status=dept-approved`);
        const rows = (await list.json()) as { id: string; departmentName: string }[];
        reportId = rows.find((r) => r.departmentName === '示范县农业农村局')?.id ?? '';
        expect(reportId).not.toBe('');
        await move(page, 'return', { reason: '请补充项目验收的佐证材料' });
      });
      await at('nongye-tb', `/reports/${reportId}`, async (page) => {
        const panel = page.getByTestId('attachments');
        await panel.waitFor();
        await panel.getByText('暂无附件').waitFor();
        const input = panel.locator('input[type=file]');
        // A program renamed to .pdf is refused by its bytes, in Chinese.
        await input.setInputFiles(join(files, '决算报表.pdf'));
        const refusal = page.getByText(/文件内容与扩展名 \.pdf 不符/);
        await refusal.waitFor();
        // Chinese only in the web app: the API's English half stays in JSON.
        expect(await refusal.textContent()).not.toMatch(/[a-z]{4,}/);
        await input.setInputFiles(join(files, PDF_NAME));
        await panel.getByRole('link', { name: PDF_NAME }).waitFor();
        await panel.scrollIntoViewIfNeeded();
        await shot(page, 'attachments-editor');
        await move(page, 'reopen', { from: 'returned' });
        await move(page, 'submit', { from: 'draft' });
      });
      await as('nongye-sh', (page) => move(page, 'approve', { from: 'submitted' }));
    },
    STEP_MS,
  );

  it(
    'the bureau chooses the file for publication on the review page and publishes',
    async () => {
      await at('caizheng', `/bureau/review/${reportId}`, async (page) => {
        const panel = page.getByTestId('attachments');
        await panel.getByRole('link', { name: PDF_NAME }).waitFor();
        // Controlled by the server's answer: a click, then the box shows what was saved.
        await panel.getByLabel(`公开 ${PDF_NAME}`).click();
        await page.getByText('将随报告公开').waitFor();
        await expect.poll(() => panel.getByLabel(`公开 ${PDF_NAME}`).isChecked()).toBe(true);
        await panel.scrollIntoViewIfNeeded();
        await shot(page, 'attachments-review');
        await move(page, 'approve', { from: 'dept-approved' });
        await move(page, 'publish', { from: 'bureau-approved' });
      });
    },
    STEP_MS,
  );

  it(
    'the public page lists the published file and downloads it under its Chinese name',
    async () => {
      await as(null, async (page) => {
        await page.goto(`${e2e.url}/public/reports/${reportId}?v=1`);
        const panel = page.getByTestId('public-attachments');
        await panel.getByRole('link', { name: PDF_NAME }).waitFor();
        await shot(page, 'attachments-public', true);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          panel.getByRole('link', { name: PDF_NAME }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(PDF_NAME);
        const saved = join(files, 'downloaded.pdf');
        await download.saveAs(saved);
        expect(readFileSync(saved).equals(PDF)).toBe(true);
      });
      expect(errors).toEqual([]);
    },
    STEP_MS,
  );
});
