/**
 * Word substitutes a missing font by the font table's w:altName; WPS and LibreOffice by their own tables.
 * The docx package writes no alternates, so they are added here (GB/T fonts are often not installed).
 */
import JSZip from 'jszip';
import { FONTS } from './docx-style.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const fontEntry = (name: string, alt: string) =>
  `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(alt)}"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;

const FONT_TABLE_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const addFontFallbacks = async (docx: Uint8Array): Promise<Uint8Array> => {
  const zip = await JSZip.loadAsync(docx);
  const entries = [FONTS.title, FONTS.body, FONTS.heading1, FONTS.heading2]
    .map((f) => fontEntry(f.name, f.fallbacks[0]))
    .join('');
  const existing = await zip.file('word/fontTable.xml')?.async('string');
  const xml = !existing
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${FONT_TABLE_NS}>${entries}</w:fonts>`
    : existing.includes('</w:fonts>')
      ? existing.replace('</w:fonts>', `${entries}</w:fonts>`)
      : existing.replace(/<w:fonts([^>]*?)\s*\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  zip.file('word/fontTable.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
};
