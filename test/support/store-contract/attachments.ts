/** The contract's part on 附件: bytes kept exactly, status and total limits, 公开 fixed by publication. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewAttachment } from '../../../src/store/model/attachments.ts';
import { type Fixture, uniq, unwrap } from './fixture.ts';
import { sampleReport } from './sample-report.ts';

const MB = 1024 * 1024;

const bytes = (n: number, seed = 7): Uint8Array => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
};

export const registerAttachmentContract = (fx: Fixture): void => {
  const draft = async () => {
    const t = await fx.tree();
    const preparer = unwrap(
      await fx.store.users.createUser(
        {
          username: uniq('fj'),
          displayName: '填报员',
          passwordHash: 'h',
          role: 'preparer',
          departmentId: t.department,
        },
        t.admin,
      ),
    );
    const { report } = unwrap(
      await fx.store.reports.create(
        {
          departmentId: t.department,
          year: 2024,
          kind: 'department',
          document: sampleReport(2024),
          figures: { statedTotal: '90', computedTotal: '90', grade: '优' },
        },
        preparer.id,
      ),
    );
    return { t, preparer: preparer.id, report };
  };
  const file = (
    reportId: string,
    content: Uint8Array,
    extra: Partial<NewAttachment> = {},
  ): NewAttachment => ({
    reportId,
    version: 1,
    category: 'evidence',
    fileName: '佐证材料（2024年）.pdf',
    fileType: 'pdf',
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    whileStatus: ['draft', 'returned'],
    maxTotalBytes: 1 * MB,
    ...extra,
  });

  describe('attachments', () => {
    it('keeps the bytes exactly, lists without them, and finds them only under their report', async () => {
      const { report, preparer } = await draft();
      const s = fx.store;
      const content = bytes(300_000);
      const added = unwrap(await s.attachments.add(file(report.id, content), preparer));
      expect(added).toMatchObject({ size: 300_000, public: false, version: 1, createdBy: preparer });
      expect('content' in added).toBe(false);
      const got = await s.attachments.get(report.id, added.id);
      expect(got?.content).toBeInstanceOf(Uint8Array);
      expect(Buffer.compare(Buffer.from(got!.content), Buffer.from(content))).toBe(0);
      expect(got?.fileName).toBe('佐证材料（2024年）.pdf');
      const list = await s.attachments.list(report.id);
      expect(list.map((a) => a.id)).toEqual([added.id]);
      expect('content' in list[0]!).toBe(false);
      const other = await draft();
      expect(await s.attachments.get(other.report.id, added.id)).toBeNull();
      expect(await s.attachments.add(file(report.id, content, { version: 9 }), preparer)).toMatchObject({
        ok: false,
        code: 'not-found',
      });
      const audit = await s.audit.list({ targetType: 'report', targetId: report.id });
      expect(audit.map((e) => e.action)).toContain('report.attachment-add');
    });

    it('refuses a file past the total of the report, and any change outside the allowed statuses', async () => {
      const { report, preparer, t } = await draft();
      const s = fx.store;
      unwrap(await s.attachments.add(file(report.id, bytes(600 * 1024)), preparer));
      const full = await s.attachments.add(file(report.id, bytes(600 * 1024, 9)), preparer);
      expect(full).toMatchObject({ ok: false, code: 'attachments-full', usedBytes: 600 * 1024 });
      expect(!full.ok && full.message).toMatch(/合计不能超过 1 MB/);
      unwrap(await s.reports.setStatus({ reportId: report.id, from: 'draft', to: 'submitted' }, t.admin));
      const late = await s.attachments.add(file(report.id, bytes(10)), preparer);
      expect(late).toMatchObject({ ok: false, code: 'not-editable', current: { status: 'submitted' } });
      const [a] = await s.attachments.list(report.id);
      expect(
        await s.attachments.remove(
          { reportId: report.id, attachmentId: a!.id, whileStatus: ['draft'] },
          preparer,
        ),
      ).toMatchObject({ ok: false, code: 'not-editable' });
      expect(
        await s.attachments.setPublic(
          { reportId: report.id, attachmentId: a!.id, public: true, whileStatus: ['bureau-approved'] },
          t.admin,
        ),
      ).toMatchObject({ ok: false, code: 'not-editable' });
    });

    it('deletes while editable; the size column always matches the bytes', async () => {
      const { report, preparer } = await draft();
      const s = fx.store;
      const a = unwrap(await s.attachments.add(file(report.id, bytes(100)), preparer));
      const gone = unwrap(
        await s.attachments.remove(
          { reportId: report.id, attachmentId: a.id, whileStatus: ['draft'] },
          preparer,
        ),
      );
      expect(gone.id).toBe(a.id);
      expect(await s.attachments.list(report.id)).toEqual([]);
      expect(
        await s.attachments.remove(
          { reportId: report.id, attachmentId: a.id, whileStatus: ['draft'] },
          preparer,
        ),
      ).toMatchObject({ ok: false, code: 'not-found' });
      const b = unwrap(await s.attachments.add(file(report.id, bytes(100)), preparer));
      await expect(fx.exec(`update report_attachments set size = 5 where id = '${b.id}'`)).rejects.toThrow();
    });

    it('publishes the files chosen 公开 with the version, and keeps them out of reach of deletion', async () => {
      const { report, preparer, t } = await draft();
      const s = fx.store;
      const shown = unwrap(await s.attachments.add(file(report.id, bytes(50)), preparer));
      const kept = unwrap(
        await s.attachments.add(
          file(report.id, bytes(60), { fileName: '决算.xlsx', category: 'final-accounts' }),
          preparer,
        ),
      );
      unwrap(
        await s.reports.setStatus({ reportId: report.id, from: 'draft', to: 'bureau-approved' }, t.admin),
      );
      const chosen = unwrap(
        await s.attachments.setPublic(
          { reportId: report.id, attachmentId: shown.id, public: true, whileStatus: ['bureau-approved'] },
          t.admin,
        ),
      );
      expect(chosen.public).toBe(true);
      expect(await s.attachments.listPublished(report.id, 1)).toEqual([]);
      unwrap(await s.reports.publish({ reportId: report.id, version: 1, from: 'bureau-approved' }, t.admin));
      expect((await s.attachments.listPublished(report.id, 1)).map((a) => a.id)).toEqual([shown.id]);
      expect((await s.attachments.getPublished(report.id, 1, shown.id))?.size).toBe(50);
      expect(await s.attachments.getPublished(report.id, 1, kept.id)).toBeNull();
      expect(await s.attachments.getPublished(report.id, 2, shown.id)).toBeNull();
      // Back in the workflow for a correction: the published file cannot be deleted, the other can.
      unwrap(await s.reports.setStatus({ reportId: report.id, from: 'published', to: 'returned' }, t.admin));
      const any = ['draft', 'returned'] as const;
      expect(
        await s.attachments.remove(
          { reportId: report.id, attachmentId: shown.id, whileStatus: [...any] },
          preparer,
        ),
      ).toMatchObject({ ok: false, code: 'attachment-published' });
      unwrap(
        await s.attachments.remove(
          { reportId: report.id, attachmentId: kept.id, whileStatus: [...any] },
          preparer,
        ),
      );
    });
  });
};
