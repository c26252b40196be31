/**
 * pdf.js copies its text state (class TextState of its worker bundle) at each `q` of a page's content and
 * at each change of font, with `Object.assign(Object.create(this), this)`: the state copied becomes the
 * prototype of its copy. V8 gives each object that becomes a prototype a map of its own and drops the
 * inline caches that saw it, so each copy costs microseconds, and Word, WPS and LibreOffice wrap every run
 * of text in `q … Q`: about an eighth of the CPU time of reading such a PDF. The copy needs no prototype
 * but the class's: every field of TextState is a class field, its own property on each state and on each
 * copy (Object.assign copies them all), so nothing was ever read through the chain. The class is not
 * exported; it is found once, as the prototype of the first state Object.create is given while pdf.js reads
 * the text of a one-page PDF made here, and its `clone` is replaced only when its source is the one this
 * was written for (pdfjs-dist 5.6): another version keeps its own.
 */
/** pdf.js's module (as load-pdfjs.ts names it; not imported from there, which imports this file). */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** TextState.clone of pdfjs-dist 5.6, whitespace aside. */
const CLONE_SOURCE =
  'clone() { const clone = Object.assign(Object.create(this), this); clone.textMatrix = this.textMatrix.slice(); clone.textLineMatrix = this.textLineMatrix.slice(); clone.fontMatrix = this.fontMatrix.slice(); return clone; }';
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

type TextStateLike = {
  textMatrix: number[];
  textLineMatrix: number[];
  fontMatrix: number[];
  clone(): unknown;
};

/** One page whose content saves and restores the graphics state: pdf.js copies its text state there. */
const onePage = (): Uint8Array => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>',
    '<< /Length 3 >>\nstream\nq Q\nendstream',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
};

const isTextState = (o: unknown): o is TextStateLike =>
  typeof o === 'object' && o !== null && Object.hasOwn(o, 'textLineMatrix') && 'clone' in o;

/** Finds TextState's prototype and gives it a clone without the chain; true when it did. */
export const patchTextStateClone = async (lib: PdfJs): Promise<boolean> => {
  const create = Object.create;
  let proto: TextStateLike | null = null;
  Object.create = function (this: unknown, o: object | null, properties?: PropertyDescriptorMap) {
    if (!proto && isTextState(o)) proto = Object.getPrototypeOf(o) as TextStateLike;
    return properties === undefined ? create(o) : create(o, properties);
  } as typeof Object.create;
  try {
    const doc = await lib.getDocument({ data: onePage(), isEvalSupported: false, verbosity: 0 }).promise;
    await (await doc.getPage(1)).getTextContent();
    await doc.destroy();
  } catch {
    // Not found then: pdf.js keeps its own clone, and reads as it would.
  } finally {
    Object.create = create;
  }
  const found = proto as TextStateLike | null;
  if (!found || squeeze(found.clone.toString()) !== CLONE_SOURCE) return false;
  found.clone = function clone(this: TextStateLike) {
    const copy = Object.assign(create(found), this);
    copy.textMatrix = this.textMatrix.slice();
    copy.textLineMatrix = this.textLineMatrix.slice();
    copy.fontMatrix = this.fontMatrix.slice();
    return copy;
  };
  return true;
};
