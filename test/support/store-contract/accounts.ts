/** The contract's part on moving accounts and on 停用 departments (their accounts cannot sign in). */
import { describe, expect, it } from 'vitest';
import { type Fixture, uniq, unwrap } from './fixture.ts';

export const registerAccountContract = (fx: Fixture): void => {
  describe('accounts and departments', () => {
    it('moves an account within what its role allows, and records the move', async () => {
      const t = await fx.tree();
      const s = fx.store;
      const prep = unwrap(
        await s.users.createUser(
          {
            username: uniq('mv'),
            displayName: '填报员',
            passwordHash: 'h',
            role: 'preparer',
            departmentId: t.department,
          },
          null,
        ),
      );
      const moved = unwrap(await s.users.updateUser({ id: prep.id, departmentId: t.supervisor }, t.admin));
      expect(moved).toMatchObject({ departmentId: t.supervisor, jurisdictionId: null });
      expect(await s.users.updateUser({ id: prep.id, jurisdictionId: t.county }, t.admin)).toMatchObject({
        ok: false,
        code: 'bad-scope',
      });
      expect(
        await s.users.updateUser(
          { id: prep.id, departmentId: '00000000-0000-4000-8000-000000000000' },
          t.admin,
        ),
      ).toMatchObject({ ok: false, code: 'not-found' });
      const admin = unwrap(await s.users.updateUser({ id: t.admin, jurisdictionId: t.city }, t.admin));
      expect(admin).toMatchObject({ jurisdictionId: t.city, departmentId: null });
      expect(await s.users.updateUser({ id: t.admin, departmentId: t.department }, t.admin)).toMatchObject({
        ok: false,
        code: 'bad-scope',
      });
      const log = await s.audit.list({ targetType: 'user', targetId: prep.id });
      expect(log[0]?.detail).toMatchObject({ departmentId: t.supervisor });
    });

    it("ends the sessions of a department's accounts when it is disabled, and keeps them out", async () => {
      const t = await fx.tree();
      const s = fx.store;
      const prep = unwrap(
        await s.users.createUser(
          {
            username: uniq('off'),
            displayName: '填报员',
            passwordHash: 'h',
            role: 'preparer',
            departmentId: t.department,
          },
          null,
        ),
      );
      const token = uniq('token-hash-of-a-session');
      await s.sessions.create({
        tokenHash: token,
        userId: prep.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      expect((await s.sessions.find(token))?.user.id).toBe(prep.id);
      expect((await s.users.findUserForLogin(prep.username))?.departmentDisabled).toBe(false);
      unwrap(await s.org.updateDepartment({ id: t.department, disabled: true }, t.admin));
      expect(await s.sessions.find(token)).toBeNull();
      expect(await s.sessions.deleteForUser(prep.id)).toBe(0);
      expect((await s.users.findUserForLogin(prep.username))?.departmentDisabled).toBe(true);
      // A session made meanwhile (a race with the disabling) is still refused.
      await s.sessions.create({
        tokenHash: `${token}-2`,
        userId: prep.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      expect(await s.sessions.find(`${token}-2`)).toBeNull();
      unwrap(await s.org.updateDepartment({ id: t.department, disabled: false }, t.admin));
      expect((await s.sessions.find(`${token}-2`))?.user.id).toBe(prep.id);
    });
  });
};
