/** The report as one self-contained HTML page (inline CSS, no scripts, no external resources). */
import type { Block, Cell, TableBlock } from '../document/blocks/blocks.ts';
import type { RenderInput } from '../document/blocks/render-input.ts';
import { reportBlocks, reportTitle } from '../document/blocks/report-blocks.ts';
import { REPORT_CSS } from './report-css.ts';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const cellHtml = (c: Cell, tag: 'th' | 'td'): string => {
  const attrs = [
    c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
    c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
  ].join('');
  const cls = tag === 'td' ? [c.number ? 'num' : '', c.strong ? 'strong' : ''].filter(Boolean).join(' ') : '';
  const text = escapeHtml(c.text).replace(/\n/g, '<br>');
  return `<${tag}${attrs}${cls ? ` class="${cls}"` : ''}>${text}</${tag}>`;
};

export const tableHtml = (t: TableBlock): string => {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(1)}%">`).join('');
  const head = t.header.map((r) => `<tr>${r.map((c) => cellHtml(c, 'th')).join('')}</tr>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('\n');
  return `<table data-table="${t.id}"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
};

const blockHtml = (b: Block): string => {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title">${escapeHtml(b.text)}</h1>`;
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'caption':
      return `<p class="caption">${escapeHtml(b.text)}</p>`;
    case 'unit':
      return `<p class="unit">${escapeHtml(b.text)}</p>`;
    case 'table':
      return tableHtml(b);
    case 'appendix':
      return `<section class="appendix"><h2>${escapeHtml(b.title)}</h2>${tableHtml(b.table)}</section>`;
    case 'errors':
      return `<section class="errors"><h2>审核发现错误（本报告尚不能提交）</h2>${tableHtml({
        kind: 'table',
        id: 'errors',
        widths: [24, 76],
        header: [[{ text: '规则' }, { text: '说明' }]],
        rows: b.findings.map((f) => [{ text: f.rule }, { text: f.message }]),
      })}</section>`;
  }
};

/** The page's <body> content, for embedding (the web app's preview). */
export const reportBodyHtml = (input: RenderInput): string =>
  `<main class="page">\n${reportBlocks(input).map(blockHtml).join('\n')}\n</main>`;

export const writeHtml = (input: RenderInput): string =>
  `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(input.report))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${reportBodyHtml(input)}
</body>
</html>
`;
