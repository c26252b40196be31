/** The project form as a self-contained HTML page (and, printed by Chromium, as PDF). */
import type { Finding } from '../../core/findings.ts';
import { escapeHtml } from '../html/write-html.ts';
import { type FormGrid, gridLayout } from './form-rows.ts';

const CSS = `
@page { size: A4; margin: 2cm 1.8cm; }
body { font-family: SimSun, 'Noto Serif CJK SC', 'Songti SC', serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
p.sub { text-align: center; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: middle; word-break: break-all; }
th { font-weight: bold; text-align: center; }
section.errors { border: 1pt solid #b00; padding: 6pt; margin-bottom: 12pt; page-break-after: always; }
section.errors h2 { color: #b00; font-size: 12pt; margin: 0 0 4pt; }
`;

const rowspans = (grid: FormGrid): number[][] => {
  const { starts, rowsBelow } = gridLayout(grid);
  return grid.rows.map((row, i) => row.map((c, j) => (c.mergeUp ? 0 : 1 + rowsBelow(i, starts[i]![j]!))));
};

export const writeProjectHtml = (grid: FormGrid, errors: readonly Finding[] = []): string => {
  const spans = rowspans(grid);
  const body = grid.rows
    .map((row, i) => {
      const cells = row
        .map((c, j) => {
          if (c.mergeUp) return '';
          const tag = c.head ? 'th' : 'td';
          const attrs = `${(c.span ?? 1) > 1 ? ` colspan="${c.span}"` : ''}${(spans[i]?.[j] ?? 1) > 1 ? ` rowspan="${spans[i]?.[j]}"` : ''}`;
          return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  const errorPage = errors.length
    ? `<section class="errors"><h2>审核发现的错误</h2><ul>${errors
        .map((f) => `<li>[${escapeHtml(f.rule)}] ${escapeHtml(f.message)}</li>`)
        .join('')}</ul></section>`
    : '';
  const [title, ...sub] = grid.title;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')}</title><style>${CSS}</style></head>
<body>${errorPage}<h1>${escapeHtml(title ?? '')}</h1>${sub.map((s) => `<p class="sub">${escapeHtml(s)}</p>`).join('')}
<table><colgroup>${'<col>'.repeat(grid.columns)}</colgroup>
${body}
</table></body></html>
`;
};
