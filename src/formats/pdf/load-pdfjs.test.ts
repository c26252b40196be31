import { describe, expect, it } from 'vitest';
import { blankPdf } from '../../../test/support/formats/pdf-bytes.ts';
import { loadPdfJs, withoutDecompressionStream } from './load-pdfjs.ts';

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
