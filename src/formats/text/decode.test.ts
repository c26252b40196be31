import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8('预算收入1747.99万元'))).toEqual({
      text: '预算收入1747.99万元',
      encoding: 'utf-8',
    });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('总计')]))).toEqual({
      text: '总计',
      encoding: 'utf-8',
    });
  });

  it('keeps a replacement character that the UTF-8 text itself contains', () => {
    expect(decodeText(utf8('单位：\uFFFD元'))).toEqual({ text: '单位：\uFFFD元', encoding: 'utf-8' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    // "总计" in GB18030 (GBK): invalid as UTF-8.
    expect(decodeText(new Uint8Array([0xd7, 0xdc, 0xbc, 0xc6]))).toEqual({
      text: '总计',
      encoding: 'gb18030',
    });
  });

  it('reads UTF-16 by its BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x3b, 0x60, 0xa1, 0x8b]))).toEqual({
      text: '总计',
      encoding: 'utf-16le',
    });
  });

  it('decodes any bytes as TextDecoder does (the BMP fast path included)', () => {
    // The decoding before the fast path: TextDecoder, strict UTF-8, else GB18030.
    const reference = (bytes: Uint8Array) => {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
      }
    };
    const noBom = (b: Uint8Array) =>
      !(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) &&
      !(b[0] === 0xff && b[1] === 0xfe) &&
      !(b[0] === 0xfe && b[1] === 0xff);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.string({ unit: 'binary', maxLength: 64 }).map(utf8),
          fc.string({ unit: 'grapheme', maxLength: 64 }).map(utf8),
          // Valid UTF-8 with one byte changed or cut off.
          fc
            .tuple(
              fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }),
              fc.nat(),
              fc.integer({ min: 0, max: 255 }),
            )
            .map(([s, at, b]) => {
              const bytes = utf8(s);
              bytes[at % bytes.length] = b;
              return at % 2 ? bytes : bytes.subarray(0, bytes.length - 1);
            }),
        ),
        (bytes) => {
          if (noBom(bytes)) expect(decodeText(bytes)).toEqual(reference(bytes));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
