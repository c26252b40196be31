/** The authorization matrix's rows for 调动 (moving an account) through PATCH /api/users/{id}. */
import type { Row } from './authorization-matrix.ts';
import { type ActorName, PASSWORD, type Served } from './harness.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};
let seq = 0;
const uniq = (p: string) => `${p}${Date.now().toString(36)}${seq++}`;

const onlyAdmin = (allowed: number): Record<ActorName, number> => ({
  public: 401,
  prepA: 403,
  revA: 403,
  prepB: 403,
  bureau: 403,
  bureauOther: 403,
  admin: allowed,
});

/** A new clerk of department A (a password hash of the harness's password: never used to sign in). */
export const clerkOfA = async (s: Served): Promise<string> =>
  must(
    await s.db.store.users.createUser(
      {
        username: uniq('mv'),
        displayName: '待调动',
        passwordHash: PASSWORD,
        role: 'preparer',
        departmentId: s.org.deptA,
      },
      null,
    ),
  ).id;

export const ACCOUNT_MATRIX: Row[] = [
  {
    method: 'PATCH',
    route: '/api/users/{id}',
    on: 'move a clerk to another department',
    call: async (s) => ({ path: `/api/users/${await clerkOfA(s)}`, json: { departmentId: s.org.deptB } }),
    expect: onlyAdmin(200),
  },
  {
    method: 'PATCH',
    route: '/api/users/{id}',
    on: 'move a clerk outside the admin',
    call: async (s) => {
      const p = must(
        await s.db.store.org.createJurisdiction({ name: uniq('外省'), level: 'province' }, null),
      );
      const d = must(
        await s.db.store.org.createDepartment({ name: uniq('外省单位'), jurisdictionId: p.id }, null),
      );
      return { path: `/api/users/${await clerkOfA(s)}`, json: { departmentId: d.id } };
    },
    expect: onlyAdmin(404),
  },
  {
    method: 'PATCH',
    route: '/api/users/{id}',
    on: 'move a bureau account to the other county',
    call: async (s) => {
      const u = must(
        await s.db.store.users.createUser(
          {
            username: uniq('cz'),
            displayName: '财政',
            passwordHash: PASSWORD,
            role: 'bureau-reviewer',
            jurisdictionId: s.org.county,
          },
          null,
        ),
      );
      return { path: `/api/users/${u.id}`, json: { jurisdictionId: s.org.otherCounty } };
    },
    expect: onlyAdmin(200),
  },
];
