/** The contract's part on reports: versions, conflicts, workflow status, publication, review. */
import { describe, expect, it } from 'vitest';
import type { ReportFigures, ReportStatus } from '../../../src/store/model/reports.ts';
import { sampleProjectReport, sampleReport } from '../reports/store-sample.ts';
import { type Fixture, uniq, unwrap } from './fixture.ts';

const figures = (statedTotal: string): ReportFigures => ({
  statedTotal,
  computedTotal: '91.25',
  grade: '优',
});

export const registerReportContract = (fx: Fixture): void => {
  const newReport = async () => {
    const t = await fx.tree();
    const preparer = unwrap(
      await fx.store.users.createUser(
        {
          username: uniq('tb'),
          displayName: '填报员',
          passwordHash: 'h',
          role: 'preparer',
          departmentId: t.department,
        },
        t.admin,
      ),
    );
    const saved = unwrap(
      await fx.store.reports.create(
        {
          departmentId: t.department,
          year: 2024,
          kind: 'department',
          document: sampleReport(2024),
          figures: figures('92.50'),
          summary: '导入',
        },
        preparer.id,
      ),
    );
    return { t, preparer: preparer.id, report: saved.report };
  };

  describe('reports', () => {
    it('creates version 1 as a draft, one report per department × year × kind × project', async () => {
      const { t, report, preparer } = await newReport();
      const s = fx.store;
      expect(report).toMatchObject({ status: 'draft', currentVersion: 1, statedTotal: '92.5', grade: '优' });
      expect((await s.reports.getVersion(report.id, 1))?.document).toEqual(sampleReport(2024));
      // Each version keeps the evaluation it was saved with.
      expect(await s.reports.getVersion(report.id, 1)).toMatchObject({ computedTotal: '91.25', grade: '优' });
      const again = await s.reports.create(
        {
          departmentId: t.department,
          year: 2024,
          kind: 'department',
          document: sampleReport(),
          figures: figures('1'),
        },
        preparer,
      );
      expect(again).toMatchObject({ ok: false, code: 'report-exists', existingId: report.id });
      const noName = await s.reports.create(
        {
          departmentId: t.department,
          year: 2024,
          kind: 'project',
          document: sampleProjectReport(),
          figures: figures('1'),
        },
        preparer,
      );
      expect(noName).toMatchObject({ ok: false, code: 'project-name-required' });
      const wrongKind = await s.reports.create(
        {
          departmentId: t.department,
          year: 2024,
          kind: 'project',
          projectName: 'x',
          document: sampleReport(),
          figures: figures('1'),
        },
        preparer,
      );
      expect(wrongKind).toMatchObject({ ok: false, code: 'kind-mismatch' });
      const wrongSave = await s.reports.saveVersion(
        { reportId: report.id, expectedVersion: 1, document: sampleProjectReport(), figures: figures('1') },
        preparer,
      );
      expect(wrongSave).toMatchObject({ ok: false, code: 'kind-mismatch' });
      const base = {
        departmentId: t.department,
        year: 2024,
        kind: 'project' as const,
        document: sampleProjectReport(),
      };
      unwrap(
        await s.reports.create({ ...base, projectName: '高标准农田建设', figures: figures('88') }, preparer),
      );
      unwrap(
        await s.reports.create({ ...base, projectName: '农机购置补贴', figures: figures('90') }, preparer),
      );
      const listed = await s.reports.list({ jurisdictionId: t.province, year: 2024 });
      expect(listed.map((r) => r.projectName)).toEqual([null, '农机购置补贴', '高标准农田建设']);
      expect(
        await s.reports.list({ departmentId: t.department, kind: 'project', statuses: ['submitted'] }),
      ).toEqual([]);
      const missing = await s.reports.create(
        { ...base, departmentId: crypto.randomUUID(), projectName: 'x', figures: figures('1') },
        preparer,
      );
      expect(missing).toMatchObject({ ok: false, code: 'not-found' });
    });

    it('reads a report with its department in one call, and a version as stored JSON text', async () => {
      const { t, report } = await newReport();
      const s = fx.store;
      const got = await s.reports.getWithDepartment(report.id);
      expect(got?.report).toEqual(await s.reports.get(report.id));
      expect(got?.department).toEqual(await s.org.getDepartment(t.department));
      expect(await s.reports.getWithDepartment(crypto.randomUUID())).toBeNull();
      const text = await s.reports.getVersionText(report.id, 1);
      const { document, ...meta } = (await s.reports.getVersion(report.id, 1))!;
      expect(text?.report).toEqual(got?.report);
      expect(text?.department).toEqual(got?.department);
      expect(text?.version).toMatchObject(meta);
      expect(JSON.parse(text!.version!.documentJson)).toEqual(document);
      // null: the current version.
      expect((await s.reports.getVersionText(report.id, null))?.version).toEqual(text?.version);
      expect(await s.reports.getVersionText(report.id, 2)).toMatchObject({
        report: got?.report,
        version: null,
      });
      expect(await s.reports.getVersionText(crypto.randomUUID(), 1)).toBeNull();
    });

    it('appends versions and keeps every earlier one unchanged', async () => {
      const { report, preparer } = await newReport();
      const s = fx.store;
      const v2 = unwrap(
        await s.reports.saveVersion(
          {
            reportId: report.id,
            expectedVersion: 1,
            document: sampleReport(2024, '示例县农业农村局', '95.00'),
            figures: { statedTotal: '95.00', computedTotal: null, grade: '良' },
            summary: '改了结论',
          },
          preparer,
        ),
      );
      expect(v2.report).toMatchObject({ currentVersion: 2, statedTotal: '95' });
      expect(v2.version).toMatchObject({ version: 2, summary: '改了结论', createdBy: preparer });
      // No framework fitted version 2: no computed total, the grade of its own scores; version 1 keeps its own.
      expect(v2.version).toMatchObject({ computedTotal: null, grade: '良' });
      expect(await s.reports.getVersion(report.id, 1)).toMatchObject({ computedTotal: '91.25' });
      const v1 = (await s.reports.getVersion(report.id, 1))?.document;
      expect(v1?.kind === 'department' && v1.conclusion?.statedTotal?.value).toBe('92.50');
      expect((await s.reports.listVersions(report.id)).map((v) => [v.version, v.summary])).toEqual([
        [2, '改了结论'],
        [1, '导入'],
      ]);
      await expect(
        fx.exec(`update report_versions set summary = 'x' where report_id = '${report.id}'`),
      ).rejects.toThrow(/append-only/);
      await expect(fx.exec(`delete from report_versions where report_id = '${report.id}'`)).rejects.toThrow(
        /append-only/,
      );
      expect((await s.reports.getVersion(report.id, 1))?.summary).toBe('导入');
      const both = await s.reports.getVersions([
        { reportId: report.id, version: 2 },
        { reportId: report.id, version: 1 },
        { reportId: report.id, version: 3 },
      ]);
      expect(both.map((v) => [v.version, v.summary]).sort()).toEqual([
        [1, '导入'],
        [2, '改了结论'],
      ]);
      expect(both.find((v) => v.version === 1)?.document).toEqual(
        await s.reports.getVersion(report.id, 1).then((v) => v?.document),
      );
      expect(await s.reports.getVersions([])).toEqual([]);
    });

    it('refuses a stale save and returns the newer version', async () => {
      const { report, preparer } = await newReport();
      const s = fx.store;
      const input = { reportId: report.id, document: sampleReport(), figures: figures('90') };
      unwrap(await s.reports.saveVersion({ ...input, expectedVersion: 1, summary: 'A' }, preparer));
      const stale = await s.reports.saveVersion({ ...input, expectedVersion: 1, summary: 'B' }, preparer);
      expect(stale).toMatchObject({
        ok: false,
        code: 'version-conflict',
        current: { version: 2, summary: 'A' },
      });
      expect((await s.reports.get(report.id))?.currentVersion).toBe(2);
      const gone = await s.reports.saveVersion(
        { ...input, reportId: crypto.randomUUID(), expectedVersion: 1 },
        null,
      );
      expect(gone).toMatchObject({ ok: false, code: 'not-found' });
    });

    it('lets exactly one of several concurrent saves of the same version win', async () => {
      const { report, preparer } = await newReport();
      const s = fx.store;
      const results = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          s.reports.saveVersion(
            {
              reportId: report.id,
              expectedVersion: 1,
              document: sampleReport(),
              figures: figures('90'),
              summary: `编辑${i}`,
            },
            preparer,
          ),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
        'version-conflict',
        'version-conflict',
        'version-conflict',
      ]);
      expect((await s.reports.listVersions(report.id)).map((v) => v.version)).toEqual([2, 1]);
    });

    it('changes status only from the status the caller saw', async () => {
      const { report, preparer } = await newReport();
      const s = fx.store;
      const submitted = unwrap(
        await s.reports.setStatus({ reportId: report.id, from: 'draft', to: 'submitted' }, preparer),
      );
      expect(submitted.status).toBe('submitted');
      const twice = await s.reports.setStatus(
        { reportId: report.id, from: 'draft', to: 'submitted' },
        preparer,
      );
      expect(twice).toMatchObject({ ok: false, code: 'status-conflict', current: { status: 'submitted' } });
      const log = await s.audit.list({ targetType: 'report', targetId: report.id });
      expect(log.map((e) => e.action)).toEqual(['report.set-status', 'report.create']);
      expect(log[0]).toMatchObject({ actorId: preparer, detail: { from: 'draft', to: 'submitted' } });
    });

    it('moves the status only at the version the caller saw; saves only in the statuses the caller allows', async () => {
      const { report, preparer } = await newReport();
      const s = fx.store;
      const doc = sampleReport(2024, '示例县农业农村局', '90.00');
      const save = (expectedVersion: number) =>
        s.reports.saveVersion(
          {
            reportId: report.id,
            expectedVersion,
            document: doc,
            figures: figures('90'),
            whileStatus: ['draft'],
          },
          preparer,
        );
      unwrap(await save(1));
      const stale = await s.reports.setStatus(
        { reportId: report.id, from: 'draft', to: 'submitted', version: 1 },
        preparer,
      );
      expect(stale).toMatchObject({ ok: false, code: 'status-conflict', current: { currentVersion: 2 } });
      unwrap(
        await s.reports.setStatus(
          { reportId: report.id, from: 'draft', to: 'submitted', version: 2 },
          preparer,
        ),
      );
      expect(await save(2)).toMatchObject({
        ok: false,
        code: 'not-editable',
        current: { status: 'submitted' },
      });
      expect((await s.reports.get(report.id))?.currentVersion).toBe(2);
    });

    it('tells when each report last entered each status, and who moved it', async () => {
      const { t, report, preparer } = await newReport();
      const other = await newReport();
      const s = fx.store;
      const move = async (from: ReportStatus, to: ReportStatus, by: string) =>
        unwrap(await s.reports.setStatus({ reportId: report.id, from, to }, by));
      await move('draft', 'submitted', preparer);
      await move('submitted', 'returned', t.admin);
      await move('returned', 'draft', preparer);
      await move('draft', 'submitted', preparer);
      await move('submitted', 'bureau-approved', t.admin);
      unwrap(await s.reports.publish({ reportId: report.id, version: 1, from: 'bureau-approved' }, t.admin));
      const steps = await s.reports.listStepDates([report.id, other.report.id]);
      const by = new Map(steps.map((x) => [x.status, x]));
      expect([...by.keys()].sort()).toEqual([
        'bureau-approved',
        'draft',
        'published',
        'returned',
        'submitted',
      ]);
      expect(steps.every((x) => x.reportId === report.id)).toBe(true);
      const log = await s.audit.list({ targetType: 'report', targetId: report.id });
      const lastSubmit = log.find((e) => e.action === 'report.set-status' && e.detail.to === 'submitted')!;
      expect(by.get('submitted')).toEqual({
        reportId: report.id,
        status: 'submitted',
        at: lastSubmit.at,
        actorId: preparer,
      });
      expect(by.get('published')?.actorId).toBe(t.admin);
      expect(await s.reports.listStepDates([])).toEqual([]);
    });

    it('publishes versions, keeps every published one readable and drafts private', async () => {
      const { t, report, preparer } = await newReport();
      const s = fx.store;
      unwrap(
        await s.reports.setStatus({ reportId: report.id, from: 'draft', to: 'bureau-approved' }, t.admin),
      );
      const early = await s.reports.publish({ reportId: report.id, version: 1, from: 'draft' }, t.admin);
      expect(early).toMatchObject({ ok: false, code: 'status-conflict' });
      unwrap(await s.reports.publish({ reportId: report.id, version: 1, from: 'bureau-approved' }, t.admin));
      expect((await s.reports.get(report.id))?.status).toBe('published');
      const doc = sampleReport(2024, '示例县农业农村局', '93.00');
      unwrap(
        await s.reports.saveVersion(
          { reportId: report.id, expectedVersion: 1, document: doc, figures: figures('93'), summary: '更正' },
          preparer,
        ),
      );
      expect(await s.reports.getPublishedVersion(report.id, 2)).toBeNull();
      unwrap(await s.reports.publish({ reportId: report.id, version: 2, from: 'published' }, t.admin));
      const again = await s.reports.publish({ reportId: report.id, version: 2, from: 'published' }, t.admin);
      expect(again).toMatchObject({ ok: false, code: 'duplicate' });
      expect((await s.reports.getPublishedVersion(report.id, 1))?.document).toEqual(sampleReport(2024));
      expect((await s.reports.getPublishedVersion(report.id, 2))?.document).toEqual(doc);
      const pub = await s.reports.listPublished({ jurisdictionId: t.city, year: 2024 });
      expect(pub.map((p) => p.version)).toEqual([2, 1]);
      expect(pub.map((p) => p.figures)).toEqual([null, null]);
      expect(await s.reports.keepPublishedFigures(report.id, 1, figures('90.5'))).toEqual(figures('90.5'));
      expect(await s.reports.listPublished({ jurisdictionId: (await fx.tree()).province })).toEqual([]);
    });

    it('keeps the figures of a publication once: given at publication, or kept later, never replaced', async () => {
      const { t, report } = await newReport();
      const s = fx.store;
      unwrap(
        await s.reports.setStatus({ reportId: report.id, from: 'draft', to: 'bureau-approved' }, t.admin),
      );
      const kept = { statedTotal: '91.5', computedTotal: '90', grade: '优' } as const;
      unwrap(
        await s.reports.publish(
          { reportId: report.id, version: 1, from: 'bureau-approved', figures: kept },
          t.admin,
        ),
      );
      const listed = async () =>
        (await s.reports.listPublished({ jurisdictionId: t.city, year: 2024 })).find(
          (p) => p.reportId === report.id,
        );
      expect((await listed())?.figures).toEqual(kept);
      const other = { statedTotal: null, computedTotal: '10', grade: '差' } as const;
      expect(await s.reports.keepPublishedFigures(report.id, 1, other)).toEqual(kept);
      expect((await listed())?.figures).toEqual(kept);
      expect(await s.reports.keepPublishedFigures(report.id, 2, other)).toBeNull();
    });

    it('keeps comments and re-scores with reasons, the latest per indicator counting', async () => {
      const { t, report } = await newReport();
      const s = fx.store;
      const c = unwrap(
        await s.review.addComment(
          { reportId: report.id, version: 1, kind: 'return-reason', body: '三公经费口径不一致，请核对。' },
          t.admin,
        ),
      );
      expect(await s.review.listComments(report.id)).toEqual([c]);
      const path = '产出指标/数量指标';
      unwrap(
        await s.review.addRescore(
          { reportId: report.id, version: 1, indicatorPath: path, score: '8.50', reason: '佐证不足' },
          t.admin,
        ),
      );
      unwrap(
        await s.review.addRescore(
          { reportId: report.id, version: 1, indicatorPath: path, score: '7', reason: '复核后再扣分' },
          t.admin,
        ),
      );
      unwrap(
        await s.review.addRescore(
          { reportId: report.id, version: 1, indicatorPath: '效益指标', score: '20.05', reason: '按证据' },
          t.admin,
        ),
      );
      expect((await s.review.listRescores(report.id)).map((r) => r.score)).toEqual(['8.5', '7', '20.05']);
      const latest = await s.review.listRescores(report.id, { latestOnly: true });
      expect(latest.map((r) => [r.indicatorPath, r.score])).toEqual([
        [path, '7'],
        ['效益指标', '20.05'],
      ]);
      const noVersion = await s.review.addComment(
        { reportId: report.id, version: 9, kind: 'comment', body: 'x' },
        null,
      );
      expect(noVersion).toMatchObject({ ok: false, code: 'not-found' });
    });
  });
};
