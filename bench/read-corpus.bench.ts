/**
 * Reading the composed corpus in every input type: each report of test/fixtures/corpus taken apart into
 * its content and rendered as text in four shapes, HTML, .docx, PDF (Chromium; ruled and borderless
 * tables) and .doc (LibreOffice), as src/formats/understand/corpus-formats.test.ts does. Per type: the
 * golden fields read right out of those present, the error findings the audit gives (the reports are
 * meant to be clean: goal 0) and the median read time per report.
 */
import os from 'node:os';
import { auditReport } from '../src/core/audit/index.ts';
import { findSoffice } from '../src/formats/office/libreoffice.ts';
import { findChromium, holdPdfBrowser, htmlToPdf } from '../src/formats/pdf/write-pdf.ts';
import { readReport } from '../src/formats/read-report.ts';
import { contentOf, type Part } from '../test/fixtures/corpus/content.ts';
import { corpus } from '../test/fixtures/corpus/corpus.ts';
import { wrongFields } from '../test/fixtures/corpus/fields.ts';
import { asDocx, asHtml, asText, docsOf, htmlBytes, TEXT_SHAPES } from '../test/fixtures/corpus/render.ts';
import { median, ms, type Section, table, time } from './harness.ts';

type Input = { type: string; runs: number; goal: string; files: Uint8Array[] };

const pdfs = async (all: Part[][], ruled: boolean): Promise<Uint8Array[]> => {
  const out: Uint8Array[] = [];
  for (const parts of all) {
    const pdf = await htmlToPdf(asHtml(parts, { ruled }));
    if (!pdf.ok) throw new Error(pdf.message);
    out.push(pdf.value);
  }
  return out;
};

export const run = async (): Promise<Section> => {
  const reports = corpus();
  const contents = reports.map((c) => contentOf(new TextDecoder().decode(c.bytes)));
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const inputs: Input[] = [
    { type: 'text as written (corpus files)', runs: 30, goal: '< 5 ms', files: reports.map((c) => c.bytes) },
    ...TEXT_SHAPES.map((s) => ({
      type: `text, every table ${s === 'export' ? 'as the .docx text export' : s === 'tsv' ? 'TAB-separated' : s === 'pipe' ? 'in pipe rows' : 'one cell per line'}`,
      runs: 30,
      goal: '< 5 ms',
      files: contents.map((p) => utf8(asText(p, s))),
    })),
    { type: 'HTML (UTF-8)', runs: 20, goal: '< 20 ms', files: contents.map((p) => htmlBytes(p)) },
    {
      type: 'HTML (GBK)',
      runs: 20,
      goal: '< 20 ms',
      files: contents.map((p) => htmlBytes(p, { gbk: true })),
    },
    { type: '.docx', runs: 10, goal: '', files: await Promise.all(contents.map(asDocx)) },
  ];
  const notes: string[] = [];
  if (findChromium()) {
    const release = holdPdfBrowser();
    try {
      inputs.push({
        type: 'PDF, ruled tables (Chromium)',
        runs: 3,
        goal: '',
        files: await pdfs(contents, true),
      });
      inputs.push({ type: 'PDF, borderless tables', runs: 3, goal: '', files: await pdfs(contents, false) });
    } finally {
      await release();
    }
  } else notes.push('Chromium not installed: PDF not measured.');
  if (findSoffice()) {
    inputs.push({
      type: '.doc (the .docx saved by LibreOffice)',
      runs: 1,
      goal: '< 3 s',
      files: await docsOf(await Promise.all(contents.map(asDocx))),
    });
  } else notes.push('LibreOffice not installed: .doc not measured.');

  const rows: string[][] = [];
  for (const input of inputs) {
    let right = 0;
    let present = 0;
    let errors = 0;
    const rules = new Set<string>();
    const times: number[] = [];
    for (const [i, c] of reports.entries()) {
      const bytes = input.files[i]!;
      const r = await readReport(bytes);
      const fields = Object.keys(c.golden.fields).length;
      present += fields;
      right += fields - (r.ok ? wrongFields(r.value, c.golden).length : fields);
      if (r.ok) {
        for (const f of auditReport(r.value)) {
          if (f.severity !== 'error') continue;
          errors++;
          rules.add(f.rule);
        }
      }
      times.push(median(await time(() => readReport(bytes), input.runs, input.runs > 1 ? 1 : 0)));
    }
    rows.push([
      input.type,
      `${right} / ${present}`,
      String(errors) + (rules.size ? ` (${[...rules].join(', ')})` : ''),
      ms(median(times)),
      ms(Math.max(...times)),
      input.goal,
    ]);
  }
  return {
    title: 'Reading the corpus in every input type',
    markdown: [
      `The ${reports.length} reports of test/fixtures/corpus, each taken apart into its content (title, headings, paragraphs, tables: test/fixtures/corpus/content.ts) and rendered into every input type (render.ts), read with \`readReport\`: golden fields read right out of those present, error findings of \`auditReport\` (goal 0), and the read time per report (median over the reports of each one's median run; the slowest report). The same reports and renderings as src/formats/understand/corpus-formats.test.ts.`,
      '',
      table(['input type', 'fields right', 'error findings', 'median ms', 'slowest ms', 'goal'], rows),
      '',
      `Under load: load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end (other engineers' jobs share the machine). The .doc row includes starting LibreOffice for each read. ${notes.join(' ')}`,
    ].join('\n'),
  };
};
