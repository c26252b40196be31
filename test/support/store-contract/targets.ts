/** The contract's part on the target cycle: versions kept, approval freezes, reviews, monitoring, decisions. */
import { describe, expect, it } from 'vitest';
import { emptyEntry } from '../../../src/core/targets/monitoring.ts';
import { sampleDepartmentTable, sampleProjectTable } from '../../../src/core/targets/sample-tables.ts';
import { type Fixture, unwrap } from './fixture.ts';

export const registerTargetContract = (fx: Fixture): void => {
  const newTable = async () => {
    const t = await fx.tree();
    const saved = unwrap(
      await fx.store.targets.create(
        {
          departmentId: t.department,
          year: 2026,
          kind: 'project',
          projectName: '乡镇供水管网改造',
          document: sampleProjectTable(),
          summary: '新建',
        },
        t.admin,
      ),
    );
    return { t, table: saved.table };
  };

  describe('target tables', () => {
    it('creates version 1 as a draft, one per department × year × kind × project', async () => {
      const { t, table } = await newTable();
      const s = fx.store.targets;
      expect(table).toMatchObject({ status: 'draft', currentVersion: 1, approvedVersion: null });
      expect((await s.getVersion(table.id, 1))?.document).toEqual(sampleProjectTable());
      const again = await s.create(
        {
          departmentId: t.department,
          year: 2026,
          kind: 'project',
          projectName: '乡镇供水管网改造',
          document: sampleProjectTable(),
        },
        t.admin,
      );
      expect(again).toMatchObject({ ok: false, code: 'target-exists', existingId: table.id });
      const dept = await s.create(
        { departmentId: t.department, year: 2026, kind: 'department', document: sampleDepartmentTable() },
        t.admin,
      );
      expect(dept.ok).toBe(true);
      const wrong = await s.create(
        { departmentId: t.department, year: 2027, kind: 'department', document: sampleProjectTable() },
        t.admin,
      );
      expect(wrong).toMatchObject({ ok: false, code: 'kind-mismatch' });
      expect((await s.list({ jurisdictionId: t.province, year: 2026 })).map((x) => x.kind).sort()).toEqual([
        'department',
        'project',
      ]);
    });

    it('keeps every version, refuses a stale save, and freezes the approved version', async () => {
      const { t, table } = await newTable();
      const s = fx.store.targets;
      const doc2 = { ...sampleProjectTable(), basis: '县政府常务会议纪要' };
      const v2 = unwrap(
        await s.saveVersion({ tableId: table.id, expectedVersion: 1, document: doc2 }, t.admin),
      );
      expect(v2.table.currentVersion).toBe(2);
      const stale = await s.saveVersion({ tableId: table.id, expectedVersion: 1, document: doc2 }, t.admin);
      expect(stale).toMatchObject({ ok: false, code: 'version-conflict', current: { version: 2 } });
      unwrap(await s.setStatus({ tableId: table.id, from: 'draft', to: 'submitted' }, t.admin));
      const wrongFrom = await s.review(
        { tableId: table.id, version: 2, grade: '优', reasons: '', from: 'draft', to: 'approved' },
        t.admin,
      );
      expect(wrongFrom).toMatchObject({ ok: false, code: 'status-conflict' });
      const approved = unwrap(
        await s.review(
          {
            tableId: table.id,
            version: 2,
            grade: '良',
            reasons: '时效指标已协商调整',
            from: 'submitted',
            to: 'approved',
          },
          t.admin,
        ),
      );
      expect(approved.table).toMatchObject({ status: 'approved', approvedVersion: 2 });
      // An adjustment: a further version, a draft again, the approved version still 2 until re-approved.
      const doc3 = { ...doc2, fundsTotal: '340', fundSources: [{ label: '财政拨款', amount: '340' }] };
      const v3 = unwrap(
        await s.saveVersion({ tableId: table.id, expectedVersion: 2, document: doc3 }, t.admin),
      );
      expect(v3.table).toMatchObject({ status: 'draft', currentVersion: 3, approvedVersion: 2 });
      expect((await s.listVersions(table.id)).map((v) => v.version)).toEqual([3, 2, 1]);
      expect((await s.getVersion(table.id, 2))?.document).toEqual(doc2);
      expect((await s.listReviews(table.id)).map((r) => [r.version, r.grade, r.reasons])).toEqual([
        [2, '良', '时效指标已协商调整'],
      ]);
      await expect(
        fx.exec(`update target_versions set summary = 'x' where table_id = '${table.id}'`),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('monitoring', () => {
    it('opens one round per jurisdiction × year × month', async () => {
      const { t } = await newTable();
      const s = fx.store.targets;
      const round = unwrap(
        await s.createRound(
          {
            jurisdictionId: t.county,
            year: 2026,
            month: 7,
            title: '2026年1—7月绩效监控',
            deadline: '2026-08-15',
          },
          t.admin,
        ),
      );
      expect(round).toMatchObject({ month: 7, deadline: '2026-08-15', preset: 'default' });
      const dup = await s.createRound(
        { jurisdictionId: t.county, year: 2026, month: 7, title: '重复', deadline: '2026-08-20' },
        t.admin,
      );
      expect(dup).toMatchObject({ ok: false, code: 'duplicate' });
      expect((await s.listRounds({ jurisdictionIds: [t.county] })).map((r) => r.id)).toEqual([round.id]);
    });

    it('saves an entry until it is submitted, and records decisions with reasons', async () => {
      const { t, table } = await newTable();
      const s = fx.store.targets;
      const round = unwrap(
        await s.createRound(
          { jurisdictionId: t.county, year: 2026, month: 7, title: '1—7月', deadline: '2026-08-15' },
          t.admin,
        ),
      );
      const entry = { ...emptyEntry(sampleProjectTable()), executed: '120' };
      unwrap(
        await s.putEntry(
          { roundId: round.id, tableId: table.id, tableVersion: 1, document: entry, submit: false },
          t.admin,
        ),
      );
      const submitted = unwrap(
        await s.putEntry(
          {
            roundId: round.id,
            tableId: table.id,
            tableVersion: 1,
            document: { ...entry, projectedAnnual: '300' },
            submit: true,
          },
          t.admin,
        ),
      );
      expect(submitted.submittedAt).toBeInstanceOf(Date);
      expect((await s.getEntry(round.id, table.id))?.document.projectedAnnual).toBe('300');
      const late = await s.putEntry(
        { roundId: round.id, tableId: table.id, tableVersion: 1, document: entry, submit: false },
        t.admin,
      );
      expect(late).toMatchObject({ ok: false, code: 'entry-submitted' });
      expect(await s.listEntries(round.id)).toHaveLength(1);
      unwrap(
        await s.addDecision(
          { roundId: round.id, tableId: table.id, decision: 'suspend', reason: '预算执行严重滞后' },
          t.admin,
        ),
      );
      unwrap(
        await s.addDecision(
          { roundId: round.id, tableId: table.id, decision: 'continue', reason: '已提交整改措施' },
          t.admin,
        ),
      );
      expect((await s.listDecisions(round.id)).map((d) => d.decision)).toEqual(['suspend', 'continue']);
      await expect(
        fx.exec(
          `insert into bureau_decisions (round_id, table_id, decision, reason) values ('${round.id}', '${table.id}', 'cancel', ' ')`,
        ),
      ).rejects.toThrow();
    });
  });
};
