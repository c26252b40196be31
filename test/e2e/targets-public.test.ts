/**
 * Publishing approved targets in a real browser: the clerk's project table is approved (through the API),
 * the bureau publishes the approved version from the table's page, and the public finds it on the portal
 * beside the reports and opens its page, which shows the grid in Chinese. Screenshot: targets-public.png.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { sampleProjectTable } from '../../src/core/targets/sample-tables.ts';
import { shot } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';

const VIEW = { width: 1366, height: 900 };
const YEAR = 2028;
const PROJECT = '乡村道路养护提升工程';

describeE2e('published target tables in a browser', () => {
  const e2e = useE2e({ name: 'targets-public', startMs: 240_000, viewport: VIEW });
  const { as, at, errors } = e2e;
  let tableId = '';

  const api = async (page: Page, method: 'post' | 'put', path: string, data: unknown) => {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'jixiao_csrf')?.value ?? '';
    const res = await page.request[method](`${e2e.url}${path}`, {
      headers: { 'x-csrf-token': decodeURIComponent(csrf) },
      data,
    });
    return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
  };

  it('the clerk declares and submits; the bureau approves (through the API)', async () => {
    await at('nongye-tb', '/targets', async (page) => {
      const created = await api(page, 'post', '/api/targets', {
        document: { ...sampleProjectTable(), year: YEAR, projectName: PROJECT },
      });
      expect(created.status).toBe(201);
      tableId = (created.body.table as { id: string }).id;
      expect((await api(page, 'post', `/api/targets/${tableId}/submit`, { from: 'draft' })).status).toBe(200);
    });
    await at('caizheng', '/targets', async (page) => {
      const graded = await api(page, 'post', `/api/targets/${tableId}/review`, { version: 1, grade: '优' });
      expect(graded.status).toBe(201);
    });
  }, 120_000);

  it('the bureau publishes the approved version from the table page', async () => {
    await at('caizheng', `/targets/${tableId}`, async (page) => {
      await page.getByRole('button', { name: /公开批复版本/ }).click();
      await page.getByText('已公开第1版').waitFor();
      expect(await page.getByRole('button', { name: /公开批复版本/ }).count()).toBe(0);
    });
  }, 120_000);

  it('the public finds it beside the reports and reads the grid in Chinese', async () => {
    await as(null, async (page) => {
      await page.goto(`${e2e.url}/`);
      await page.getByText('绩效目标表', { exact: true }).click();
      await page.waitForURL((u) => u.search.includes('show=targets'));
      const list = page.getByTestId('public-targets');
      await list.getByText(`项目支出绩效目标申报表 · ${PROJECT}`).waitFor();
      await list.getByRole('link').first().click();
      await page.waitForURL((u) => u.pathname === `/public/targets/${tableId}`);
      await page.getByRole('heading', { name: new RegExp(PROJECT) }).waitFor();
      const grid = page.getByTestId('public-target-grid');
      for (const head of ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '权重'])
        await grid.getByRole('columnheader', { name: head }).waitFor();
      const first = sampleProjectTable().indicators[0]!;
      await grid.getByRole('cell', { name: first.name, exact: true }).waitFor();
      await page.getByText('批复版本：第1版').waitFor();
      await page.getByText(`${sampleProjectTable().fundsTotal} 万元`).first().waitFor();
      // Nothing in English on the public page.
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toMatch(/\b(target|binding|approved|draft)\b/i);
      await shot(page, 'targets-public', true);
    });
    expect(errors).toEqual([]);
  }, 120_000);

  it('open data offers the target tables as a dataset', async () => {
    await as(null, async (page) => {
      await page.goto(`${e2e.url}/public/open-data`);
      await page.getByLabel('数据集').click();
      await page.getByTitle('绩效目标表').click();
      const href = await page.locator('a[href*="/open-data/csv"]').getAttribute('href');
      expect(href).toContain('dataset=targets');
      const res = await page.request.get(`${e2e.url}${href}`);
      expect(await res.text()).toContain(PROJECT);
    });
  }, 120_000);
});
