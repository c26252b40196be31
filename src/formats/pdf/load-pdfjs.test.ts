import { describe, expect, it } from 'vitest';
import { blankPdf } from '../../../test/support/formats/pdf-bytes.ts';
import { loadPdfJs } from './load-pdfjs.ts';

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
});
