import { describe, expect, it } from 'vitest';
import { composedReport } from '../../test/fixtures/docx/composed-report.ts';
import { parseXml } from './docx/ooxml-xml.ts';
import { writeDocx } from './docx/write-docx.ts';
import type { FormGrid } from './project/form-rows.ts';
import { writeProjectDocx } from './project/write-project-docx.ts';
import { writeProjectXlsx } from './project/write-project-xlsx.ts';
import { writeXlsx } from './xlsx/write-xlsx.ts';
import { xmlSafe, xmlText } from './xml-safe.ts';
import { openZipGuarded } from './zip/index.ts';

/** Every character XML 1.0 refuses that a pasted text can bring, among ones it allows. */
const HOSTILE = '水务\u0000局\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800\uDC00x\uDFFF\tA\n\r😀';
const CLEAN = '水务局\uD800\uDC00x\tA\n\r😀';

/** Every XML part of an Office file parses with the strict parser (which refuses those characters). */
const wellFormed = (bytes: Uint8Array): string[] => {
  const zip = openZipGuarded(bytes);
  if (!zip.ok) throw new Error(zip.problem.en);
  const bad: string[] = [];
  for (const e of zip.value.entries) {
    if (!/\.(xml|rels)$/.test(e.name)) continue;
    const data = zip.value.read(e.name);
    if (!data.ok || !data.value || !parseXml(data.value).ok) bad.push(e.name);
  }
  return bad;
};

describe('characters XML cannot carry', () => {
  it('are removed, and nothing else is', () => {
    expect(xmlText(HOSTILE)).toBe(CLEAN);
    expect(xmlText('平常的文字')).toBe('平常的文字');
    const data = { a: ['\uFFFF甲', 1, null], b: { c: '乙\u0002' }, d: new Date(0) };
    expect(xmlSafe(data)).toEqual({ a: ['甲', 1, null], b: { c: '乙' }, d: new Date(0) });
    const same = { a: ['甲'] };
    expect(xmlSafe(same)).toBe(same);
  });

  it('never reach a .docx or .xlsx of a report', async () => {
    const report = composedReport();
    report.department.name = { value: HOSTILE };
    report.duties.items[0]!.text = HOSTILE;
    const finding = { rule: 'finance.sum-mismatch', severity: 'error' as const, message: HOSTILE };
    expect(wellFormed(await writeDocx({ report, findings: [finding] }))).toEqual([]);
    expect(wellFormed(await writeXlsx({ report, findings: [finding] }))).toEqual([]);
    // The input is not changed.
    expect(report.department.name?.value).toBe(HOSTILE);
  });

  it('never reach a .docx or .xlsx of a project form', async () => {
    const grid: FormGrid = {
      title: [`项目支出绩效自评表${HOSTILE}`],
      columns: 2,
      rows: [[{ text: '项目名称', head: true }, { text: HOSTILE }]],
    };
    const errors = [{ rule: 'project.x', severity: 'error' as const, message: HOSTILE }];
    expect(wellFormed(await writeProjectDocx(grid, errors))).toEqual([]);
    expect(wellFormed(await writeProjectXlsx(grid, errors))).toEqual([]);
  });
});
