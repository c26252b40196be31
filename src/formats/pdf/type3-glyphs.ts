/**
 * Type3 fonts draw each glyph with a small content stream of its own (`/CharProcs`). Chromium embeds
 * the CJK fonts it prints with that way, a font per run of text, and pdf.js reads every glyph's drawing
 * of every font before it gives a page's text (about half the time of reading such a PDF). Reading text
 * needs the glyphs' codes, widths and ToUnicode map, never their drawings: the entries of each inline
 * `/CharProcs << /g0 12 0 R … >>` dictionary are blanked with spaces before pdf.js parses the file. The
 * bytes keep their length and places, so the cross-reference table stays right; a dictionary that holds
 * anything but name → reference pairs is left as it is.
 */

const CHAR_PROCS = /\/CharProcs\s*<</g;
const ONLY_REFERENCES = /^(?:\s*\/[^\s/<>[\]()]+\s*\d+\s+\d+\s+R)*\s*$/;

/** A copy of `bytes` (pdf.js takes its buffer over) with the Type3 glyph drawings left out. */
export const withoutGlyphDrawings = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(bytes);
  const text = Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('latin1');
  if (!text.includes('/CharProcs')) return out;
  CHAR_PROCS.lastIndex = 0;
  for (let m = CHAR_PROCS.exec(text); m; m = CHAR_PROCS.exec(text)) {
    const from = m.index + m[0].length;
    const to = text.indexOf('>>', from);
    if (to < 0) break;
    if (ONLY_REFERENCES.test(text.slice(from, to))) out.fill(0x20, from, to);
  }
  return out;
};
