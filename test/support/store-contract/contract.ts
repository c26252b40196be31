/**
 * The one contract both adapters pass (the pattern of Hono's shared router suite): each adapter's
 * `*.db.test.ts` calls `storeContract` with a factory. One store per file (PGlite costs seconds to
 * create); every test makes its own jurisdiction, so tests do not depend on each other's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../../src/core/model/index.ts';
import { registerAccountContract } from './accounts.ts';
import { registerAttachmentContract } from './attachments.ts';
import { type ContractTarget, type Fixture, makeTree, uniq, unwrap } from './fixture.ts';
import { registerJobContract } from './jobs.ts';
import { registerReportContract } from './reports.ts';
import { sampleProjectReport, sampleReport } from './sample-report.ts';
import { registerTargetContract } from './targets.ts';

export const storeContract = (name: string, factory: () => Promise<ContractTarget>): void => {
  describe(`store contract: ${name}`, () => {
    let target: ContractTarget;
    const fx: Fixture = {
      get store() {
        return target.store;
      },
      exec: (sql) => target.exec(sql),
      tree: () => makeTree(target.store),
    };
    beforeAll(async () => {
      target = await factory();
    }, 60_000);
    afterAll(async () => {
      await target?.cleanup();
    }, 60_000);

    it('the sample documents are valid reports', () => {
      expect(Report.safeParse(sampleReport()).success).toBe(true);
      expect(Report.safeParse(sampleProjectReport()).success).toBe(true);
    });

    describe('jurisdictions and departments', () => {
      it('builds province → city → county and refuses a wrong parent', async () => {
        const t = await fx.tree();
        const s = fx.store;
        expect((await s.org.getJurisdiction(t.county))?.parentId).toBe(t.city);
        const bad = await s.org.createJurisdiction(
          { name: '错县', level: 'county', parentId: t.province },
          null,
        );
        expect(bad).toMatchObject({ ok: false, code: 'bad-parent' });
        const orphan = await s.org.createJurisdiction({ name: '孤市', level: 'city' }, null);
        expect(orphan).toMatchObject({ ok: false, code: 'bad-parent' });
        const dup = await s.org.createJurisdiction(
          { name: '示例县', level: 'county', parentId: t.city },
          null,
        );
        expect(dup).toMatchObject({ ok: false, code: 'duplicate' });
        expect((await s.org.jurisdictionSubtree(t.province)).map((j) => j.id)).toEqual([
          t.province,
          t.city,
          t.county,
        ]);
        expect((await s.org.listJurisdictions(t.city)).map((j) => j.id)).toEqual([t.county]);
      });

      it('keeps departments with their supervisor, found from any jurisdiction above', async () => {
        const t = await fx.tree();
        const s = fx.store;
        const d = await s.org.getDepartment(t.department);
        expect(d).toMatchObject({ supervisorId: t.supervisor, jurisdictionId: t.county });
        const inProvince = await s.org.listDepartments({ jurisdictionId: t.province });
        expect(inProvince.map((x) => x.id).sort()).toEqual([t.department, t.supervisor].sort());
        expect((await s.org.listDepartments({ supervisorId: t.supervisor })).map((x) => x.id)).toEqual([
          t.department,
        ]);
        const dup = await s.org.createDepartment(
          { name: '示例县农业农村局', jurisdictionId: t.county },
          null,
        );
        expect(dup).toMatchObject({ ok: false, code: 'duplicate' });
        const other = await fx.tree();
        const foreign = await s.org.updateDepartment(
          { id: t.department, supervisorId: other.supervisor },
          null,
        );
        expect(foreign).toMatchObject({ ok: false, code: 'bad-parent' });
        const renamed = unwrap(
          await s.org.updateDepartment({ id: t.department, name: '示例县农技中心' }, null),
        );
        expect(renamed.name).toBe('示例县农技中心');
        const clash = await s.org.updateDepartment({ id: t.department, name: '示例县农业农村局' }, null);
        expect(clash).toMatchObject({ ok: false, code: 'duplicate' });
      });

      it('moves a department to another jurisdiction, disables it and lists by 编码', async () => {
        const t = await fx.tree();
        const s = fx.store;
        const other = unwrap(
          await s.org.createJurisdiction({ name: uniq('乙县'), level: 'county', parentId: t.city }, t.admin),
        );
        // The supervisor supervises t.department: it cannot move away from it.
        const refused = await s.org.updateDepartment({ id: t.supervisor, jurisdictionId: other.id }, t.admin);
        expect(refused).toMatchObject({ ok: false, code: 'bad-parent' });
        const moved = unwrap(
          await s.org.updateDepartment({ id: t.department, jurisdictionId: other.id }, t.admin),
        );
        expect(moved).toMatchObject({ jurisdictionId: other.id, supervisorId: null, disabled: false });
        expect((await s.org.listDepartments({ jurisdictionId: t.county })).map((d) => d.id)).toEqual([
          t.supervisor,
        ]);
        const missing = await s.org.updateDepartment(
          { id: t.department, jurisdictionId: crypto.randomUUID() },
          t.admin,
        );
        expect(missing).toMatchObject({ ok: false, code: 'not-found' });
        expect(
          unwrap(await s.org.updateDepartment({ id: t.department, disabled: true }, t.admin)).disabled,
        ).toBe(true);
        const log = await s.audit.list({ targetType: 'department', targetId: t.department });
        expect(log.map((e) => e.action)).toContain('department.move');
        // 编码 first (those without one last), then name.
        const codeA = uniq('002');
        const codeB = uniq('001');
        const a = unwrap(
          await s.org.createDepartment({ name: '甲单位', code: codeA, jurisdictionId: other.id }, null),
        );
        const b = unwrap(
          await s.org.createDepartment({ name: '乙单位', code: codeB, jurisdictionId: other.id }, null),
        );
        expect((await s.org.listDepartments({ jurisdictionId: other.id })).map((d) => d.id)).toEqual([
          b.id,
          a.id,
          t.department,
        ]);
        const codeClash = await s.org.updateDepartment({ id: a.id, code: codeB }, null);
        expect(codeClash).toMatchObject({ ok: false, code: 'duplicate' });
      });

      it('renames a jurisdiction and sets its code, refusing a clash', async () => {
        const t = await fx.tree();
        const s = fx.store;
        const code = uniq('3301');
        const j = unwrap(await s.org.updateJurisdiction({ id: t.county, name: '新县', code }, t.admin));
        expect(j).toMatchObject({ name: '新县', code, parentId: t.city });
        const sibling = unwrap(
          await s.org.createJurisdiction({ name: '旧县', level: 'county', parentId: t.city }, null),
        );
        expect(await s.org.updateJurisdiction({ id: sibling.id, name: '新县' }, null)).toMatchObject({
          ok: false,
          code: 'duplicate',
        });
        expect(await s.org.updateJurisdiction({ id: sibling.id, code }, null)).toMatchObject({
          ok: false,
          code: 'duplicate',
        });
        expect(await s.org.updateJurisdiction({ id: crypto.randomUUID(), name: 'x' }, null)).toMatchObject({
          ok: false,
          code: 'not-found',
        });
      });

      it('opens a reporting year and moves its deadline', async () => {
        const t = await fx.tree();
        const s = fx.store;
        unwrap(
          await s.org.putFiscalYear(
            { jurisdictionId: t.county, year: 2024, deadline: '2025-03-31' },
            t.admin,
          ),
        );
        unwrap(
          await s.org.putFiscalYear(
            { jurisdictionId: t.county, year: 2024, deadline: '2025-04-15' },
            t.admin,
          ),
        );
        expect(await s.org.listFiscalYears(t.county)).toEqual([
          { jurisdictionId: t.county, year: 2024, deadline: '2025-04-15' },
        ]);
      });
    });

    describe('users and sessions', () => {
      it('scopes roles, compares usernames without case and keeps the hash out of User', async () => {
        const t = await fx.tree();
        const s = fx.store;
        const name = uniq('Zhang');
        const u = unwrap(
          await s.users.createUser(
            {
              username: name,
              displayName: '张三',
              passwordHash: 'scrypt$abc',
              role: 'preparer',
              departmentId: t.department,
            },
            t.admin,
          ),
        );
        expect(u).not.toHaveProperty('passwordHash');
        expect((await s.users.findUserForLogin(name.toLowerCase()))?.passwordHash).toBe('scrypt$abc');
        const again = await s.users.createUser(
          {
            username: name.toUpperCase(),
            displayName: '张三',
            passwordHash: 'y',
            role: 'preparer',
            departmentId: t.department,
          },
          t.admin,
        );
        expect(again).toMatchObject({ ok: false, code: 'duplicate' });
        const wrongScope = await s.users.createUser(
          {
            username: uniq('li'),
            displayName: '李四',
            passwordHash: 'y',
            role: 'bureau-reviewer',
            departmentId: t.department,
          },
          t.admin,
        );
        expect(wrongScope).toMatchObject({ ok: false, code: 'bad-scope' });
        const inCity = await s.users.listUsers({ jurisdictionId: t.city });
        expect(inCity.map((x) => x.id).sort()).toEqual([t.admin, u.id].sort());
      });

      it('finds a live session, not an expired one, and none after the account is disabled', async () => {
        const t = await fx.tree();
        const s = fx.store;
        const live = uniq('token-live-0123456789');
        const dead = uniq('token-dead-0123456789');
        await s.sessions.create({
          tokenHash: live,
          userId: t.admin,
          expiresAt: new Date(Date.now() + 3_600_000),
        });
        await s.sessions.create({
          tokenHash: dead,
          userId: t.admin,
          expiresAt: new Date(Date.now() - 1_000),
        });
        expect((await s.sessions.find(live))?.user.id).toBe(t.admin);
        expect(await s.sessions.find(dead)).toBeNull();
        expect(await s.sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
        unwrap(await s.users.updateUser({ id: t.admin, disabled: true }, null));
        expect(await s.sessions.find(live)).toBeNull();
      });
    });

    it('keeps framework versions', async () => {
      const s = fx.store;
      const key = uniq('demo-2024-department').toLowerCase();
      const base = { key, name: '示例框架', year: 2024, kind: 'department' as const };
      const v1 = unwrap(await s.frameworks.addVersion({ ...base, document: { indicators: [1] } }, null));
      const v2 = unwrap(await s.frameworks.addVersion({ ...base, document: { indicators: [1, 2] } }, null));
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect((await s.frameworks.latest(key))?.document).toEqual({ indicators: [1, 2] });
      expect((await s.frameworks.get(v1.id))?.document).toEqual({ indicators: [1] });
      const listed = (await s.frameworks.list({ year: 2024 })).filter((f) => f.key === key);
      expect(listed.map((f) => f.version)).toEqual([1, 2]);
      expect(listed[0]).not.toHaveProperty('document');
    });

    registerReportContract(fx);
    registerJobContract(fx);
    registerTargetContract(fx);
    registerAttachmentContract(fx);
    registerAccountContract(fx);

    describe('audit log', () => {
      it('records every change with its actor, and the database refuses to rewrite it', async () => {
        const t = await fx.tree();
        const s = fx.store;
        const entries = await s.audit.list({ targetType: 'department', targetId: t.department });
        expect(entries.map((e) => e.action)).toEqual(['department.create']);
        const e = await s.audit.append({
          actorId: t.admin,
          action: 'session.login',
          targetType: 'user',
          targetId: t.admin,
          detail: { ip: '127.0.0.1' },
        });
        expect(await s.audit.list({ actorId: t.admin, limit: 1 })).toEqual([e]);
        await expect(fx.exec(`update audit_log set action = 'x' where id = ${e.id}`)).rejects.toThrow(
          /append-only/,
        );
        await expect(fx.exec(`delete from audit_log where id = ${e.id}`)).rejects.toThrow(/append-only/);
        await expect(fx.exec('truncate audit_log')).rejects.toThrow(/append-only/);
        expect(await s.audit.list({ actorId: t.admin, limit: 1 })).toEqual([e]);
      });
    });
  });
};
