import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshMemoryStore } from '../../test/support/pglite-template.ts';
import { DEMO_YEAR, seedDemo } from './demo/seed-demo.ts';
import { progressTable, progressWorkbook } from './progress.ts';

describe('progress table', () => {
  it('puts each demo department at its step with dates up to it, filters, refuses clerks, and exports', async () => {
    const store = await freshMemoryStore();
    try {
      await seedDemo(store, 'demo-password-1');
      const bureau = (await store.users.findUserForLogin('caizheng'))!;
      const clerk = (await store.users.findUserForLogin('nongye-tb'))!;
      const got = await progressTable(store, bureau, { year: DEMO_YEAR });
      if (!got.ok) throw new Error(got.message);
      const p = got.value;
      const byName = (n: string) => p.rows.filter((r) => r.departmentName.includes(n));
      expect(byName('工业').map((r) => r.step)).toEqual(['published']);
      expect(Object.keys(byName('工业')[0]!.dates).sort()).toEqual(
        ['bureau-approved', 'dept-approved', 'draft', 'published', 'submitted'].sort(),
      );
      expect(byName('农业农村').map((r) => r.step)).toEqual(['dept-approved']);
      expect(byName('教育').map((r) => r.step)).toEqual(['none']);
      // 住建局 has a project form but no 部门整体 report: 未建 beside its project.
      expect(byName('住').map((r) => [r.kind, r.step])).toEqual([
        [null, 'none'],
        ['project', 'submitted'],
      ]);
      expect(p.counts.none).toBe(p.rows.filter((r) => r.step === 'none').length);

      const none = await progressTable(store, bureau, { year: DEMO_YEAR, step: 'none' });
      expect(none.ok && none.value.rows.every((r) => r.step === 'none')).toBe(true);
      expect(none.ok && none.value.counts).toEqual(p.counts);
      const projects = await progressTable(store, bureau, { year: DEMO_YEAR, kind: 'project' });
      expect(projects.ok && projects.value.rows.map((r) => r.kind)).toEqual(['project']);
      expect(await progressTable(store, clerk, { year: DEMO_YEAR })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await progressWorkbook(p)).buffer as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount).toBe(p.rows.length + 1);
      expect(ws.getRow(1).getCell(6).value).toBe('进度');
    } finally {
      await store.close();
    }
  }, 120_000);
});
