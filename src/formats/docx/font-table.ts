/**
 * Word substitutes a missing font by the font table's w:altName; WPS and LibreOffice by their own tables.
 * The docx package writes no alternates, so they are added here (GB/T fonts are often not installed).
 */
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { FONTS } from './docx-style.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const fontEntry = (name: string, alt: string) =>
  `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(alt)}"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;

const FONT_TABLE_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A font table with the fallbacks added: before its end, or into an empty `<w:fonts/>`. */
export const withFontFallbacks = (existing: string | undefined): string => {
  const entries = [FONTS.title, FONTS.body, FONTS.heading1, FONTS.heading2]
    .map((f) => fontEntry(f.name, f.fallbacks[0]))
    .join('');
  return !existing
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${FONT_TABLE_NS}>${entries}</w:fonts>`
    : existing.includes('</w:fonts>')
      ? existing.replace('</w:fonts>', `${entries}</w:fonts>`)
      : existing.replace(/<w:fonts([^>]*?)\s*\/>/, `<w:fonts$1>${entries}</w:fonts>`);
};

let packageTable: Promise<string | undefined> | undefined;

/**
 * The font table the docx package writes for a document that embeds no fonts (the same for every
 * such document), read once per process from an empty document.
 */
const docxFontTable = (): Promise<string | undefined> => {
  packageTable ??= (async () => {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [] })));
    return zip.file('word/fontTable.xml')?.async('string');
  })();
  return packageTable;
};

/**
 * The font table with fallbacks, as an override for `Packer.toBuffer`: the package then zips it in
 * place of its own. (Unzipping and zipping the whole document again afterwards cost about a third of
 * writing a .docx.)
 */
export const fontTableOverride = async (): Promise<{ path: string; data: string }> => ({
  path: 'word/fontTable.xml',
  data: withFontFallbacks(await docxFontTable()),
});
