/**
 * The bureau managing its departments in a real browser (demo county): the progress table filtered by
 * step and exported, the report list searched and filtered on the server, a batch export of Word files
 * and an Excel summary, a comment and an approval with an opinion on the review page, and the report's
 * history page. Screenshots of the new pages go to docs/screenshots/ with `npm run screenshots`.
 */
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { btn, confirmMove, downloadedBytes, shot } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';

const VIEW = { width: 1440, height: 900 };

describeE2e("the bureau's fifty departments in a browser", () => {
  const e2e = useE2e({ name: 'bureau', startMs: 240_000, viewport: VIEW });
  const { errors } = e2e;

  const downloaded = async (page: Page, click: () => Promise<void>) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: d.suggestedFilename(), bytes: await downloadedBytes(d) };
  };

  it('progress table, filtered list, batch export, review notes and the history page', async () => {
    // Progress: every department at its step; the ones without a report are 未建.
    await e2e.at('caizheng', '/bureau/progress?year=2023', async (page) => {
      const table = page.getByTestId('progress-table');
      await table.getByText('示范县教育局').waitFor();
      await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toBe('填报进度');
      await shot(page, 'bureau-progress', true);
      await page.locator('.ant-segmented-item', { hasText: /^未建/ }).click();
      await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(4);
      await expect.poll(() => table.locator('tbody').textContent()).not.toContain('农业农村局');
      const sheet = await downloaded(page, () => page.getByTestId('progress-export').click());
      expect(sheet.name).toBe('填报进度-2023年度.xlsx');
      expect(sheet.bytes.subarray(0, 2).toString()).toBe('PK');

      // The report list: a search and a filter answered by the server.
      await page.goto(`${e2e.url}/bureau/reports?year=2023`);
      await page.getByTestId('batch-export').waitFor();
      const list = page.getByTestId('bureau-reports');
      await list.locator('tbody tr.ant-table-row').first().waitFor();
      const all = await list.locator('tbody tr.ant-table-row').count();
      expect(all).toBeGreaterThanOrEqual(4);
      await page.getByLabel('搜索单位或项目').fill('农业');
      await page.getByLabel('搜索单位或项目').press('Enter');
      await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(1);
      await expect.poll(() => page.url()).toContain('q=');
      await shot(page, 'bureau-report-list');
      // Batch export of what the filter shows: Word files named as single downloads.
      const zip = await downloaded(page, () =>
        page
          .getByTestId('batch-export')
          .getByRole('button', { name: btn('Word 压缩包') })
          .click(),
      );
      expect(zip.name).toMatch(/\.zip$/);
      const names = Object.keys((await JSZip.loadAsync(zip.bytes)).files);
      expect(names).toEqual(['示范县农业农村局-2023-部门整体支出绩效自评报告-v1.docx']);
      // Clear the search, select two rows, export their summary.
      await page.getByLabel('搜索单位或项目').fill('');
      await page.getByLabel('搜索单位或项目').press('Enter');
      await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(all);
      await list.locator('tbody tr.ant-table-row').nth(0).locator('input[type="checkbox"]').check();
      await list.locator('tbody tr.ant-table-row').nth(1).locator('input[type="checkbox"]').check();
      await page.getByTestId('batch-export').getByText('导出所选 2 份').waitFor();
      const summary = await downloaded(page, () =>
        page
          .getByTestId('batch-export')
          .getByRole('button', { name: btn('Excel 汇总表') })
          .click(),
      );
      expect(summary.name).toBe('报告汇总-2023年度-2份.xlsx');

      // Review: a comment with its author, an approval with an opinion.
      await page.goto(`${e2e.url}/bureau/reports?year=2023&status=dept-approved`);
      await list.locator('tbody tr.ant-table-row').first().waitFor();
      await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(1);
      await list.locator('tbody tr.ant-table-row a').first().click();
      await page.waitForURL(/\/bureau\/review\//);
      await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toBe('审核报告');
      await page.getByTestId('whose-turn').filter({ hasText: '财政局（您）' }).waitFor();
      await page.getByRole('tab', { name: /意见/ }).click();
      await page.getByLabel('写意见').fill('请补充项目资金的佐证材料。');
      await page.getByRole('button', { name: btn('发送意见') }).click();
      await page.getByTestId('review-notes').getByText('示范县财政局 审核员').first().waitFor();
      await page.getByRole('button', { name: btn('财政审核通过') }).click();
      await page.getByLabel('审核意见').fill('数据与决算一致，同意。');
      await confirmMove(page);
      await page.locator('h1 [data-status="bureau-approved"]').waitFor();
      await shot(page, 'bureau-review-notes');

      // The history page: versions, moves and opinions with people and times.
      await page.getByRole('link', { name: '报告历史' }).click();
      await page.waitForURL(/\/history$/);
      const history = page.getByTestId('report-history');
      await history.getByText('数据与决算一致，同意。').waitFor();
      for (const t of [
        '财政审核通过（单位已审核 → 财政已审核）',
        '单位审核通过（已提交 → 单位已审核）',
        '创建报告（第 1 版）',
      ])
        await history.getByText(t).waitFor();
      await history.getByText('请补充项目资金的佐证材料。').waitFor();
      await shot(page, 'report-history', true);
      await page.locator('.ant-segmented-item', { hasText: '意见' }).click();
      await expect.poll(() => history.getByText('创建报告（第 1 版）').count()).toBe(0);
    });
    expect(errors).toEqual([]);
  }, 240_000);
});
