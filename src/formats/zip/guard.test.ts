import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeDocx, para } from '../../../test/support/formats/docx-bytes.ts';
import { deflatedZeros, withBombs } from '../../../test/support/formats/hostile-zips.ts';
import { readDocxLines } from '../docx/read-docx-lines.ts';
import { readXlsxLines } from '../xlsx/read-xlsx-lines.ts';
import { openZipGuarded, ZIP_LIMITS } from './index.ts';

const problemCode = (bytes: Uint8Array) => {
  const r = readDocxLines(bytes);
  return r.ok ? 'ok' : r.problem.code;
};

/** Offset of the first central directory entry (for patching declared sizes and flags). */
const centralAt = (bytes: Uint8Array, name: string): number => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = new TextEncoder().encode(name);
  for (let i = 0; i < bytes.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    if (len === needle.length && needle.every((b, j) => bytes[i + 46 + j] === b)) return i;
  }
  throw new Error(`no central entry ${name}`);
};

describe('the zip guard under a .docx', () => {
  it('reads a small docx', async () => {
    const r = readDocxLines(await makeDocx(para('一、部门基本情况')));
    expect(r.ok && r.lines.map((l) => l.text)).toEqual(['一、部门基本情况']);
  });

  it('refuses a zip bomb by its compression ratio before inflating', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(8 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(problemCode(bytes)).toBe('read.zip-bomb');
  });

  it('stops inflating at the declared size when a header lies', async () => {
    const big = `<w:document>${'<w:p/>'.repeat(100_000)}</w:document>`;
    const zip = new JSZip();
    zip.file('word/document.xml', big);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const at = centralAt(bytes, 'word/document.xml');
    new DataView(bytes.buffer).setUint32(at + 24, 1000, true);
    const opened = openZipGuarded(bytes);
    expect(opened.ok).toBe(true);
    const r = opened.ok ? opened.value.read('word/document.xml') : undefined;
    expect(r?.ok === false && r.problem.code).toBe('read.zip-bomb');
  });

  it('refuses a declared total beyond the limit, read from the central directory', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 3; i++) zip.file(`word/media/x${i}.bin`, 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    new DataView(bytes.buffer).setUint32(
      centralAt(bytes, 'word/media/x0.bin') + 24,
      ZIP_LIMITS.maxTotalBytes + 1,
      true,
    );
    expect(problemCode(bytes)).toBe('read.zip-bomb');
  });

  it('refuses too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) zip.file(`word/x${i}.xml`, '');
    expect(problemCode(await zip.generateAsync({ type: 'uint8array' }))).toBe('read.zip-entries');
  });

  it('refuses encrypted entries', async () => {
    const bytes = await makeDocx(para('文本'));
    const view = new DataView(bytes.buffer);
    const at = centralAt(bytes, 'word/document.xml');
    view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    expect(problemCode(bytes)).toBe('read.encrypted');
  });

  it('refuses a DOCTYPE (external entities are never resolved)', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>',
    );
    expect(problemCode(await zip.generateAsync({ type: 'uint8array' }))).toBe('read.xml-doctype');
  });

  it('refuses a zip without a Word body, and truncated or corrupt zips, without hanging', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(problemCode(await zip.generateAsync({ type: 'uint8array' }))).toBe('read.not-docx');
    const good = await makeDocx(para('正文'));
    expect(problemCode(good.subarray(0, good.length - 30))).toBe('read.zip-corrupt');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    expect(problemCode(garbage)).toBe('read.zip-corrupt');
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', async () => {
    const depth = 5000;
    const body = `<w:p>${'<w:hyperlink>'.repeat(depth)}<w:r><w:t>x</w:t></w:r>${'</w:hyperlink>'.repeat(depth)}</w:p>`;
    expect(problemCode(await makeDocx(body))).toBe('read.xml-syntax');
  });

  it('refuses malformed XML', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:p></w:body>');
    expect(problemCode(await zip.generateAsync({ type: 'uint8array' }))).toBe('read.xml-syntax');
  });
});

/** A small real workbook. */
const workbook = async (): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').getCell(1, 1).value = '项目名称';
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

describe('the zip guard under an .xlsx (exceljs never inflates by itself)', () => {
  it('reads a real workbook through the repacked zip', async () => {
    const r = await readXlsxLines(await workbook());
    expect(r.ok && r.lines.map((l) => l.text)).toEqual(['项目名称']);
  });

  // The reproducer of issue 15: 300 MB of zeros (about 300 KB on disk) whose directory says 1,000 bytes.
  it('refuses an entry whose directory understates its size, at the stated size', async () => {
    const bomb = await withBombs(await workbook(), [
      { name: 'xl/worksheets/sheet9.xml', bytes: 300 * 1024 * 1024, declared: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const r = await readXlsxLines(bomb);
    expect(r.ok === false && r.problem.code).toBe('read.zip-bomb');
    expect(r.ok === false && r.problem.zh).toContain('文件过大或压缩异常');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses by the bytes that come out: an entry cap, a total cap, a ratio cap', async () => {
    const limits = { ...ZIP_LIMITS, maxEntryBytes: 4 << 20, maxTotalBytes: 6 << 20, maxRatio: 400 };
    const bombs = (sizes: number[]) => sizes.map((bytes, i) => ({ name: `xl/media/x${i}.bin`, bytes }));
    const zip = async (sizes: number[]) => {
      const bytes = await withBombs(await workbook(), bombs(sizes));
      const opened = openZipGuarded(bytes, limits);
      const all = opened.ok ? opened.value.readAll() : opened;
      return all.ok ? 'ok' : all.problem.zh;
    };
    // Zeros deflate about 1:1000, beyond the ratio cap once past 1 MB.
    expect(await zip([900 * 1024])).toBe('ok');
    expect(await zip([2 << 20])).toContain('压缩比异常');
    const loose = { ...limits, maxRatio: 10_000 };
    const read = async (sizes: number[]) => {
      const bytes = await withBombs(await workbook(), bombs(sizes));
      const opened = openZipGuarded(bytes, loose);
      const all = opened.ok ? opened.value.readAll() : opened;
      return all.ok ? 'ok' : all.problem.zh;
    };
    expect(await read([3 << 20])).toBe('ok');
    expect(await read([5 << 20])).toContain('超过 4 MB');
    // Each under the entry cap, together over the total: refused while inflating the second.
    expect(await read([3 << 20, 3 << 20])).toContain('超过 6 MB');
  });

  it('makes its hostile test files small', async () => {
    expect((await deflatedZeros(64 << 20)).length).toBeLessThan(128 * 1024);
  });
});
