import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocxLines } from './read-docx-lines.ts';
import { listZip, readZipEntry, ZIP_LIMITS } from './safe-zip.ts';
import { makeDocx, para } from './test-docx.ts';

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

describe('safe zip reading', () => {
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
    const list = listZip(bytes);
    expect(list.ok).toBe(true);
    const entry = list.ok ? list.value.find((e) => e.name === 'word/document.xml') : undefined;
    const r = entry ? readZipEntry(bytes, entry) : undefined;
    expect(r?.ok).toBe(false);
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
