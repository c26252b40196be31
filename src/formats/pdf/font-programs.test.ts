import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officePdf } from '../../../test/support/formats/office-pdf.ts';
import { minimalPdf } from '../../../test/support/formats/pdf-bytes.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { findSoffice } from '../office/libreoffice.ts';
import { readReport } from '../read-report.ts';
import { withoutFontPrograms } from './font-programs.ts';
import { loadPdfJs, withoutDecompressionStream } from './load-pdfjs.ts';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** A page naming fonts 5 and 6 in its resources; `objects` from number 5 on. */
const withFonts = (objects: string[]): Uint8Array =>
  minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    ...objects,
  ]);

const STREAM = '<< /Length 1 >>\nstream\nx\nendstream';
const descriptor = (file: string) =>
  `<< /Type /FontDescriptor /FontName /AAAAAA+Song /Flags 4 /FontBBox [0 0 1000 1000] /${file} 9 0 R >>`;

describe('withoutFontPrograms', () => {
  it('blanks the program of a TrueType font with a ToUnicode map and widths, bytes in place', () => {
    const pdf = withFonts([
      '<< /Type /Font /Subtype /TrueType /BaseFont /AAAAAA+Song /FirstChar 1 /LastChar 2 /Widths [500 500] /FontDescriptor 7 0 R /ToUnicode 8 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      descriptor('FontFile2'),
      STREAM,
      STREAM,
    ]);
    const out = withoutFontPrograms(pdf);
    expect(out.length).toBe(pdf.length);
    expect(latin1(out)).not.toContain('/FontFile2');
    expect(latin1(out)).toBe(latin1(pdf).replace('/FontFile2 9 0 R', ' '.repeat(16)));
  });

  it('writes a Type1 font as a TrueType one of the same length, or keeps its program when that does not fit', () => {
    const font = (type: string) =>
      `<< ${type}/Subtype /Type1 /BaseFont /AAAAAA+Song /FirstChar 1 /LastChar 2 /Widths [500 500] /FontDescriptor 7 0 R /ToUnicode 8 0 R >>`;
    const roomy = withFonts([
      font('/Type /Font '),
      '<< /Subtype /Type1 /BaseFont /Helvetica >>',
      descriptor('FontFile'),
      STREAM,
      STREAM,
    ]);
    const out = latin1(withoutFontPrograms(roomy));
    expect(out.length).toBe(roomy.length);
    expect(out).toMatch(/<<\s+\/Subtype\/TrueType \/BaseFont \/AAAAAA\+Song/);
    expect(out).not.toMatch(/\/FontFile\s/);
    const tight = withFonts([
      font(''),
      '<< /Subtype /Type1 /BaseFont /Helvetica >>',
      descriptor('FontFile'),
      STREAM,
      STREAM,
    ]);
    expect(latin1(withoutFontPrograms(tight))).toBe(latin1(tight));
  });

  it('keeps the program of a font without a ToUnicode map, of a vertical one, of one named in escaped bytes, and of one sharing its descriptor', () => {
    const cid = (encoding: string, toUnicode: string) =>
      `<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Song /Encoding /${encoding} /DescendantFonts [6 0 R] ${toUnicode}>>`;
    const descendant =
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Song /W [1 [500]] /FontDescriptor 7 0 R >>';
    const horizontal = withFonts([
      cid('Identity-H', '/ToUnicode 8 0 R '),
      descendant,
      descriptor('FontFile2'),
      STREAM,
      STREAM,
    ]);
    expect(latin1(withoutFontPrograms(horizontal))).not.toContain('/FontFile2');
    for (const kept of [
      withFonts([
        cid('Identity-V', '/ToUnicode 8 0 R '),
        descendant,
        descriptor('FontFile2'),
        STREAM,
        STREAM,
      ]),
      withFonts([cid('Identity-H', ''), descendant, descriptor('FontFile2'), STREAM, STREAM]),
      // 宋体 named in GBK bytes: pdf.js reads such a font, when not embedded, as GBK-encoded.
      withFonts([
        '<< /Type /Font /Subtype /TrueType /BaseFont /#CB#CE#CC#E5 /Widths [500] /FontDescriptor 7 0 R /ToUnicode 8 0 R >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        descriptor('FontFile2'),
        STREAM,
        STREAM,
      ]),
      withFonts([
        '<< /Type /Font /Subtype /TrueType /BaseFont /AAAAAA+Song /Widths [500] /FontDescriptor 7 0 R /ToUnicode 8 0 R >>',
        '<< /Type /Font /Subtype /TrueType /BaseFont /AAAAAA+Song /Widths [500] /FontDescriptor 7 0 R >>',
        descriptor('FontFile2'),
        STREAM,
        STREAM,
      ]),
    ])
      expect(latin1(withoutFontPrograms(kept))).toBe(latin1(kept));
  });

  it('scans a damaged file of objects without ends in linear time', () => {
    // 100,000 objects whose one end is the file's last word: looking for each one's end through the rest of
    // the file would take minutes.
    const text = `%PDF-1.4\n${'1 0 obj << /FontFile2 2 0 R /FontDescriptor >> stream\nx\nendstream\n'.repeat(100_000)}endobj\n`;
    const pdf = new Uint8Array(Buffer.from(text, 'latin1'));
    const start = performance.now();
    const out = withoutFontPrograms(pdf);
    expect(performance.now() - start).toBeLessThan(30_000);
    expect(latin1(out) === text).toBe(true);
  });
});

/** Each page's text items as pdf.js gives them: string, position, width, height, end of line. */
const textItems = async (data: Uint8Array): Promise<unknown[]> => {
  const lib = await loadPdfJs();
  return withoutDecompressionStream(async () => {
    const doc = await lib.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 })
      .promise;
    const pages: unknown[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { items } = await (await doc.getPage(n)).getTextContent();
      pages.push(items.map((i) => ('str' in i ? [i.str, i.transform, i.width, i.height, i.hasEOL] : i)));
    }
    await doc.destroy();
    return pages;
  });
};

describe.skipIf(!findSoffice())('a PDF printed by LibreOffice without its font programs', () => {
  it('gives pdf.js the same text items, positions and widths as with them', async () => {
    const text = readFileSync(new URL('../../../test/fixtures/audit/clean-base.txt', import.meta.url));
    const report = await readReport(new Uint8Array(text));
    if (!report.ok || report.value.kind !== 'department') throw new Error('clean-base.txt not readable');
    const pdf = officePdf(await writeDocx({ report: report.value, allowErrors: true }));
    const hidden = withoutFontPrograms(pdf);
    // LibreOffice embeds its CJK fonts as Type1 and its Latin ones as TrueType: both go.
    expect(latin1(hidden)).not.toMatch(/\/FontFile[23]?\s*\d/);
    expect(await textItems(hidden)).toEqual(await textItems(pdf));
  }, 240_000);
});
