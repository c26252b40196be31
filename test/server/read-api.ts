/** 试算 of a file (POST /api/read), part of api-suite.ts: any signed-in user reads a file, nothing is stored. */
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/formats/docx/write-docx.ts';
import { composedReport } from '../fixtures/docx/composed-report.ts';
import type { Served } from './harness.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

export const readTests = (S: () => Served): void => {
  describe('试算 of a file (POST /api/read)', () => {
    const read = async (name: string, bytes: Uint8Array | string, who: 'revA' | 'bureau' = 'revA') => {
      const form = new FormData();
      form.set('file', new File([bytes], name));
      const res = await S().clients[who].fetch('POST', '/api/read', { form });
      return { status: res.status, body: (await res.json()) as Json };
    };
    /** What a read could leave behind: reports and the audit log. */
    const stored = async () => ({
      reports: (await S().db.store.reports.list({})).length,
      audit: (await S().db.store.audit.list({ limit: 1 }))[0]?.id ?? 0,
    });

    it('a composed .docx reads into the document with the reader’s warnings, and nothing is stored', async () => {
      const before = await stored();
      const bytes = await writeDocx({ report: composedReport(), allowErrors: true });
      const res = await read('部门整体支出绩效自评报告.docx', bytes);
      expect(res.status).toBe(200);
      const document = res.body.document as { kind: string; meta: { format: string } };
      expect(document.kind).toBe('department');
      expect(document.meta.format).toBe('docx');
      expect(Array.isArray(res.body.warnings)).toBe(true);
      expect(Object.keys(res.body).sort()).toEqual(['document', 'warnings']);
      expect(await stored()).toEqual(before);
    });

    it('a file that is no report gets the reader’s Chinese refusal, and nothing is stored', async () => {
      const before = await stored();
      for (const [name, bytes] of [
        ['noise.docx', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 7, 9])],
        ['report.exe', 'MZ'],
      ] as const) {
        const res = await read(name, bytes, 'bureau');
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('bad-upload');
        expect(res.body.message).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/);
      }
      expect(await stored()).toEqual(before);
    });

    it('the upload’s size limit holds: over 20 MB is 413', async () => {
      const res = await read('big.txt', new Uint8Array(22 * 1024 * 1024));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('too-large');
    });

    it('needs the CSRF token like any other POST', async () => {
      const form = new FormData();
      form.set('file', new File(['x'], 'a.txt'));
      const res = await S().clients.revA.fetch('POST', '/api/read', { form, csrf: false });
      expect(res.status).toBe(403);
    });
  });
};
