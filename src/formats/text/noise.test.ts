/**
 * Real files carry noise: BOM, CRLF or CR, full-width digits, ideographic-space indentation, trailing
 * spaces, bookmark marks present or absent, headings typed in small variations, GB18030 bytes. None of
 * it may change the model apart from the sources (which keep the raw text as read).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeSeed, seedPath } from '../../../test/seed.ts';
import {
  fixtureBytes,
  readBytes,
  readFixture,
  withoutSources,
} from '../../../test/support/formats/text-reading.ts';
import type { DepartmentReport } from '../../core/model/index.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const lines = (s: string, f: (line: string) => string) => s.split('\n').map(f).join('\n');
const isCell = (l: string) => l.startsWith('\t');
const isBlank = (l: string) => l.trim() === '';

const NOISES: Record<string, (s: string) => Uint8Array> = {
  'UTF-8 BOM': (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]),
  'CRLF line ends': (s) => utf8(s.replace(/\n/g, '\r\n')),
  'CR line ends': (s) => utf8(s.replace(/\n/g, '\r')),
  'full-width digits, ％ and ．': (s) =>
    utf8(
      s
        .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
        .replace(/%/g, '％')
        .replace(/\./g, '．'),
    ),
  'ideographic-space indentation': (s) =>
    utf8(lines(s, (l) => (isCell(l) || isBlank(l) ? l : `\u3000\u3000${l}`))),
  'trailing spaces, NBSP and U+3000': (s) => utf8(lines(s, (l) => (isBlank(l) ? l : `${l} \u00a0\u3000 `))),
  'bookmarks removed': (s) => utf8(s.replace(/\[bookmark:[^\]]*\]/g, '')),
  'bookmarks added before headings': (s) =>
    utf8(
      lines(s, (l) =>
        !isCell(l) && /^\s*(?:[（(]|[一二三四五六七八九十]、|\d+[.、])/.test(l)
          ? `[bookmark: _Toc9${l.length}]${l}`
          : l,
      ),
    ),
  'headings typed differently': (s) =>
    utf8(
      lines(s, (l) =>
        isCell(l)
          ? l
          : l
              .replace(/^(\s*)（([一二三四五六七八九十]+)）/, '$1($2)')
              .replace(/^(\s*)（(\d+)）/, '$1($2)')
              .replace(/^(\s*(?:\[bookmark:[^\]]*\])*)(\d+)\.\s*/, '$1$2、')
              .replace(/指标总分(\d+(?:\.\d+)?)分[，,]\s*自评得分/g, '指标分值$1分,得分'),
      ),
    ),
};

const all = (s: string) =>
  NOISES['CRLF line ends']!(
    new TextDecoder().decode(
      NOISES['full-width digits, ％ and ．']!(
        new TextDecoder().decode(
          NOISES['ideographic-space indentation']!(
            new TextDecoder().decode(
              NOISES['trailing spaces, NBSP and U+3000']!(
                new TextDecoder().decode(NOISES['headings typed differently']!(s)),
              ),
            ),
          ),
        ),
      ),
    ),
  );

describeSeed('noise on the seed report', () => {
  let text: string;
  let clean: unknown;
  beforeAll(() => {
    text = readFileSync(seedPath(), 'utf8');
    clean = withoutSources(readBytes(utf8(text)));
  });

  for (const [name, noise] of Object.entries(NOISES)) {
    it(`${name}: same model apart from sources`, () => {
      const noisy = readBytes(noise(text));
      expect(withoutSources(noisy)).toEqual(clean);
    });
  }

  it('all of them at once: same model', () => {
    expect(withoutSources(readBytes(all(text)))).toEqual(clean);
  });

  it('sources keep the raw text as read', () => {
    const r = readBytes(NOISES['full-width digits, ％ and ．']!(text));
    expect(r.income?.final?.value).toBe('7523.81');
    expect(r.income?.final?.src?.raw).toBe('７５２３．８１万元');
    expect(r.expenditureTable?.rows[0]?.budget?.src?.raw).toBe('６９５．６０');
    const b = readBytes(utf8(text));
    expect(b.indicators[0]?.src?.raw).toMatch(
      /^\[bookmark: _Toc26765_WPSOffice_Level3\].*（一）预算编制情况/,
    );
    expect(b.indicators[0]?.weight?.src).toMatchObject({ line: b.indicators[0]?.src?.line, raw: '20' });
  });
});

describe('GB18030 bytes (a composed report, CRLF line ends)', () => {
  let gb: DepartmentReport;
  let u8: DepartmentReport;
  beforeAll(() => {
    gb = readFixture('town-agri-2021.gb18030.txt');
    u8 = readFixture('town-agri-2021.txt');
  });

  it('the fixture really is GB18030, not UTF-8', () => {
    const bytes = fixtureBytes('town-agri-2021.gb18030.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('is detected and gives the same model as the UTF-8 file', () => {
    expect(gb.meta.encoding).toBe('gb18030');
    expect(u8.meta.encoding).toBe('utf-8');
    const strip = (r: DepartmentReport) => withoutSources({ ...r, meta: { ...r.meta, encoding: null } });
    expect(strip(gb)).toEqual(strip(u8));
    expect(gb.department.name?.value).toBe('青石镇农业农村办公室');
    expect(gb.department.name?.src).toEqual(u8.department.name?.src);
  });
});
