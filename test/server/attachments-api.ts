/** 附件 over HTTP (part of the API suite, on both databases): upload, refusals, download names, publication. */
import { describe, expect, it } from 'vitest';
import { PDF } from './attachment-matrix.ts';
import { reportIn, type Served } from './harness.ts';

type Meta = { id: string; fileName: string; size: number; public: boolean; category: string };

const form = (name: string, bytes: Uint8Array, category = 'evidence'): FormData => {
  const f = new FormData();
  f.set('file', new File([Buffer.from(bytes)], name));
  f.set('category', category);
  return f;
};

export const attachmentTests = (served: () => Served): void => {
  describe('attachments', () => {
    it('keeps a file with its Chinese name and hands it back byte for byte', async () => {
      const s = served();
      const r = await reportIn(s.db.store, s.org, 'draft');
      const name = '决算报表（2023年度）.pdf';
      const res = await s.clients.prepA.fetch('POST', `/api/reports/${r.id}/attachments`, {
        form: form(name, PDF, 'final-accounts'),
      });
      expect(res.status).toBe(201);
      const added = (await res.json()) as Meta;
      expect(added).toMatchObject({
        fileName: name,
        size: PDF.byteLength,
        public: false,
        category: 'final-accounts',
      });
      const list = await s.clients.bureau.json<{ items: Meta[]; maxFileBytes: number }>(
        'GET',
        `/api/reports/${r.id}/attachments`,
      );
      expect(list.body.items.map((a) => a.id)).toEqual([added.id]);
      expect(list.body.maxFileBytes).toBe(20 * 1024 * 1024);
      const got = await s.clients.revA.fetch('GET', `/api/reports/${r.id}/attachments/${added.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toBe(
        `attachment; filename="2023.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(Buffer.compare(Buffer.from(await got.arrayBuffer()), Buffer.from(PDF))).toBe(0);
    });

    it('refuses a renamed program, an unknown type and a missing category, in Chinese first', async () => {
      const s = served();
      const r = await reportIn(s.db.store, s.org, 'draft');
      const post = (f: FormData) =>
        s.clients.prepA.fetch('POST', `/api/reports/${r.id}/attachments`, { form: f });
      const exe = await post(form('决算报表.pdf', new TextEncoder().encode('MZ\x90\x00 not a pdf')));
      expect(exe.status).toBe(422);
      expect(((await exe.json()) as { message: string }).message).toMatch(/^文件内容与扩展名 \.pdf 不符/);
      const bat = await post(form('run.bat', new TextEncoder().encode('echo hi')));
      expect(bat.status).toBe(422);
      expect(((await bat.json()) as { message: string }).message).toMatch(/^不支持的附件类型 \.bat/);
      const noCategory = new FormData();
      noCategory.set('file', new File([Buffer.from(PDF)], 'a.pdf'));
      const bad = await post(noCategory);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(/请选择附件类别/);
      expect((await s.db.store.attachments.list(r.id)).length).toBe(0);
    });

    it('publishes the files the bureau chose with the report; the public downloads only those', async () => {
      const s = served();
      const r = await reportIn(s.db.store, s.org, 'draft');
      const up = async (name: string) =>
        (await (
          await s.clients.prepA.fetch('POST', `/api/reports/${r.id}/attachments`, { form: form(name, PDF) })
        ).json()) as Meta;
      const shown = await up('佐证材料-验收报告.pdf');
      const internal = await up('内部测算.pdf');
      const step = async (who: 'prepA' | 'revA' | 'bureau', action: string) =>
        expect((await s.clients[who].json('POST', `/api/reports/${r.id}/${action}`, {})).status).toBe(200);
      await step('prepA', 'submit');
      await step('revA', 'approve');
      const choose = await s.clients.bureau.json<Meta>(
        'PUT',
        `/api/reports/${r.id}/attachments/${shown.id}/public`,
        { public: true },
      );
      expect(choose).toMatchObject({ status: 200, body: { public: true } });
      await step('bureau', 'approve');
      await step('bureau', 'publish');
      const pub = await s.clients.public.json<Meta[]>(
        'GET',
        `/api/public/reports/${r.id}/versions/1/attachments`,
      );
      expect(pub.body.map((a) => a.fileName)).toEqual(['佐证材料-验收报告.pdf']);
      const file = await s.clients.public.fetch(
        'GET',
        `/api/public/reports/${r.id}/versions/1/attachments/${shown.id}`,
      );
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('佐证材料-验收报告.pdf'));
      const hidden = await s.clients.public.fetch(
        'GET',
        `/api/public/reports/${r.id}/versions/1/attachments/${internal.id}`,
      );
      expect(hidden.status).toBe(404);
      // Published now: the choice is fixed.
      const late = await s.clients.bureau.json(
        'PUT',
        `/api/reports/${r.id}/attachments/${internal.id}/public`,
        {
          public: true,
        },
      );
      expect(late.status).toBe(409);
    });
  });
};
