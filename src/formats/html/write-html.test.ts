import { describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { golden } from '../../../test/support/formats/external-tools.ts';
import { escapeHtml, writeHtml } from './write-html.ts';

const GOLDEN = new URL('../../../test/fixtures/html/composed-report.html', import.meta.url).pathname;

describe('HTML writer', () => {
  it('writes the composed report as in the golden file', () => {
    const html = writeHtml({ report: composedReport() });
    expect(html).toBe(golden(GOLDEN, html));
  });

  it('is one self-contained page with print CSS', () => {
    const html = writeHtml({ report: composedReport() });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/@media print \{\s*@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    expect(html).not.toMatch(/<script|<link|\ssrc=|url\(/i);
    expect(html).toContain('<td class="num">1105.10</td>');
    expect(html).toContain('<td rowspan="2" class="strong">预算执行情况（分值40，得分37.5）</td>');
    expect(html).toContain('<h1 class="title">临江县水务局2024年度部门整体支出绩效自评报告</h1>');
  });

  it('escapes report text', () => {
    const r = composedReport();
    const html = writeHtml({ report: { ...r, otherNotes: { value: '<script>alert("x")</script> & 其他' } } });
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 其他');
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });

  it('shows the audit errors first unless allowed', () => {
    const findings = [{ rule: 'units.table-label', severity: 'error' as const, message: '表的单位应为万元' }];
    const html = writeHtml({ report: composedReport(), findings });
    expect(html.indexOf('审核发现错误')).toBeLessThan(html.indexOf('<h1 class="title">'));
    expect(writeHtml({ report: composedReport(), findings, allowErrors: true })).not.toContain(
      '审核发现错误',
    );
  });
});
