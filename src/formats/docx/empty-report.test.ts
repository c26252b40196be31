import { describe, expect, it } from 'vitest';
import { emptyDepartmentReport } from '../../core/model/index.ts';
import { writeHtml } from '../html/write-html.ts';
import { writeXlsx } from '../xlsx/write-xlsx.ts';
import { readDocxLines } from './read-docx-lines.ts';
import { writeDocx } from './write-docx.ts';

describe('an empty report', () => {
  it('renders the standard headings in every format', async () => {
    const input = { report: emptyDepartmentReport() };
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
