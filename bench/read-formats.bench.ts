/**
 * Reading speed per input type, and how many of the model's fields each type reads the same as the text
 * export: one composed report (clean-base.txt) rendered into every type the readers take.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import JSZip from 'jszip';
import type { DepartmentReport } from '../src/core/model/index.ts';
import { reportTitle } from '../src/formats/document/blocks/report-blocks.ts';
import { writeDocx } from '../src/formats/docx/write-docx.ts';
import { writeHtml } from '../src/formats/html/write-html.ts';
import { findSoffice } from '../src/formats/office/libreoffice.ts';
import { withoutFontPrograms } from '../src/formats/pdf/font-programs.ts';
import { loadPdfJs, withoutDecompressionStream } from '../src/formats/pdf/load-pdfjs.ts';
import { pdfPages } from '../src/formats/pdf/pdf-pages.ts';
import { withoutGlyphDrawings } from '../src/formats/pdf/type3-glyphs.ts';
import { findChromium, htmlToPdf } from '../src/formats/pdf/write-pdf.ts';
import { readThroughLibreOffice } from '../src/formats/read/read-ole.ts';
import { readReport } from '../src/formats/read-report.ts';
import type { ReadResult } from '../src/formats/read-result.ts';
import { govPageBytes } from '../test/fixtures/cross/gov-page.ts';
import { modelData } from '../test/support/formats/model-data.ts';
import { median, ms, type Section, table } from './harness.ts';

/** Leaves of a JSON value, by path. */
const leaves = (v: unknown, path = '', out = new Map<string, string>()): Map<string, string> => {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leaves(x, `${path}/${k}`, out);
  } else out.set(path, JSON.stringify(v));
  return out;
};

/** Without the score table the writers append (derived from the indicators; see read-pdf.test.ts). */
const reportPage = (report: DepartmentReport, times = 1): string => {
  const html = writeHtml({ report, allowErrors: true });
  const start = html.indexOf('<section class="appendix">');
  const page = start < 0 ? html : html.slice(0, start) + html.slice(html.indexOf('</section>', start) + 10);
  if (times === 1) return page;
  const open = page.indexOf('<main');
  const close = page.lastIndexOf('</main>') + '</main>'.length;
  return page.slice(0, open) + page.slice(open, close).repeat(times) + page.slice(close);
};

/**
 * The floor for a PDF: pdf.js giving each page's text, nothing else, set up as the reader sets it up (the
 * Type3 glyph drawings and the programs of fonts with a ToUnicode map and widths hidden, its own inflating
 * rather than the web DecompressionStream, its text state copied without a prototype chain).
 */
const pdfTextOnly = async (bytes: Uint8Array): Promise<void> => {
  const lib = await loadPdfJs();
  await withoutDecompressionStream(async () => {
    const doc = await lib.getDocument({
      data: withoutFontPrograms(withoutGlyphDrawings(bytes)),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
    await doc.destroy();
  });
};

/**
 * pdf.js giving each page's text as set up by default: the file as it is (glyph drawings and font programs
 * kept), the web DecompressionStream. Its text state is copied as the reader has it copied (the process's
 * pdf.js is changed once, when loaded: src/formats/pdf/text-state.ts).
 */
const pdfTextDefault = async (bytes: Uint8Array): Promise<void> => {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
};

/** Wall and CPU milliseconds (user + system, all threads of the process) of `runs` runs after one warm-up. */
const timed = async (fn: () => Promise<unknown>, runs: number): Promise<{ wall: number; cpu: number }> => {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
};

/** The .docx with its body twice over (a report of about 20 pages), for LibreOffice to print as PDF. */
const twice = async (docx: Uint8Array): Promise<Uint8Array> => {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const open = xml.indexOf('>', xml.indexOf('<w:body')) + 1;
  const end = xml.lastIndexOf('<w:sectPr');
  zip.file('word/document.xml', xml.slice(0, open) + xml.slice(open, end).repeat(2) + xml.slice(end));
  return zip.generateAsync({ type: 'uint8array' });
};

const saveAs = (bytes: Uint8Array, from: string, steps: string[]): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  try {
    let file = `in.${from}`;
    writeFileSync(join(dir, file), bytes);
    for (const to of steps) {
      const args = [
        `-env:UserInstallation=file://${dir}/p`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        dir,
      ];
      execFileSync('soffice', [...args, join(dir, file)], { stdio: 'ignore', timeout: 300_000 });
      file = `in.${to.split(':')[0]}`;
    }
    return new Uint8Array(readFileSync(join(dir, file)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const run = async (): Promise<Section> => {
  const text = readFileSync(new URL('../test/fixtures/audit/clean-base.txt', import.meta.url));
  const read = await readReport(new Uint8Array(text));
  if (!read.ok || read.value.kind !== 'department') throw new Error('clean-base.txt not readable');
  const report = read.value;
  const expected = leaves(modelData({ ...report, title: { value: reportTitle(report) } }));
  const fromText = leaves(modelData(report));

  const inputs: {
    name: string;
    bytes: Uint8Array;
    runs: number;
    goal: string;
    read?: (bytes: Uint8Array) => Promise<ReadResult>;
  }[] = [
    { name: 'text export (.txt)', bytes: new Uint8Array(text), runs: 200, goal: '< 5 ms' },
    {
      name: '.docx (the project writer)',
      bytes: await writeDocx({ report, allowErrors: true }),
      runs: 50,
      goal: '',
    },
    {
      name: 'HTML (the project writer)',
      bytes: new TextEncoder().encode(reportPage(report)),
      runs: 100,
      goal: '< 20 ms',
    },
    {
      name: 'HTML (government site page, GBK, chrome)',
      bytes: govPageBytes(text.toString('utf8')),
      runs: 100,
      goal: '< 20 ms',
    },
  ];
  const notes: string[] = [];
  if (findChromium()) {
    for (const times of [1, 2]) {
      const pdf = await htmlToPdf(reportPage(report, times));
      if (!pdf.ok) continue;
      const pages = await pdfPages(pdf.value);
      const n = pages.ok ? pages.pages.length : 0;
      inputs.push({
        name: `PDF, ${n} pages (Chromium)`,
        bytes: pdf.value,
        runs: 7,
        goal: times === 2 ? '20 pages < 300 ms' : '',
      });
    }
  } else notes.push('Chromium not installed: PDF not measured.');
  if (findSoffice()) {
    const docx = inputs[1]!.bytes;
    const pdf = saveAs(await twice(docx), 'docx', ['pdf']);
    const pages = await pdfPages(pdf);
    inputs.push({
      name: `PDF, ${pages.ok ? pages.pages.length : 0} pages (LibreOffice from the .docx)`,
      bytes: pdf,
      runs: 7,
      goal: '20 pages < 300 ms',
    });
    const doc = saveAs(docx, 'docx', ['odt', 'doc:MS Word 97']);
    inputs.push(
      { name: '.doc (LibreOffice saved it; read from its own streams)', bytes: doc, runs: 7, goal: '< 3 s' },
      {
        name: '.doc converted by LibreOffice (.xls, and a .doc read only in part)',
        bytes: doc,
        runs: 3,
        goal: '',
        read: (bytes) => readThroughLibreOffice(bytes, 'doc'),
      },
    );
  } else notes.push('LibreOffice not installed: .doc not measured.');

  const rows: string[][] = [];
  for (const input of inputs) {
    const read = input.read ?? readReport;
    const t = await timed(() => read(input.bytes), input.runs);
    const back = await read(input.bytes);
    let same = '—';
    if (back.ok) {
      const got = leaves(modelData(back.value));
      // The text export has no standard title; the rendered files do.
      const want = input.name.startsWith('text') || input.name.includes('government') ? fromText : expected;
      let equal = 0;
      for (const [k, v] of want) if (got.get(k) === v) equal++;
      same = `${equal} / ${want.size}`;
    }
    const size = `${Math.round(input.bytes.length / 1024)} KB`;
    rows.push([input.name, size, ms(t.wall), ms(t.cpu), same, input.goal]);
    if (input.name.startsWith('PDF')) {
      const floor = await timed(() => pdfTextOnly(input.bytes), input.runs);
      const what = input.name.slice(5, input.name.indexOf(' pages'));
      rows.push([`floor: pdf.js text alone, same ${what} pages`, '', ms(floor.wall), ms(floor.cpu), '', '']);
      const plain = await timed(() => pdfTextDefault(input.bytes), input.runs);
      rows.push([
        `pdf.js text alone, default setup, same ${what} pages`,
        '',
        ms(plain.wall),
        ms(plain.cpu),
        '',
        '',
      ]);
    }
  }
  return {
    title: 'Reading each input type (one report)',
    markdown: [
      'clean-base.txt (a composed 部门整体 report) read as its text export and rendered into every input type the readers take; median of the runs shown after one warm-up run, in process. "Fields read the same": leaves of the model (without sources) equal to the text export\'s model.',
      '',
      table(['input', 'size', 'median ms', 'median CPU ms', 'fields read the same', 'goal'], rows),
      '',
      `Load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (the figures scale with it). The longer PDF is the report printed twice over, for length: one field of its model differs by construction. PDF time is mostly pdf.js, measured against the floor row below each PDF: pdf.js giving each page's text alone, set up as the reader sets it up, in the same run; the row below that is pdf.js giving the text as set up by default (the file as it is, the web DecompressionStream). Chromium embeds its CJK fonts as Type3 fonts, one per run of text, whose glyph drawings the reader blanks before pdf.js parses the file (src/formats/pdf/type3-glyphs.ts). LibreOffice, like Word and WPS, embeds subsets of the fonts themselves, whose programs pdf.js would parse and convert, and draw each glyph shown as a path, though text needs only the font's ToUnicode map and its widths: the reader blanks the program's reference of each font whose dictionary has both, bytes in place (a Type1 font's dictionary rewritten as a TrueType one of the same length), before pdf.js parses the file (src/formats/pdf/font-programs.ts). pdf.js copies its text state at each q and each change of font with the state copied as the copy's prototype, which V8 makes slow, and LibreOffice and Word wrap each run of text in q … Q: the process's pdf.js copies it without (src/formats/pdf/text-state.ts, applied once when pdf.js is loaded, so in every row here). The floor moved with these two on 2026-12-07 (before, it kept the font programs and pdf.js's own copying). A page's drawing is parsed a second time, for ruling lines, only when its text has two texts on one line more than half a character apart, as a table row's cells are (src/formats/pdf/pdf-pages.ts): pages of prose are parsed once. pdf.js inflates the streams (about 200 small ones per file, fonts' maps and page contents) in its own code while the reader runs: the web DecompressionStream it would use otherwise goes through Node's stream adapters and zlib's thread pool, a fixed cost per stream that was about a quarter of a read's CPU time (src/formats/pdf/load-pdfjs.ts). CPU ms is the process's user + system time per run (all its threads), the figure to compare on a loaded machine. Re-run with \`npm run bench -- read-formats --write\` (a few minutes: it prints the PDFs with Chromium and converts with LibreOffice first). The process's own Array.prototype.push, JSON.parse/stringify are kept (pdf.js's core-js replaced them with slower JavaScript ones process-wide: src/formats/pdf/load-pdfjs.ts). A .doc is read from its own streams (word-extractor, src/formats/office/read-word97.ts) and goes to LibreOffice only when that gives no report or only part of one; the LibreOffice row includes starting it (one profile folder per process, one conversion at a time; an office is kept running for the next one). ${notes.join(' ')}`,
    ].join('\n'),
  };
};
