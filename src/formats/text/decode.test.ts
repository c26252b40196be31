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
});
