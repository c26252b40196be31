/**
 * The department's editor side in a real browser: an import naming another unit and year asks for a
 * reason; importing a report that exists leads to 上传新版本, which lists what changed against the current
 * version before saving; a new version naming another year needs a reason, kept in the version note; a
 * money table's unit is corrected; a blank 项目 report is started. Screenshots with `npm run screenshots`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { btn, clickInDialog, confirmImportIdentity, dialogsSettled, shot } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';
import { ROOT } from './server.ts';

const VIEW = { width: 1440, height: 900 };
const STEP_MS = 120_000;
const DEMO = (name: string) => readFileSync(join(ROOT, `src/app/demo/${name}.txt`), 'utf8');

describeE2e('上传新版本 and the identity check in a browser', () => {
  const e2e = useE2e({ name: 'new-version', viewport: VIEW });
  const { as, at, errors } = e2e;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-new-version-'));
  /** A file of the test's own, written from a demo report. */
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  const versionOf = async (page: Page, id: string) =>
    (await (await page.request.get(`${e2e.url}/api/reports/${id}`)).json()) as {
      report: { currentVersion: number };
      versions: { version: number; summary: string }[];
    };

  it(
    "an import naming another unit and year asks for a reason; the report's own file, when it exists, becomes a new version after the changes are shown",
    async () => {
      await at('huanjing-tb', '/dept/new', async (page) => {
        await page.getByLabel('年度', { exact: true }).fill('2022');
        await page.setInputFiles('input[type=file]', file('农业.txt', DEMO('agriculture-2023')));
        const check = page.getByTestId('identity-check');
        await check.waitFor();
        expect(await check.textContent()).toContain('示范县农业农村局');
        expect(await check.textContent()).toContain('2022年度');
        await expect.poll(() => page.getByRole('button', { name: btn('确认导入') }).isDisabled()).toBe(true);
        await shot(page, 'import-identity');
        await confirmImportIdentity(page, '代农业农村局试填，稍后移交');
        await page.getByTestId('import-summary').waitFor();

        // The unit's own 2023 report exists (a draft): the fixed file goes in as its next version.
        await page.goto(`${e2e.url}/dept/new`);
        const fixed = DEMO('environment-2023').replace('实有在职人员20人', '实有在职人员21人');
        await page.setInputFiles('input[type=file]', file('环境.txt', fixed));
        await page.getByTestId('report-exists').waitFor();
        await shot(page, 'import-exists');
        await page.getByRole('button', { name: '作为新版本上传' }).click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
        const id = page.url().split('/').pop() ?? '';
        const diff = page.getByTestId('version-diff');
        await diff.waitFor();
        expect(await page.getByTestId('diff-count').textContent()).toContain('与第 1 版相比有 1 处不同');
        const row = diff.locator('.ant-table-row').first();
        expect(await row.textContent()).toContain('20');
        expect(await row.textContent()).toContain('21');
        await shot(page, 'new-version-diff');
        await clickInDialog(page, page.getByTestId('save-new-version'));
        await page.locator('h1', { hasText: '第 2 版' }).waitFor();
        await page.locator('.ant-modal').waitFor({ state: 'hidden' });
        expect((await versionOf(page, id)).report.currentVersion).toBe(2);

        // A file of another year: said before saving, saved only with a reason, kept in the version note.
        await page.setInputFiles('input[type=file]', file('环境-上年.txt', fixed.replaceAll('2023', '2022')));
        await page.locator('.ant-modal').getByTestId('identity-check').waitFor();
        const save = page.getByTestId('save-new-version');
        expect(await save.isDisabled()).toBe(true);
        await page.locator('.ant-modal').getByLabel('确认理由').fill('年度写错，内容为本年数据');
        await shot(page, 'new-version-identity');
        await clickInDialog(page, save);
        await page.locator('h1', { hasText: '第 3 版' }).waitFor();
        const detail = await versionOf(page, id);
        expect(detail.versions.find((v) => v.version === 3)?.summary).toContain(
          '确认理由：年度写错，内容为本年数据',
        );
        const history = (await (await page.request.get(`${e2e.url}/api/reports/${id}/history`)).json()) as {
          action: string;
        }[];
        expect(history.map((h) => h.action)).toContain('report.identity-confirmed');
      });
      expect(errors).toEqual([]);
    },
    STEP_MS,
  );

  it(
    "the expenditure table's unit label is corrected in the editor, and a blank 项目 report is started",
    async () => {
      await as('huanjing-tb', async (page) => {
        const list = (await (await page.request.get(`${e2e.url}/api/reports?year=2023`)).json()) as {
          id: string;
          kind: string;
        }[];
        const id = list.find((r) => r.kind === 'department')?.id ?? '';
        await page.goto(`${e2e.url}/reports/${id}`);
        await page.getByRole('tab', { name: '收支与三公经费' }).click();
        const unit = page.getByLabel('部门整体支出表单位');
        await unit.click();
        await page.locator('.ant-select-item-option', { hasText: /^元$/ }).click();
        const labelOnly = page.getByRole('button', { name: '只改单位，数字不变' });
        await labelOnly.waitFor();
        await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
        await dialogsSettled(page); // the dialog's opening animation ended, for the screenshot
        await shot(page, 'editor-units');
        await labelOnly.click();
        await page.getByTestId('save').click();
        await page.getByText('已保存为第').waitFor();
        const detail = await versionOf(page, id);
        const version = (await (
          await page.request.get(`${e2e.url}/api/reports/${id}/versions/${detail.report.currentVersion}`)
        ).json()) as { document: { expenditureTable: { unit: { value: string } } } };
        expect(version.document.expenditureTable.unit.value).toBe('元');

        await page.goto(`${e2e.url}/dept/new`);
        await page.getByRole('tab', { name: '空白报告' }).click();
        await page.getByText('项目支出绩效自评表').click();
        await page.getByLabel('项目名称').fill('农村污水治理项目');
        await page.getByRole('button', { name: '新建并填写' }).click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
        await page.getByRole('tab', { name: '项目资金' }).click();
        await page.getByText('未填写项目资金').waitFor();
        await shot(page, 'blank-project');
      });
      expect(errors).toEqual([]);
    },
    STEP_MS,
  );
});
