/**
 * Uploads that once stopped the server (issue 15): a .docx whose document part is 60 MB of paragraphs
 * (1.4 MB on disk) and an .xlsx whose zip directory understates an entry's size. Each is refused with
 * 413 and its reason, within the reader's time limit, while the server keeps answering other requests
 * within a second: the file is read in a child process and the server's thread only waits.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmIsolation } from '../../src/formats/isolate/index.ts';
import { hugeDocx } from '../support/formats/hostile-files.ts';
import { withBombs } from '../support/formats/hostile-zips.ts';
import { freshYear, type Served, serveForTest, stopServed } from './harness.ts';

let s: Served;
beforeAll(async () => {
  s = await serveForTest('pglite');
  // As `jixiao serve` does: the reader is started before the first upload.
  await warmIsolation();
}, 60_000);
afterAll(() => stopServed(s), 30_000);

const upload = (name: string, bytes: Uint8Array) => {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  form.set('year', String(freshYear()));
  form.set('reason', '测试：以示例文件代替');
  return s.clients.prepA.fetch('POST', '/api/reports/upload', { form });
};

/** Uploads while another client reads its report list every 100 ms; the slowest of those reads. */
const uploadWhileReading = async (name: string, bytes: Uint8Array) => {
  let slowest = 0;
  let reads = 0;
  let stop = false;
  const reader = (async () => {
    while (!stop) {
      const t = performance.now();
      const res = await s.clients.revA.fetch('GET', '/api/reports');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - t);
      reads++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = performance.now();
  const res = await upload(name, bytes);
  const took = performance.now() - started;
  stop = true;
  await reader;
  return {
    status: res.status,
    body: (await res.json()) as { code: string; reason?: string; message: string },
    took,
    slowest,
    reads,
  };
};

describe('hostile uploads', () => {
  it('a .docx with a 60 MB document part: 413 within the time limit, other reads within 1 s', async () => {
    const bytes = await hugeDocx(60);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const r = await uploadWhileReading('huge.docx', bytes);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('too-large');
    expect(['read.timeout', 'read.out-of-memory']).toContain(r.body.reason);
    expect(r.body.message).toContain('文件过大或结构异常');
    expect(r.took).toBeLessThan(15_000);
    expect(r.reads).toBeGreaterThan(2);
    expect(r.slowest).toBeLessThan(1000);
  }, 120_000);

  it('an .xlsx whose zip directory understates a size: 413, refused at the stated size', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').getCell(1, 1).value = '项目名称';
    const bytes = await withBombs(new Uint8Array(await wb.xlsx.writeBuffer()), [
      { name: 'xl/worksheets/sheet9.xml', bytes: 512 * 1024 * 1024, declared: 2048 },
    ]);
    const r = await uploadWhileReading('bomb.xlsx', bytes);
    expect(r.status).toBe(413);
    expect(r.body.reason).toBe('read.zip-bomb');
    expect(r.body.message).toContain('文件过大或压缩异常');
    expect(r.slowest).toBeLessThan(1000);
  }, 120_000);

  it('an ordinary .docx upload still becomes a draft', async () => {
    const { readFileSync } = await import('node:fs');
    const res = await upload(
      'standard.docx',
      readFileSync(new URL('../fixtures/project/standard.docx', import.meta.url)),
    );
    expect(res.status).toBe(201);
  }, 60_000);
});
