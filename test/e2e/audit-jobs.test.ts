/**
 * 批量审核 in the browser (embedded database: the server runs the job itself): the county's bureau
 * uploads a zip of reports, watches the progress bar reach 已完成, and downloads the results as CSV, one
 * row per report with the unreadable one said. Screenshot: docs/screenshots/bureau-audit-jobs.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { btn, downloadedBytes, shot } from './browser.ts';
import { describeE2e, useE2e } from './harness.ts';
import { ROOT } from './server.ts';

describeE2e('批量审核: a zip of reports, its progress, its CSV', () => {
  const e2e = useE2e({
    name: 'audit-jobs',
    startMs: 420_000,
    viewport: { width: 1440, height: 900 },
    timeoutMs: 30_000,
  });
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-jobs-'));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uploads a zip, shows progress to 已完成, and downloads one CSV row per report', async () => {
    const reports = join(dir, 'reports');
    execFileSync('mkdir', ['-p', reports]);
    const names = ['agriculture-2023.txt', 'environment-2023.txt', 'industry-2023.txt'];
    for (const n of names) writeFileSync(join(reports, n), readFileSync(join(ROOT, 'src/app/demo', n)));
    writeFileSync(join(reports, 'broken.txt'), '这不是一份报告');
    execFileSync('zip', ['-q', '-r', join(dir, '示范县报告.zip'), '.'], { cwd: reports });

    await e2e.as('caizheng', async (page) => {
      await page.getByRole('menuitem', { name: '批量审核' }).click();
      await page.waitForURL((u) => u.pathname === '/bureau/jobs');
      await page.locator('input[type=file]').setInputFiles(join(dir, '示范县报告.zip'));
      await page.getByRole('button', { name: btn('开始审核') }).click();
      const row = page.locator('.ant-table-row', { hasText: '示范县报告.zip' });
      await row.getByText('已完成').waitFor({ timeout: 90_000 });
      await expect(row.getByText('4 / 4 份').count()).resolves.toBe(1);
      await shot(page, 'bureau-audit-jobs');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: '下载 CSV' }).click(),
      ]);
      const csv = (await downloadedBytes(download)).toString('utf8');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toContain('文件,单位,年度');
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[0])
          .sort(),
      ).toEqual(['broken.txt', ...names].sort());
      expect(lines.find((l) => l.startsWith('broken.txt'))).toMatch(/,1,0,0,/);
    });
    expect(e2e.errors).toEqual([]);
  }, 240_000);
});
