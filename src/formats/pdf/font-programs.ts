/**
 * Word, WPS and LibreOffice embed subsets of their fonts (TrueType, CFF, Type1). pdf.js parses and converts
 * every embedded font program, and with font faces off draws each glyph it shows as a path, though a page's
 * text needs only the font's ToUnicode map (which character a code is) and its widths (where the next one
 * starts), both in the font's dictionary. For a font that has both, the reference to its program is blanked
 * in its descriptor before pdf.js parses the file, in place (the bytes keep their length and places, as
 * type3-glyphs.ts does): pdf.js then reads the font as one not embedded, with the same codes, characters
 * and widths, and converts nothing. A Type1 font read so would have pdf.js turn each code its standard
 * encoding has no glyph name for into a space (a rule for fonts drawn from the system), so a Type1 font's
 * dictionary is rewritten as a TrueType one of the same length (its optional `/Type /Font` dropped to make
 * room), or keeps its program when that does not fit. Kept too: a font without a ToUnicode map or widths,
 * a vertical one (pdf.js gives vertical forms of punctuation for those it draws itself), one whose name is
 * not plain ASCII (pdf.js reads some Chinese font names that are not embedded as GBK-encoded), one whose
 * descriptor another font shares, and every font in a compressed object stream (not seen here).
 */

const OBJ = /(\d+)\s+(\d+)\s+obj\b/g;
const ref = (body: string, key: string): string | null =>
  new RegExp(`/${key}\\s*(\\d+)\\s+(\\d+)\\s+R`).exec(body)?.slice(1, 3).join(' ') ?? null;
const nameOf = (body: string, key: string): string | null =>
  new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(body)?.[1] ?? null;

/** An object's dictionary, outside any stream: `from`–`to` in the file. */
type Body = { id: string; from: number; to: number; text: string };

/** Past this many characters an object's dictionary is not a font's (a CJK font's widths take a few KB). */
const WINDOW = 1 << 16;
const END = /endobj|stream/g;

/**
 * Objects `N G obj … endobj` written out in the file, their streams' data skipped. An object whose end or
 * stream is not within {@link WINDOW} of its start is passed over, and so are the objects that start between
 * it and the window before the next end: a damaged file (objects without an end) costs one scan.
 */
const objects = (text: string): Body[] => {
  const out: Body[] = [];
  OBJ.lastIndex = 0;
  for (let m = OBJ.exec(text); m; m = OBJ.exec(text)) {
    const from = m.index + m[0].length;
    END.lastIndex = from;
    const end = END.exec(text);
    if (!end) break;
    if (end.index - from > WINDOW) {
      OBJ.lastIndex = Math.max(from, end.index - WINDOW);
      continue;
    }
    out.push({ id: `${m[1]} ${m[2]}`, from, to: end.index, text: text.slice(from, end.index) });
    if (end[0] === 'stream') {
      const after = text.indexOf('endstream', end.index);
      if (after < 0) break;
      OBJ.lastIndex = after;
    } else OBJ.lastIndex = end.index;
  }
  return out;
};

const SIMPLE = new Set(['Type1', 'MMType1', 'TrueType']);
const CID = new Set(['CIDFontType0', 'CIDFontType2']);
/** Printable ASCII without `#`: a name that escapes no byte (`/#CB#CE#CC#E5` is 宋体 in GBK). */
const PLAIN_NAME = /^[\x21\x22\x24-\x7e]+$/;

/** A Type1 font dictionary written as a TrueType one of the same length, or null when it does not fit. */
const asTrueType = (dict: string): string | null => {
  const out = dict
    .replace(/\/Type\s*\/Font(?![A-Za-z0-9])/, '')
    .replace(/\/Subtype\s*\/(?:MM)?Type1(?![A-Za-z0-9])/, '/Subtype/TrueType');
  return out.length <= dict.length ? out.padEnd(dict.length, ' ') : null;
};

/** A copy of `bytes` (pdf.js takes its buffer over) without the programs of the fonts text does not need. */
export const withoutFontPrograms = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(bytes);
  const text = Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('latin1');
  if (!/\/FontFile[23]?\s*\d/.test(text)) return out;
  const bodies = objects(text);
  const byId = new Map<string, Body[]>();
  for (const b of bodies) {
    const same = byId.get(b.id);
    if (same) same.push(b);
    else byId.set(b.id, [b]);
  }

  /** For each descriptor, whether every font that names it can go without its program. */
  const canHide = new Map<string, boolean>();
  /** Type1 font dictionaries to write as TrueType, with their new text. */
  const rewrites: { body: Body; text: string; descriptor: string }[] = [];
  const judge = (descriptor: string | null, ok: boolean) => {
    if (descriptor) canHide.set(descriptor, (canHide.get(descriptor) ?? true) && ok);
  };
  /** CID fonts named by a Type0 font that can go without: their ids. */
  const cidOk = new Set<string>();
  for (const b of bodies) {
    if (nameOf(b.text, 'Subtype') !== 'Type0') continue;
    const descendant = /\/DescendantFonts\s*\[\s*(\d+)\s+(\d+)\s+R\s*\]/.exec(b.text);
    const encoding = nameOf(b.text, 'Encoding');
    if (descendant && ref(b.text, 'ToUnicode') && encoding && !encoding.endsWith('-V'))
      cidOk.add(`${descendant[1]} ${descendant[2]}`);
  }
  for (const b of bodies) {
    const subtype = nameOf(b.text, 'Subtype');
    if (!subtype || !b.text.includes('/FontDescriptor')) continue;
    const descriptor = ref(b.text, 'FontDescriptor');
    if (CID.has(subtype)) {
      judge(descriptor, cidOk.has(b.id) && /\/W\s*[[\d]/.test(b.text));
    } else if (SIMPLE.has(subtype)) {
      const base = nameOf(b.text, 'BaseFont');
      let ok =
        !!ref(b.text, 'ToUnicode') && /\/Widths\s*[[\d]/.test(b.text) && !!base && PLAIN_NAME.test(base);
      if (ok && subtype !== 'TrueType') {
        const rewritten = asTrueType(b.text);
        if (rewritten && descriptor) rewrites.push({ body: b, text: rewritten, descriptor });
        else ok = false;
      }
      judge(descriptor, ok);
    }
  }
  const write = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  for (const [descriptor, ok] of canHide) {
    if (!ok) continue;
    for (const d of byId.get(descriptor) ?? []) {
      if (!d.text.includes('/FontDescriptor')) continue;
      for (const m of d.text.matchAll(/\/FontFile[23]?\s*\d+\s+\d+\s+R/g))
        out.fill(0x20, d.from + m.index, d.from + m.index + m[0].length);
    }
  }
  for (const r of rewrites) if (canHide.get(r.descriptor)) write(r.body.from, r.text);
  return out;
};
