/**
 * End to end in a real browser: a department imports the seed report, sees its audit findings, fixes one
 * and submits; the department head approves; the bureau returns it with a reason; the clerk fixes and
 * resubmits; the head and then the bureau approve; the bureau publishes; the public page shows it and its
 * download opens; and a clerk adds rows the imported report lacks. Screenshots of the main pages go to
 * docs/screenshots/ with `npm run screenshots`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { hasSeeds, seedPath } from '../seed.ts';
import { btn, clickInDialog, confirmImportIdentity, confirmMove, shot, watchErrors } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';
import { ROOT } from './server.ts';

/** The cycle starts from the real sample report (../shared/seeds/); without it those steps skip. */
const itSeed = hasSeeds ? it : it.skip;

/** One role's part of the cycle; generous because CI machines are shared. */
const STEP_MS = 180_000;
/** antd puts a space between two Chinese characters of a button. */

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

describeE2e('the yearly cycle in a browser', () => {
  const e2e = useE2e({ name: 'workflow' });
  const { as, at, errors } = e2e;
  let reportId = '';

  const status = (page: Page, s: string) => page.locator(`h1 [data-status="${s}"]`).waitFor();

  /** Writes an explanation for every audit error that still needs one, one at a time. */
  const explainErrors = async (page: Page) => {
    const open = page.getByRole('button', { name: '写说明' });
    const done = page.locator('.jx-finding', { hasText: '已说明：' });
    const editing = page.getByLabel('问题说明');
    while ((await open.count()) > 0) {
      const before = await done.count();
      await open.first().click();
      await editing.fill('该数据按原始凭证填列，差异原因已向财政局书面说明。');
      await page
        .locator('.jx-finding')
        .getByRole('button', { name: btn('保存') })
        .click();
      // Saved and shown back from the server before the next one is opened.
      await expect
        .poll(async () => (await done.count()) > before && (await editing.count()) === 0)
        .toBe(true);
    }
  };

  itSeed(
    'a department clerk imports the seed, sees its findings, fixes one and submits',
    async () => {
      await as('jiaoyu-tb', async (page) => {
        await shot(page, 'dept-workspace');
        await page.goto(`${e2e.url}/dept/new`);
        await page.setInputFiles('input[type=file]', seedPath());
        // The sample names another county's unit: imported all the same, with a reason.
        await confirmImportIdentity(page, '以样例报告演示填报流程');
        await page.getByTestId('import-summary').waitFor();
        await shot(page, 'import-summary', true);
        await page.getByRole('button', { name: '打开编辑' }).click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
        reportId = page.url().split('/').pop() ?? '';
        await page.getByTestId('computed-total').waitFor();
        const findings = page.locator('.jx-finding');
        await findings.first().waitFor();
        expect(await findings.count()).toBeGreaterThan(0);
        await shot(page, 'editor');

        // Fix a finding that states what the value should be: jump to its field and type the expected value.
        let fixed: string | null = null;
        const candidates = await findings
          .filter({ hasText: '应为' })
          .filter({ has: page.locator('.jx-finding-jump') })
          .all();
        for (const item of candidates) {
          const message = ((await item.locator('.jx-finding-jump').textContent()) ?? '').trim();
          const expected = ((await item.textContent()) ?? '').match(/应为 (\S+)/)?.[1];
          if (!expected || !/^-?\d+(\.\d+)?$/.test(expected)) continue;
          await item.locator('.jx-finding-jump').click();
          await page.locator('.jx-hit').first().waitFor();
          const input = page.locator('.jx-hit input:focus, .jx-hit textarea:focus');
          if ((await input.count()) === 0) continue;
          if (!fixed) await shot(page, 'editor-finding-jump');
          const before = await input.inputValue();
          await input.fill(expected);
          // The live check runs a moment after typing stops: wait for the finding to go (or give up).
          const finding = page.locator('.jx-finding-jump', { hasText: message });
          const gone = await finding
            .first()
            .waitFor({ state: 'detached', timeout: 3_000 })
            .then(() => true)
            .catch(() => false);
          const invalid = await page.locator('.jx-finding[data-rule="editor.invalid"]').count();
          if (gone && invalid === 0) {
            fixed = message;
            break;
          }
          await input.fill(before);
          if (gone) await finding.first().waitFor();
        }
        expect(fixed, 'one finding could be fixed by typing its expected value').not.toBeNull();

        await page.getByLabel('修改说明').fill('按审核提示更正合计得分');
        await page.getByTestId('save').click();
        await page.getByText('已保存为第 2 版').waitFor();
        // The editor reopens on the saved version before anything else is done.
        await page.locator('h1', { hasText: '第 2 版' }).waitFor();
        await explainErrors(page);
        await page
          .getByTestId('workflow')
          .getByRole('button', { name: btn('提交') })
          .click();
        await confirmMove(page);
        await status(page, 'submitted');
      });
    },
    STEP_MS,
  );

  itSeed(
    'the department head approves',
    async () => {
      await at('jiaoyu-sh', `/reports/${reportId}`, async (page) => {
        await page.getByTestId('workflow').getByRole('button', { name: '单位审核通过' }).click();
        await confirmMove(page);
        await status(page, 'dept-approved');
      });
    },
    STEP_MS,
  );

  itSeed(
    'the bureau looks at its overview and returns the report with a reason',
    async () => {
      await as('caizheng', async (page) => {
        await page.getByText('年度总览').first().waitFor();
        await page.locator('canvas').first().waitFor();
        await shot(page, 'bureau-overview', true);
        await page.goto(`${e2e.url}/bureau/reports`);
        await page.locator('.ant-table-row').first().waitFor();
        await shot(page, 'bureau-reports');
        await page.goto(`${e2e.url}/bureau/review/${reportId}`);
        await page.getByTestId('workflow').waitFor();
        await page.getByRole('tab', { name: '与上一版的差异' }).click();
        await shot(page, 'bureau-review');
        await page
          .getByTestId('workflow')
          .getByRole('button', { name: btn('退回') })
          .click();
        await page.getByLabel('退回理由').fill('请补充说明“三公”经费较年初预算减少的原因。');
        await clickInDialog(page, page.locator('.ant-modal').getByRole('button', { name: btn('退回') }));
        await status(page, 'returned');
        await page.goto(`${e2e.url}/bureau/frameworks`);
        await page.locator('.ant-table-row').first().waitFor();
        await shot(page, 'frameworks');
      });
    },
    STEP_MS,
  );

  itSeed(
    'the clerk sees the reason, fixes and resubmits; the head approves again',
    async () => {
      await at('jiaoyu-tb', `/reports/${reportId}`, async (page) => {
        await page.getByTestId('return-reason').getByText('三公').waitFor();
        await page.getByTestId('review-notes').getByText('三公').waitFor();
        await shot(page, 'editor-returned');
        // A second window on the same version: its later save must not overwrite the first one's.
        const other = await page.context().newPage();
        watchErrors(other, errors);
        await other.goto(`${e2e.url}/reports/${reportId}`);
        await other.locator('h1', { hasText: '第 2 版' }).waitFor();
        await page.getByRole('tab', { name: '结论与问题' }).click();
        await page
          .getByLabel('其他说明')
          .fill('“三公”经费较年初预算减少，主要是压减公务接待和公务用车运行支出。');
        // Leaving with unsaved changes asks first; staying keeps the edit.
        const asked = new Promise<string>((resolve) =>
          page.once('dialog', (d) => {
            resolve(d.message());
            void d.dismiss();
          }),
        );
        await page.locator('header').getByRole('link', { name: '本单位报告' }).click();
        expect(await asked).toContain('未保存');
        expect(page.url()).toContain(`/reports/${reportId}`);
        await page.getByTestId('save').click();
        await page.getByText('已保存为第 3 版').waitFor();
        // The editor reopens on the saved version before anything else is done.
        await page.locator('h1', { hasText: '第 3 版' }).waitFor();
        await status(page, 'draft');
        await other.getByRole('tab', { name: '结论与问题' }).click();
        await other.getByLabel('其他说明').fill('另一窗口的修改');
        await other.getByTestId('save').click();
        await other.getByText('保存冲突').waitFor();
        await clickInDialog(other, other.getByRole('button', { name: /放弃我的修改/ }));
        try {
          // The reload reads the report, its version, audit, frameworks and targets: slow on a loaded machine.
          await other.locator('h1', { hasText: '第 3 版' }).waitFor({ timeout: 90_000 });
        } catch (e) {
          const file = join(tmpdir(), 'jixiao-e2e-failed-other-window.png');
          await other.screenshot({ path: file });
          console.error(`e2e: the second window did not reload; screenshot ${file}`);
          console.error(((await other.locator('body').textContent()) ?? '').slice(0, 1500));
          throw e;
        }
        await other.getByRole('tab', { name: '结论与问题' }).click();
        expect(await other.getByLabel('其他说明').inputValue()).toContain('压减公务接待');
        await other.close();
        await explainErrors(page);
        await page
          .getByTestId('workflow')
          .getByRole('button', { name: btn('提交') })
          .click();
        await confirmMove(page);
        await status(page, 'submitted');
      });
      await at('jiaoyu-sh', `/reports/${reportId}`, async (page) => {
        await page.getByTestId('workflow').getByRole('button', { name: '单位审核通过' }).click();
        await confirmMove(page);
        await status(page, 'dept-approved');
      });
    },
    STEP_MS,
  );

  itSeed(
    'the bureau approves and publishes',
    async () => {
      await at('caizheng', `/bureau/review/${reportId}`, async (page) => {
        // 审核得分: the bureau's own score for one indicator, with its reason.
        await page.getByRole('tab', { name: '审核得分' }).click();
        const before = await page.getByTestId('reviewed-total').textContent();
        await page.locator('#indicatorPath').click();
        await page.locator('#indicatorPath').fill('采购');
        await page.keyboard.press('Enter');
        await page.locator('#score').fill('1');
        await page.locator('#reason').fill('政府采购执行率低于目标，按评分标准复核为 1 分。');
        await page.getByRole('button', { name: '记录审核得分' }).click();
        await expect.poll(() => page.getByTestId('reviewed-total').textContent()).not.toBe(before);
        await shot(page, 'bureau-rescore');
        await page.getByTestId('workflow').getByRole('button', { name: '财政审核通过' }).click();
        await confirmMove(page);
        await status(page, 'bureau-approved');
        await page
          .getByTestId('workflow')
          .getByRole('button', { name: btn('公开') })
          .click();
        await confirmMove(page);
        await status(page, 'published');
      });
    },
    STEP_MS,
  );

  itSeed(
    'the public sees it and its download opens',
    async () => {
      await as(null, async (page) => {
        await page.goto(e2e.url);
        const link = page.getByRole('link', { name: '示范县教育局' });
        await link.waitFor();
        await shot(page, 'portal');
        await link.click();
        await page.waitForURL(/\/public\/reports\//);
        await page.getByText('指标得分').waitFor();
        await shot(page, 'public-report');
        const href = await page.locator('a[data-format="docx"]').getAttribute('href');
        expect(href).toBeTruthy();
        const res = await page.request.get(`${e2e.url}${href}`);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toContain('wordprocessingml');
        expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
        await page.goto(`${e2e.url}/public/open-data`);
        const csv = await page.request.get(`${e2e.url}/api/public/open-data/csv`);
        expect(await csv.text()).toContain('示范县教育局');
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(e2e.url);
        await page.getByRole('link', { name: '示范县教育局' }).waitFor();
        await shot(page, 'portal-phone');
      });
    },
    STEP_MS,
  );

  itSeed(
    'the admin pages list departments and users',
    async () => {
      await at({ username: 'admin', password: e2e.served.adminPassword }, '/admin/users', async (page) => {
        await page.locator('.ant-table-row').first().waitFor();
        await shot(page, 'admin-users');
        await page.goto(`${e2e.url}/admin/departments`);
        await page.locator('.ant-table-row').first().waitFor();
        await shot(page, 'admin-departments');
      });
      expect(errors).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'a clerk adds rows the imported report lacks, removes one, and saves them',
    async () => {
      // 住建局 has only a project report in the demo: its department report is imported here.
      await at('zhujian-tb', '/dept/new', async (page) => {
        await page.setInputFiles('input[type=file]', join(ROOT, 'test/fixtures/audit/clean-small.txt'));
        await confirmImportIdentity(page, '以示例报告补录本单位报告');
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
      });
      expect(errors).toEqual([]);
    },
    STEP_MS,
  );
});
