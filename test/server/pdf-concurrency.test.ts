/**
 * PDFs on the server (issue #15, item 6): one Chromium kept open for every request, a bounded queue
 * (excess refused with 503 and a Chinese message), published PDFs printed once per version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configurePdf, findChromium, pdfStats } from '../../src/formats/pdf/write-pdf.ts';
import { reportIn, type Served, serveForTest, stopServed } from './harness.ts';

const chromium = findChromium();
if (!chromium) console.warn('[skip] no Chromium on this machine: the PDF concurrency tests are skipped');

describe.skipIf(!chromium)('PDFs on the server', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveForTest('pglite');
  }, 60_000);
  afterAll(() => stopServed(s), 30_000);

  const isPdf = async (res: Response) => new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5));

  it('12 concurrent requests start one browser, and every one gets its PDF', async () => {
    const r = await reportIn(s.db.store, s.org, 'draft');
    const before = pdfStats();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        s.clients.prepA.fetch('GET', `/api/reports/${r.id}/versions/1/render/pdf`),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    for (const a of answers) expect(await isPdf(a)).toBe('%PDF-');
    const after = pdfStats();
    expect(after.launches - before.launches).toBeLessThanOrEqual(1);
    expect(after.launches).toBe(1);
    expect(after.renders - before.renders).toBe(12);
  }, 180_000);

  it('prints a published version once, however often and concurrently it is asked for', async () => {
    const r = await reportIn(s.db.store, s.org, 'published');
    const before = pdfStats();
    const path = `/api/public/reports/${r.id}/versions/1/render/pdf`;
    const first = await Promise.all(Array.from({ length: 4 }, () => s.clients.public.fetch('GET', path)));
    const again = await s.clients.public.fetch('GET', path);
    for (const a of [...first, again]) {
      expect(a.status).toBe(200);
      expect(await isPdf(a)).toBe('%PDF-');
    }
    expect(pdfStats().renders - before.renders).toBe(1);
    expect(pdfStats().launches).toBe(1);
  }, 120_000);

  it('refuses what exceeds the queue with 503 and a Chinese message, then serves again', async () => {
    const r = await reportIn(s.db.store, s.org, 'draft');
    configurePdf({ concurrency: 1, maxWaiting: 2 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          s.clients.prepA.fetch('GET', `/api/reports/${r.id}/versions/1/render/pdf`),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((x) => x === 200).length).toBe(3);
      expect(statuses.filter((x) => x === 503).length).toBe(5);
      const refused = answers.find((a) => a.status === 503)!;
      expect(((await refused.json()) as { message: string }).message).toMatch(/^同时生成 PDF 的请求过多/);
      const later = await s.clients.prepA.fetch('GET', `/api/reports/${r.id}/versions/1/render/pdf`);
      expect(later.status).toBe(200);
    } finally {
      configurePdf({ concurrency: 2, maxWaiting: 16 });
    }
  }, 120_000);
});
