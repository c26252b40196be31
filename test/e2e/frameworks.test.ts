/**
 * The bureau brings its own framework, in a real browser: it uploads the score sheet of its notice (a
 * district's sheet with mistakes), sees every problem listed, corrects the scores and the duplicate name
 * in the page until the checks pass, and saves it for a report year. Screenshot (with the problems) into
 * docs/screenshots/ with `npm run screenshots`.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { btn, shot } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';
import { ROOT } from './server.ts';

const SHEET = join(ROOT, 'test/fixtures/score-sheets/district-flawed-2025.xlsx');

describeE2e('a score sheet uploaded, corrected and saved', () => {
  const e2e = useE2e({ name: 'frameworks', viewport: { width: 1366, height: 900 } });

  it('upload → problems → correct → save', async () => {
    await e2e.at('caizheng', '/bureau/frameworks', async (page) => {
      await page.getByRole('button', { name: btn('导入评分表') }).click();
      const card = page.getByTestId('import-sheet');
      await card.getByLabel('适用报告年度').fill('2025');
      await card.locator('input[type=file]').setInputFiles(SHEET);

      const problems = page.getByTestId('sheet-problems');
      await problems.locator('[data-rule="sheet.bad-weight"]').waitFor();
      for (const rule of [
        'sheet.missing-weight',
        'framework.duplicate',
        'framework.total',
        'sheet.unknown-column',
      ])
        expect(await problems.locator(`[data-rule="${rule}"]`).count(), rule).toBeGreaterThan(0);
      await expect(page.getByTestId('sheet-status').textContent()).resolves.toMatch(/需要改正/u);
      expect(await page.getByRole('button', { name: btn('保存为新版本') }).isDisabled()).toBe(true);
      await shot(page, 'frameworks-import', true);

      // Correct: the two scores, then the second 预算执行率 (it is 结转结余率 in the notice).
      await page.getByLabel('分值 资金使用合规性').fill('5');
      await page.getByLabel('分值 管理制度健全性').fill('5');
      await page.getByLabel('指标名称 indicators.1.children.0.children.1').fill('结转结余率');
      await page.getByLabel('新框架标识').fill('demo-district-2025');
      await expect(page.getByTestId('sheet-status').textContent()).resolves.toMatch(/校验通过/u);
      // The note of reading stays; no error is left.
      expect(await problems.locator('[data-severity="error"]').count()).toBe(0);
      expect(await problems.locator('[data-rule="sheet.unknown-column"]').count()).toBe(1);

      await page.getByRole('button', { name: btn('保存为新版本') }).click();
      await expect(page.getByTestId('sheet-saved').textContent()).resolves.toMatch(
        /第 1 版：2025 年度部门整体报告按此评分/u,
      );
      await page.getByText('（第 1 版）').first().waitFor();
    });
    expect(e2e.errors).toEqual([]);
  }, 240_000);
});
