import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, checkAttachment, cleanFileName } from './attachment-files.ts';

const b = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const PK = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('checkAttachment', () => {
  it('accepts each type by its bytes', () => {
    const cases: [string, Uint8Array, string][] = [
      ['决算报表.pdf', b('%PDF-1.7\n'), 'pdf'],
      ['说明.DOCX', b(PK, 'xx word/document.xml'), 'docx'],
      ['决算.xlsx', b(PK, 'xx xl/workbook.xml'), 'xlsx'],
      ['旧.doc', b(OLE, 'x'), 'doc'],
      ['旧.xls', b(OLE, 'x'), 'xls'],
      ['金山.wps', b(OLE, 'x'), 'wps'],
      ['照片.jpeg', b([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
      ['截图.png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
      ['材料.zip', b(PK, 'a.txt'), 'zip'],
      ['发票.ofd', b(PK, 'OFD.xml'), 'ofd'],
    ];
    for (const [name, bytes, type] of cases)
      expect(checkAttachment(name, bytes)).toEqual({ ok: true, value: type });
  });

  it('refuses a renamed file, an unknown type and an empty file in Chinese first', () => {
    const exe = checkAttachment('决算报表.pdf', b('MZ\x90\x00'));
    expect(exe).toMatchObject({ ok: false, code: 'bad-upload' });
    expect(!exe.ok && exe.message).toMatch(/^文件内容与扩展名 \.pdf 不符：无法识别文件内容/);
    const zipAsDocx = checkAttachment('说明.docx', b(PK, 'xl/workbook.xml'));
    expect(!zipAsDocx.ok && zipAsDocx.message).toMatch(/内容是ZIP 压缩格式/);
    const bat = checkAttachment('run.bat', b('echo'));
    expect(!bat.ok && bat.message).toMatch(/^不支持的附件类型 \.bat：只接受 PDF/);
    expect(checkAttachment('无扩展名', b('%PDF-'))).toMatchObject({ ok: false, code: 'bad-upload' });
    expect(checkAttachment('空.pdf', new Uint8Array())).toMatchObject({ ok: false, code: 'bad-upload' });
  });

  it('refuses a file past the per-file limit, saying its size', () => {
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxFileBytes + 1);
    big.set(Buffer.from('%PDF-'));
    const r = checkAttachment('大.pdf', big);
    expect(r).toMatchObject({ ok: false, code: 'too-large' });
    expect(!r.ok && r.message).toMatch(/^单个附件不能超过 20 MB，此文件 20\.0 MB/);
  });

  it('keeps only the last part of a path and drops control characters', () => {
    expect(cleanFileName('C:\\材料\\决算"报表\u0007.pdf')).toBe('决算报表.pdf');
    expect(cleanFileName(`${'长'.repeat(300)}.pdf`)).toHaveLength(200);
  });
});
