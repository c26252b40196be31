/** Small PDFs made byte by byte for the reader's tests (a blank page, an encrypted file, a broken one). */
import { deflateSync } from 'node:zlib';

/** A PDF of the given objects (numbered from 1, object 1 the catalog) with a correct cross-reference table. */
export const minimalPdf = (objects: string[], trailerExtra = ''): Uint8Array => {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  // One byte a character (objects are ASCII, or a binary stream given as Latin-1), so offsets are bytes.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
};

const PAGES = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

/** One A4 page that only draws a rectangle: what a scanned page is to a text reader. */
export const blankPdf = (): Uint8Array =>
  minimalPdf([
    ...PAGES,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 22 >>\nstream\n10 10 100 100 re f\nendstream',
  ]);

/** A file encrypted with a user password (the standard handler with values no empty password opens). */
export const encryptedPdf = (): Uint8Array =>
  minimalPdf(
    [
      ...PAGES,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`,
    ],
    `/Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
  );

/** A PDF page drawing `text` (Latin letters) in Helvetica. */
export const textPdf = (text: string): Uint8Array => {
  const content = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
  return minimalPdf([
    ...PAGES,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
};

/** `pdf` with every cross-reference offset and the startxref pointing nowhere (a file damaged in transit). */
export const brokenXref = (pdf: Uint8Array): Uint8Array => {
  const s = new TextDecoder('latin1').decode(pdf);
  const broken = s
    .replace(/^\d{10} 00000 n $/gm, '0000099999 00000 n ')
    .replace(/startxref\n\d+/, 'startxref\n77777');
  return Uint8Array.from(broken, (c) => c.charCodeAt(0));
};

/**
 * A page whose content stream inflates to `mb` MB (of spaces, which the content lexer must scan): a
 * PDF of about mb KB on disk that costs a reader that much memory and seconds of work.
 */
export const inflatingPdf = (mb: number): Uint8Array => {
  const stream = deflateSync(Buffer.alloc(mb << 20, 0x20)).toString('latin1');
  return minimalPdf([
    ...PAGES,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n${stream}\nendstream`,
  ]);
};
