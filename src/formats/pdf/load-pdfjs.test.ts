import { describe, expect, it } from 'vitest';
import { blankPdf, minimalPdf } from '../../../test/support/formats/pdf-bytes.ts';
import { loadPdfJs, textStatePatched, withoutDecompressionStream } from './load-pdfjs.ts';

describe('loadPdfJs', () => {
  it("leaves the process's push, JSON and Function.prototype.toString as they were", async () => {
    const before = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    const lib = await loadPdfJs();
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(before);
    // Its worker bundle is loaded too: reading a document later replaces nothing either.
    const doc = await lib.getDocument({ data: blankPdf(), verbosity: 0 }).promise;
    await (await doc.getPage(1)).getTextContent();
    await doc.destroy();
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(before);
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
  });

  it("copies pdf.js's text state without making the state copied a prototype (text-state.ts)", async () => {
    await loadPdfJs();
    // False when pdfjs-dist was updated and its TextState.clone changed: check text-state.ts against it.
    expect(textStatePatched).toBe(true);
    const created: unknown[] = [];
    const create = Object.create;
    Object.create = ((o: object | null) => {
      created.push(o);
      return create(o);
    }) as typeof Object.create;
    try {
      const lib = await loadPdfJs();
      const content = 'q BT /F1 12 Tf 72 700 Td (a) Tj ET Q q Q';
      const data = minimalPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ]);
      const doc = await lib.getDocument({ data, verbosity: 0 }).promise;
      expect((await (await doc.getPage(1)).getTextContent()).items).toHaveLength(1);
      await doc.destroy();
    } finally {
      Object.create = create;
    }
    expect(
      created.filter((o) => typeof o === 'object' && o !== null && Object.hasOwn(o, 'textLineMatrix')),
    ).toEqual([]);
  });

  it('hides DecompressionStream while reads run (overlapping ones too) and puts it back after, also after a failure', async () => {
    const own = globalThis.DecompressionStream;
    const seen = () => typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    let endFirst = () => {};
    const first = withoutDecompressionStream(
      () => new Promise<string>((resolve) => (endFirst = () => resolve(seen()))),
    );
    const second = withoutDecompressionStream(async () => seen());
    expect(await second).toBe('undefined');
    expect(seen()).toBe('undefined');
    endFirst();
    expect(await first).toBe('undefined');
    expect(globalThis.DecompressionStream).toBe(own);
    await expect(
      withoutDecompressionStream(async () => {
        throw new Error('damaged');
      }),
    ).rejects.toThrow('damaged');
    expect(globalThis.DecompressionStream).toBe(own);
  });
});
