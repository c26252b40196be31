/**
 * The one stylesheet of the HTML report: the look of the .docx on screen (the web app's preview) and the
 * GB/T 9704 page when printed (A4, margins 37/35/28/26 mm, 仿宋 三号 body, 小标宋 二号 title).
 */
import { FONTS } from '../docx/docx-style.ts';

const stack = (f: { name: string; fallbacks: readonly string[] }, generic: string) =>
  `${[f.name, ...f.fallbacks].map((n) => `"${n}"`).join(', ')}, ${generic}`;

export const REPORT_CSS = `
:root { --body: ${stack(FONTS.body, 'serif')}; --title: ${stack(FONTS.title, 'serif')};
  --h1: ${stack(FONTS.heading1, 'sans-serif')}; --h2: ${stack(FONTS.heading2, 'serif')}; }
html { background: #eee; }
body { margin: 0; font-family: "Times New Roman", var(--body); font-size: 16pt; line-height: 28.95pt; color: #000; }
.page { background: #fff; width: 210mm; box-sizing: border-box; margin: 12px auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 0 6px #999; }
h1.title { font-family: var(--title); font-size: 22pt; font-weight: normal; line-height: 35pt; text-align: center; margin: 0 0 28.95pt; }
h2, h3, h4, p { margin: 0; text-indent: 2em; font-size: 16pt; font-weight: normal; }
h2 { font-family: var(--h1); }
h3 { font-family: var(--h2); }
h4 { font-family: var(--body); font-weight: bold; }
p.caption { text-indent: 0; text-align: center; font-weight: bold; page-break-after: avoid; break-after: avoid; }
p.unit { text-indent: 0; text-align: right; font-size: 12pt; line-height: 1.5; page-break-after: avoid; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; margin: 4pt 0 8pt; }
th, td { border: 0.75pt solid #000; padding: 1pt 4pt; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.strong { font-weight: bold; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
section.appendix { margin-top: 28.95pt; }
section.appendix h2 { text-indent: 0; text-align: center; }
section.errors { border: 2pt solid #c00000; padding: 8pt; margin-bottom: 16pt; }
section.errors h2 { color: #c00000; text-indent: 0; text-align: center; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  html { background: none; }
  .page { width: auto; margin: 0; padding: 0; box-shadow: none; }
  section.errors { page-break-after: always; break-after: page; }
  section.appendix { page-break-before: always; break-before: page; margin-top: 0; }
}
`;
