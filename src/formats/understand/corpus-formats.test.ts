/**
 * The same content in every input type reads to the same model: each report of the reading corpus
 * (test/fixtures/corpus) taken apart into its title, headings, paragraphs and tables and rendered by
 * test/fixtures/corpus/render.ts as text in each shape people paste, a web page (UTF-8 and GBK), a .docx,
 * a PDF printed by Chromium and a .doc saved by LibreOffice (when those are installed), a .docx and a web
 * page whose headings have no numbers (only their heading style tells them), each read back
 * and compared with the report's golden fields. {@link MISSES} lists the fields an input type still reads
 * wrong: the test fails when another field goes wrong and when a miss is read right (then drop it).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contentOf, type Part } from '../../../test/fixtures/corpus/content.ts';
import { type CorpusReport, corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { fieldsOf } from '../../../test/fixtures/corpus/fields.ts';
import {
  asDocx,
  asHtml,
  asText,
  docsOf,
  htmlBytes,
  TEXT_SHAPES,
  type TextShape,
} from '../../../test/fixtures/corpus/render.ts';
import { headingOf } from '../document/headings.ts';
import { findSoffice } from '../office/libreoffice.ts';
import { findChromium, holdPdfBrowser, htmlToPdf } from '../pdf/write-pdf.ts';
import { readReport } from '../read-report.ts';

/**
 * Fields still read wrong, by report and input type: none now. One cell per line, where an empty cell is
 * an empty line and rows have different widths, is told into rows by a form's row labels and header
 * columns (src/formats/understand/project/form-lines.ts); two column names a PDF line wrap joined
 * (项目年初预算数) are told apart by the flattened-table reader's column names
 * (src/formats/document/shape-paragraphs.ts).
 */
const MISSES: Record<string, Record<string, string[]>> = {};

const reports = corpus().map((c) => ({ ...c, parts: contentOf(new TextDecoder().decode(c.bytes)) }));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The golden fields `bytes` reads wrong, with what it read (for the failure message). */
const wrong = async (c: CorpusReport, bytes: Uint8Array) => {
  const r = await readReport(bytes);
  if (!r.ok) return { wrong: Object.keys(c.golden.fields), got: r.message };
  const got = fieldsOf(r.value);
  return {
    wrong: Object.keys(c.golden.fields).filter((k) => got[k] !== c.golden.fields[k]),
    got: JSON.stringify(got),
  };
};

const expectRead = async (c: CorpusReport, type: string, bytes: Uint8Array) => {
  const { wrong: w, got } = await wrong(c, bytes);
  expect([...w].sort(), got).toEqual([...(MISSES[c.name]?.[type] ?? [])].sort());
};

/** The headings without their numbers (一、 （一） 1. …): only their heading style tells them. */
const unnumbered = (parts: readonly Part[]): Part[] =>
  parts.map((p) => (p.kind === 'heading' ? { ...p, text: p.text.slice(headingOf(p.text)?.length ?? 0) } : p));

const TYPES: Record<string, (parts: Part[]) => Uint8Array | Promise<Uint8Array>> = {
  ...Object.fromEntries(TEXT_SHAPES.map((s) => [`text (${s})`, (p: Part[]) => utf8(asText(p, s))])),
  'HTML (UTF-8)': (p) => htmlBytes(p),
  'HTML (GBK)': (p) => htmlBytes(p, { gbk: true }),
  '.docx': (p) => asDocx(p),
  '.docx (styled headings, no numbers)': (p) => asDocx(unnumbered(p)),
  'HTML (h2–h4 headings, no numbers)': (p) => htmlBytes(unnumbered(p)),
};

describe('the corpus content in every input type', () => {
  it('every report has content with tables or paragraphs to render', () => {
    for (const r of reports) expect(r.parts.length, r.name).toBeGreaterThanOrEqual(3);
    expect(reports.filter((r) => r.parts.some((p) => p.kind === 'table')).length).toBeGreaterThanOrEqual(6);
  });

  for (const c of reports) {
    for (const [type, render] of Object.entries(TYPES)) {
      it(`${c.name}: ${type}`, async () => expectRead(c, type, await render(c.parts)));
    }
  }

  it('any mix of text shapes, table by table, reads to the same fields as one shape', async () => {
    const shaped = reports.filter(
      (c) => c.parts.filter((p) => p.kind === 'table').length >= 2 && !MISSES[c.name],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...shaped),
        fc.array(fc.constantFrom(...TEXT_SHAPES), { minLength: 1, maxLength: 4 }),
        async (c, shapes: TextShape[]) => {
          const { wrong: w, got } = await wrong(c, utf8(asText(c.parts, shapes)));
          expect(w, `${c.name} ${shapes.join(',')}: ${got}`).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe.skipIf(!findChromium())('the corpus content as PDF (Chromium)', () => {
  const release = holdPdfBrowser();
  afterAll(release);
  for (const c of reports) {
    for (const ruled of [true, false]) {
      const type = ruled ? 'PDF' : 'PDF (borderless)';
      it(`${c.name}: ${type}`, async () => {
        const pdf = await htmlToPdf(asHtml(c.parts, { ruled }));
        if (!pdf.ok) throw new Error(pdf.message);
        await expectRead(c, type, pdf.value);
      }, 120_000);
    }
  }
});

describe.skipIf(!findSoffice())('the corpus content as .doc (LibreOffice)', () => {
  it('every report, its .docx saved as .doc, reads to its golden fields', async () => {
    const docs = await docsOf(await Promise.all(reports.map((c) => asDocx(c.parts))));
    for (const [i, c] of reports.entries()) {
      const { wrong: w, got } = await wrong(c, docs[i]!);
      expect([...w].sort(), `${c.name}: ${got}`).toEqual([...(MISSES[c.name]?.['.doc'] ?? [])].sort());
    }
  }, 900_000);
});
