/** Accounts over HTTP (part of the API suite): 调动 checks the role, and a 停用 department signs its accounts out. */
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/app/passwords.ts';
import { Client, PASSWORD, type Served } from './harness.ts';

export const accountTests = (served: () => Served): void => {
  describe('accounts', () => {
    it('refuses to move a clerk to a jurisdiction, in Chinese first', async () => {
      const s = served();
      const r = await s.clients.admin.json<{ code: string; message: string }>(
        'PATCH',
        `/api/users/${s.org.users.prepB.id}`,
        { jurisdictionId: s.org.county },
      );
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/^单位账号只能调到另一个预算单位/);
    });

    it("signs a disabled department's clerk out and refuses their sign-in with the reason", async () => {
      const s = served();
      const store = s.db.store;
      const d = await store.org.createDepartment(
        { name: `撤并单位${Date.now()}`, jurisdictionId: s.org.county },
        null,
      );
      if (!d.ok) throw new Error(d.message);
      const username = `chebing${Date.now().toString(36)}`;
      const u = await store.users.createUser(
        {
          username,
          displayName: '撤并单位填报员',
          passwordHash: await hashPassword(PASSWORD),
          role: 'preparer',
          departmentId: d.value.id,
        },
        null,
      );
      if (!u.ok) throw new Error(u.message);
      const clerk = new Client(s.server.url);
      expect(await clerk.login(username)).toBe(200);
      expect((await clerk.json('GET', '/api/reports')).status).toBe(200);
      const off = await s.clients.admin.json('PATCH', `/api/departments/${d.value.id}`, { disabled: true });
      expect(off.status).toBe(200);
      expect((await clerk.json('GET', '/api/reports')).status).toBe(401);
      const again = await new Client(s.server.url).json<{ message: string }>('POST', '/api/session', {
        username,
        password: PASSWORD,
      });
      expect(again.status).toBe(401);
      expect(again.body.message).toMatch(/^所属单位已停用/);
      // A wrong password says nothing about the department.
      const wrong = await new Client(s.server.url).json<{ message: string }>('POST', '/api/session', {
        username,
        password: 'not-the-password',
      });
      expect(wrong.body.message).toMatch(/^用户名或密码错误/);
    });
  });
};
