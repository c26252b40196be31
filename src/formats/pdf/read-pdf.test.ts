import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import { officePdf } from '../../../test/support/formats/office-pdf.ts';
import { blankPdf, brokenXref, encryptedPdf, textPdf } from '../../../test/support/formats/pdf-bytes.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { reportTitle } from '../document/blocks/report-blocks.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { writeHtml } from '../html/write-html.ts';
import { findSoffice } from '../office/libreoffice.ts';
import { readReport } from '../read-report.ts';
import { findChromium, htmlToPdf } from './write-pdf.ts';

/**
 * The page the PDF writer prints, less the score table it appends (computed from the indicators, no part
 * of the report: the .docx and HTML readers skip it by its style and class, which a PDF does not keep).
 */
const reportPage = (report: DepartmentReport): string => {
  const html = writeHtml({ report, allowErrors: true });
  const start = html.indexOf('<section class="appendix">');
  return start < 0
    ? html
    : html.slice(0, start) + html.slice(html.indexOf('</section>', start) + '</section>'.length);
};

const fixture = async (path: string): Promise<DepartmentReport> => {
  const r = await readReport(new Uint8Array(readFileSync(new URL(path, import.meta.url))));
  if (!r.ok || r.value.kind !== 'department') throw new Error(`${path} not readable`);
  return r.value;
};

describe.skipIf(!findChromium())(
  'PDF round trip (the project’s page printed by Chromium, then import)',
  () => {
    const cases: [string, () => Promise<DepartmentReport>][] = [
      ['the composed report', async () => composedReport()],
      [
        'clean-base.txt (tables over page breaks, — N — page numbers)',
        () => fixture('../../../test/fixtures/audit/clean-base.txt'),
      ],
      ['county-env-2024.txt', () => fixture('../../../test/fixtures/text/county-env-2024.txt')],
    ];
    it.each(cases)(
      '%s',
      async (_, make) => {
        const report = await make();
        const pdf = await htmlToPdf(reportPage(report));
        if (!pdf.ok) throw new Error(pdf.message);
        const back = await readReport(pdf.value);
        if (!back.ok) throw new Error(back.message);
        expect(back.value.meta.format).toBe('pdf');
        expect(modelData(back.value)).toEqual(
          modelData({ ...report, title: { value: reportTitle(report) } }),
        );
        if (back.value.kind === 'department') {
          expect(back.value.expenditureTable?.rows[0]?.budget?.src).toMatchObject({
            page: expect.any(Number),
            table: expect.any(String),
          });
        }
      },
      180_000,
    );
  },
);

describe.skipIf(!findSoffice())('PDF exported by an office suite', () => {
  it('clean-base.txt as .docx printed by LibreOffice reads as the .docx does', async () => {
    const report = await fixture('../../../test/fixtures/audit/clean-base.txt');
    const docx = await writeDocx({ report, allowErrors: true });
    const fromDocx = await readReport(docx);
    const back = await readReport(officePdf(docx));
    if (!back.ok || !fromDocx.ok) throw new Error(back.ok ? 'docx not readable' : back.message);
    if (back.value.kind !== 'department' || fromDocx.value.kind !== 'department') throw new Error('kind');
    // The score table the writer appends is marked as derived in the .docx only; in the PDF its title
    // (附表：…) is a label that ends the last part, not a note of it.
    expect(modelData(back.value)).toEqual(modelData(fromDocx.value));
  }, 240_000);
});

describe('PDF that cannot be read', () => {
  it('a PDF without a text layer is named a scan', async () => {
    const r = await readReport(blankPdf());
    expect(r.ok ? null : r).toMatchObject({
      code: 'read.pdf-scanned',
      message: expect.stringContaining('扫描件，没有文字层'),
    });
  });

  it('an encrypted PDF asks for the unencrypted file', async () => {
    const r = await readReport(encryptedPdf());
    expect(r.ok ? null : r.code).toBe('read.pdf-encrypted');
  });

  it('cross-references that point nowhere are rebuilt from the objects: the text is read as before', async () => {
    const pdf = textPdf('A letter typed in Latin letters only, with no report in it at all');
    const [whole, broken] = await Promise.all([readReport(pdf), readReport(brokenXref(pdf))]);
    expect(broken.ok ? null : broken.code).toBe('read.not-a-report');
    expect(broken).toEqual(whole);
  });

  it('damaged or truncated bytes give a reason, not a crash', async () => {
    for (const bytes of [new TextEncoder().encode('%PDF-1.7\nnot a pdf'), blankPdf().subarray(0, 120)]) {
      const r = await readReport(bytes);
      expect(r.ok ? null : r.message).toMatch(/PDF.*\(.*PDF/);
    }
  });
});
