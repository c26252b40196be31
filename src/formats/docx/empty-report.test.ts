import { describe, expect, it } from 'vitest';
import type { DepartmentReport } from '../../core/model/index.ts';
import { writeHtml } from '../html/write-html.ts';
import { writeXlsx } from '../xlsx/write-xlsx.ts';
import { readDocxLines } from './read-docx-lines.ts';
import { writeDocx } from './write-docx.ts';

/** A report with nothing read: every part null or empty. */
const emptyReport = (): DepartmentReport => ({
  schemaVersion: 1,
  kind: 'department',
  title: null,
  year: null,
  frameworkId: null,
  department: { name: null, rank: null, extraNames: [], nature: null, jurisdiction: null },
  duties: { intro: null, items: [] },
  orgUnits: { statedCount: null, items: [] },
  staffing: {
    asOf: null,
    authorized: null,
    inService: null,
    contractStaff: null,
    other: null,
    retired: null,
  },
  work: { intro: null, sections: [] },
  income: null,
  expenditure: null,
  expenditureTable: null,
  threePublic: null,
  targets: null,
  conclusion: null,
  indicators: [],
  achievements: null,
  problems: { problems: null, causes: null, measures: null },
  otherNotes: null,
  meta: { format: 'editor', encoding: null, warnings: [] },
});

describe('an empty report', () => {
  it('renders the standard headings in every format', async () => {
    const input = { report: emptyReport() };
    const docx = readDocxLines(await writeDocx(input));
    expect(docx.ok && docx.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(['部门整体支出绩效自评报告', '一、部门基本情况', '五、其他需要说明的情况']),
    );
    // Nothing is invented: no count of zero units, no figures.
    expect(docx.ok && docx.lines.some((l) => /\d/.test(l.text.replace(/^\d+\./, '')))).toBe(false);
    expect(writeHtml(input)).toContain('<h2>三、绩效自评分析</h2>');
    expect((await writeXlsx(input)).length).toBeGreaterThan(1000);
  });
});
