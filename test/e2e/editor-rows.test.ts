/**
 * In a real browser: a clerk adds what the imported report lacks — a row of the 部门整体支出表 chosen by
 * its name, an indicator under a level-1 indicator, a section of the year's work — removes one again,
 * saves, and finds them all in the saved version (and the live audit reading the new row).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, signIn, watchErrors } from './browser.ts';
import { ROOT, type Served, startServe } from './server.ts';

const describeE2e = hasChromium ? describe : describe.skip;
const REPORT = join(ROOT, 'test/fixtures/audit/clean-small.txt');

type Version = {
  document: {
    expenditureTable: { rows: { key: string; code: string | null; label: string }[] };
    indicators: { label: string; name: string; children: { label: string; name: string; level: number }[] }[];
    work: { sections: { no: number; title: string; body: string }[] };
  };
};

/** How many fields the editor shows whose path matches `re`. */
const fieldsLike = async (page: Page, re: RegExp): Promise<number> => {
  const paths = await page
    .locator('[data-field]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
  return paths.filter((p) => p !== null && re.test(p)).length;
};

describeE2e('adding rows in the editor', () => {
  let served: Served;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/web/tools/build-if-stale.ts')],
      { cwd: ROOT, stdio: 'inherit' },
    );
    [served, browser] = await Promise.all([startServe(), launch()]);
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('adds an expenditure row, an indicator and a work section, removes one, and saves them', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watchErrors(page, errors);
    try {
      await signIn(page, served.url, 'jiaoyu-tb', served.demoPassword);
      await page.goto(`${served.url}/dept/new`);
      await page.setInputFiles('input[type=file]', REPORT);
      await page.getByTestId('import-summary').waitFor();
      await page.getByRole('button', { name: '打开编辑' }).click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      const reportId = page.url().split('/').pop() ?? '';
      await page.getByTestId('computed-total').waitFor();

      // 基本情况: a new section of the year's work, written.
      const sections = page.getByRole('button', { name: '删除此项工作' });
      const before = await sections.count();
      await page.getByRole('button', { name: /添加一项工作/ }).click();
      await expect.poll(() => sections.count()).toBe(before + 1);
      await page.locator(`[data-field="work.sections.${before}.title"] input`).fill('信息化建设');
      await page
        .locator(`[data-field="work.sections.${before}.body"] textarea`)
        .fill('全年建成智慧校园平台一个。');

      // 收支: a row of the expenditure table, chosen by name.
      await page.getByRole('tab', { name: '收支与三公经费' }).click();
      const rows = page.locator('[data-field^="expenditureTable.rows."][data-field$=".label"]');
      const rowCount = await rows.count();
      await page.getByLabel('添加一行').click();
      await page.keyboard.type('对个人和家庭');
      await page.locator('.ant-select-item-option', { hasText: '303 对个人和家庭的补助' }).click();
      await expect.poll(() => rows.count()).toBe(rowCount + 1);
      await page.locator(`[data-field="expenditureTable.rows.${rowCount}.final"] input`).fill('12.5');
      // The live audit reads the new row: the economic classes no longer add up to the year's total.
      await page.locator('.jx-finding[data-rule^="finance."]').first().waitFor();

      // 指标: a level-2 indicator under the first level-1 one; a second one added and removed again.
      await page.getByRole('tab', { name: '指标与得分' }).click();
      const addUnder = page.getByRole('button', { name: '添加下级指标' }).first();
      const children = await fieldsLike(page, /^indicators\.0\.children\.\d+\.weight$/);
      await addUnder.click();
      await addUnder.click();
      const named = page.locator(`[data-field="indicators.0.children.${children}.name"] input`);
      await named.fill('信息化建设情况');
      await page.locator(`[data-field="indicators.0.children.${children + 1}.name"] input`).waitFor();
      // The last one added goes again.
      const removeLast = page
        .locator('tr', { has: page.locator(`[data-field="indicators.0.children.${children + 1}.name"]`) })
        .getByRole('button', { name: '删除此指标' });
      await removeLast.click();
      await expect
        .poll(() => page.locator(`[data-field="indicators.0.children.${children + 1}.name"]`).count())
        .toBe(0);

      await page.getByLabel('修改说明').fill('补充支出明细、指标和工作');
      await page.getByTestId('save').click();
      await page.getByText('已保存为第 2 版').waitFor();

      const saved = await page.evaluate(async (id) => {
        const r = await fetch(`/api/reports/${id}/versions/2`);
        return r.json();
      }, reportId);
      const doc = (saved as Version).document;
      expect(doc.work.sections.at(-1)).toMatchObject({ no: before + 1, title: '信息化建设' });
      expect(doc.expenditureTable.rows.at(-1)).toMatchObject({
        key: 'economic',
        code: '303',
        label: '对个人和家庭的补助',
      });
      const first = doc.indicators[0]!;
      expect(first.children).toHaveLength(children + 1);
      expect(first.children.at(-1)).toMatchObject({
        level: 2,
        label: `${children + 1}.`,
        name: '信息化建设情况',
      });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
