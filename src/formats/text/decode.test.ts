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

  it('decodes valid UTF-8 as TextDecoder does, and anything else as GB18030 or line by line', () => {
    const strict = (bytes: Uint8Array) => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return null;
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
          if (!noBom(bytes)) return;
          const d = decodeText(bytes);
          const valid = strict(bytes);
          if (valid !== null) expect(d).toEqual({ text: valid, encoding: 'utf-8' });
          else if (d.encoding === 'gb18030') expect(d.text).toBe(new TextDecoder('gb18030').decode(bytes));
          else {
            expect(d.encoding).toBe('utf-8');
            expect(d.badLines?.length).toBeGreaterThan(0);
            // Line breaks are kept where they were.
            expect(d.text.split(/\r\n|\r|\n/).length).toBe(
              new TextDecoder('latin1').decode(bytes).split(/\r\n|\r|\n/).length,
            );
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('one bad byte in a UTF-8 file costs its line only, and the line is named', () => {
    const lines = ['一、部门基本情况', '（一）部门职能', '预算收入1747.99万元', '二、绩效自评'];
    const bytes = utf8(lines.join('\n'));
    bytes[utf8(`${lines[0]}\n${lines[1]}\n预算`).length] = 0xff;
    const d = decodeText(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.badLines).toEqual([3]);
    const [first, second, third, fourth] = d.text.split('\n');
    expect([first, second, fourth]).toEqual([lines[0], lines[1], lines[3]]);
    expect(third).toMatch(/^预算\uFFFD+入1747\.99万元$/);
  });

  it('a GB18030 line pasted into a UTF-8 file is read as GB18030 and named', () => {
    const gb = new Uint8Array([0xd7, 0xdc, 0xbc, 0xc6, 0x31, 0x30]); // 总计10
    const bytes = new Uint8Array([...utf8('项目名称：照明改造\r\n'), ...gb, ...utf8('\r\n实施单位：管理所')]);
    const d = decodeText(bytes);
    expect(d).toEqual({
      text: '项目名称：照明改造\r\n总计10\r\n实施单位：管理所',
      encoding: 'utf-8',
      badLines: [2],
    });
  });

  it('a GB18030 file with a line that happens to be valid UTF-8 stays GB18030', () => {
    const gb = new TextEncoder().encode('x'); // ASCII is the same in both
    const line = new Uint8Array([0xd7, 0xdc, 0xbc, 0xc6]);
    const bytes = new Uint8Array([...line, 0x0a, ...line, 0x0a, ...utf8('总'), 0x0a, ...gb]);
    expect(decodeText(bytes).encoding).toBe('gb18030');
  });
});

describe('a report with one bad byte', () => {
  it('is read as the report it is, with a read.encoding warning naming the line', async () => {
    const { readFileSync } = await import('node:fs');
    const { readReport } = await import('../read-report.ts');
    const bytes = new Uint8Array(
      readFileSync(new URL('../../app/demo/environment-2023.txt', import.meta.url)),
    );
    const clean = await readReport(bytes);
    // The first byte of the first Chinese character of line 5 becomes 0xFF.
    const text = new TextDecoder().decode(bytes);
    const start = text.split('\n').slice(0, 4).join('\n').length + 1;
    const at =
      utf8(text.slice(0, start)).length + utf8(text.slice(start).match(/^[^\u4e00-\u9fff]*/)![0]).length;
    const broken = bytes.slice();
    broken[at] = 0xff;
    const r = await readReport(broken);
    expect(clean.ok && r.ok).toBe(true);
    if (!r.ok || !clean.ok) return;
    expect(r.value.meta.encoding).toBe('utf-8');
    const w = r.value.meta.warnings.filter((f) => f.rule === 'read.encoding');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('第 5 行');
    expect(w[0]!.locations?.[0]?.line).toBe(5);
    expect(r.value.meta.warnings.length).toBe(clean.value.meta.warnings.length + 1);
  });
});
