/**
 * The authorization matrix's rows for the target cycle (/api/targets, /api/monitoring), with helpers that
 * make a target table of department A in a given status and a monitoring round of the county.
 */
import { emptyEntry } from '../../src/core/targets/monitoring.ts';
import { sampleProjectTable } from '../../src/core/targets/sample-tables.ts';
import type { TargetStatus } from '../../src/core/targets/vocab.ts';
import type { Store } from '../../src/store/index.ts';
import type { Call, Row } from './authorization-matrix.ts';
import { type ActorName, freshYear, type Org, reportIn, type Served } from './harness.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

/** Years of their own for rounds made past the API (the store takes any year). */
let year = 5000;
export const targetYear = (): number => year++;
/** Tables made for API calls share a year the API accepts and differ by project name. */
const TABLE_YEAR = 2099;
let project = 0;
const projectName = () => `供水管网改造${process.pid}-${project++}`;

/** A project target table of department A in `status` (year of its own unless given). */
export const tableIn = async (
  store: Store,
  org: Org,
  status: Extract<TargetStatus, 'draft' | 'submitted' | 'approved'>,
  atYear = TABLE_YEAR,
): Promise<{ id: string; year: number; version: number; projectName: string }> => {
  const doc = { ...sampleProjectTable(), year: atYear, projectName: projectName() };
  const created = must(
    await store.targets.create(
      { departmentId: org.deptA, year: atYear, kind: 'project', projectName: doc.projectName, document: doc },
      org.users.prepA.id,
    ),
  );
  const id = created.table.id;
  if (status !== 'draft')
    must(await store.targets.setStatus({ tableId: id, from: 'draft', to: 'submitted' }, org.users.prepA.id));
  if (status === 'approved')
    must(
      await store.targets.review(
        { tableId: id, version: 1, grade: '优', reasons: '', from: 'submitted', to: 'approved' },
        org.users.bureau.id,
      ),
    );
  return { id, year: atYear, version: 1, projectName: doc.projectName };
};

/** A project table of a fresh unit under department A (its 主管部门), waiting at A's review. */
let unit = 0;
export const subordinateTable = async (store: Store, org: Org): Promise<{ id: string; version: number }> => {
  const d = must(
    await store.org.createDepartment(
      { name: `测试县农技站${process.pid}-${unit++}`, jurisdictionId: org.county, supervisorId: org.deptA },
      null,
    ),
  );
  const doc = { ...sampleProjectTable(), year: TABLE_YEAR, projectName: projectName() };
  const created = must(
    await store.targets.create(
      { departmentId: d.id, year: TABLE_YEAR, kind: 'project', projectName: doc.projectName, document: doc },
      org.users.admin.id,
    ),
  );
  must(
    await store.targets.setStatus(
      { tableId: created.table.id, from: 'draft', to: 'submitted', step: 'supervisor' },
      org.users.admin.id,
    ),
  );
  return { id: created.table.id, version: 1 };
};

/** A round of the county for a fresh year, with an approved table of department A in it. */
export const roundWithTable = async (store: Store, org: Org) => {
  const t = await tableIn(store, org, 'approved', targetYear());
  const round = must(
    await store.targets.createRound(
      { jurisdictionId: org.county, year: t.year, month: 7, title: '1—7月', deadline: `${t.year}-08-15` },
      org.users.bureau.id,
    ),
  );
  return { round: round.id, table: t.id };
};

const E = (
  allowed: number,
  who: Partial<Record<ActorName, number>>,
  rest: number,
): Record<ActorName, number> => ({
  public: 401,
  prepA: rest,
  revA: rest,
  prepB: rest,
  bureau: rest,
  bureauOther: rest,
  admin: rest,
  ...Object.fromEntries(Object.entries(who).map(([k, v]) => [k, v === 1 ? allowed : v])),
});
const READ_A = E(200, { prepA: 1, revA: 1, bureau: 1, admin: 1 }, 404);
const roleRefusal = (allowed: number, who: Partial<Record<ActorName, number>>) =>
  E(allowed, { prepA: 403, revA: 403, bureau: 403, admin: 403, ...who }, 404);

const table =
  (status: 'draft' | 'submitted' | 'approved', suffix = '', body?: (v: number) => unknown) =>
  async (s: Served): Promise<Call> => {
    const t = await tableIn(s.db.store, s.org, status);
    return {
      path: `/api/targets/${t.id}${suffix.replace(':v', String(t.version))}`,
      json: body?.(t.version),
    };
  };

export const TARGET_MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/targets',
    call: async () => ({ path: '/api/targets' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'POST',
    route: '/api/targets',
    call: async () => ({
      path: '/api/targets',
      json: { document: { ...sampleProjectTable(), year: TABLE_YEAR, projectName: projectName() } },
    }),
    expect: E(201, { prepA: 1, prepB: 1 }, 403),
  },
  { method: 'GET', route: '/api/targets/{id}', on: 'draft', call: table('draft'), expect: READ_A },
  {
    method: 'GET',
    route: '/api/targets/{id}/versions/{version}',
    call: table('draft', '/versions/:v'),
    expect: READ_A,
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/versions',
    on: 'draft',
    call: async (s) => {
      const t = await tableIn(s.db.store, s.org, 'draft');
      return {
        path: `/api/targets/${t.id}/versions`,
        json: {
          expectedVersion: 1,
          document: { ...sampleProjectTable(), year: t.year, projectName: t.projectName },
        },
      };
    },
    expect: roleRefusal(201, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/submit',
    on: 'draft',
    call: table('draft', '/submit', () => ({ from: 'draft' })),
    expect: roleRefusal(200, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/review',
    on: 'submitted',
    call: table('submitted', '/review', (v) => ({
      version: v,
      grade: '良',
      reasons: '满意度指标值偏低，已协商调整',
    })),
    expect: roleRefusal(201, { bureau: 1 }),
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/supervisor-review',
    on: "a subordinate unit's table at its 主管部门",
    call: async (s) => {
      const t = await subordinateTable(s.db.store, s.org);
      return {
        path: `/api/targets/${t.id}/supervisor-review`,
        json: { version: t.version, outcome: 'return', reasons: '项目实施进度计划未细化到季度' },
      };
    },
    expect: roleRefusal(201, { revA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/supervisor-review',
    on: "the unit's own table (no 主管部门)",
    call: table('submitted', '/supervisor-review', (v) => ({ version: v, outcome: 'pass' })),
    expect: roleRefusal(403, {}),
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/publish',
    on: 'approved',
    call: table('approved', '/publish', (v) => ({ version: v })),
    expect: roleRefusal(201, { bureau: 1 }),
  },
  {
    method: 'POST',
    route: '/api/targets/{id}/publish',
    on: 'not approved',
    call: table('submitted', '/publish', (v) => ({ version: v })),
    expect: roleRefusal(403, { bureau: 1 }),
  },
  {
    method: 'GET',
    route: '/api/targets/review-chain',
    call: async () => ({ path: '/api/targets/review-chain' }),
    expect: E(200, { bureau: 1, bureauOther: 1, admin: 1 }, 403),
  },
  {
    method: 'PUT',
    route: '/api/targets/review-chain',
    on: 'the default chain, so other rows are unchanged',
    call: async () => ({ path: '/api/targets/review-chain', json: { chain: 'finance' } }),
    expect: E(200, { bureau: 1, bureauOther: 1, admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/public/targets',
    call: async () => ({ path: '/api/public/targets' }),
    expect: E(200, { public: 200 }, 200),
  },
  {
    method: 'GET',
    route: '/api/public/targets/{id}/versions/{version}',
    on: 'published',
    call: async (s) => {
      const t = await tableIn(s.db.store, s.org, 'approved');
      must(await s.db.store.targets.publish({ tableId: t.id, version: t.version }, s.org.users.bureau.id));
      return { path: `/api/public/targets/${t.id}/versions/${t.version}` };
    },
    expect: E(200, { public: 200 }, 200),
  },
  {
    method: 'GET',
    route: '/api/public/targets/{id}/versions/{version}',
    on: 'approved, never published',
    call: async (s) => {
      const t = await tableIn(s.db.store, s.org, 'approved');
      return { path: `/api/public/targets/${t.id}/versions/${t.version}` };
    },
    expect: E(404, { public: 404 }, 404),
  },
  {
    method: 'GET',
    route: '/api/targets/for-report/{id}',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      return { path: `/api/targets/for-report/${r.id}` };
    },
    expect: READ_A,
  },
  {
    method: 'GET',
    route: '/api/monitoring/rounds',
    call: async () => ({ path: '/api/monitoring/rounds' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'POST',
    route: '/api/monitoring/rounds',
    call: async () => {
      const y = freshYear();
      return {
        path: '/api/monitoring/rounds',
        json: { year: y, month: 7, title: `${y}年1—7月绩效监控`, deadline: `${y}-08-15` },
      };
    },
    expect: E(201, { bureau: 1, bureauOther: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/monitoring/rounds/{id}',
    call: async (s) => ({
      path: `/api/monitoring/rounds/${(await roundWithTable(s.db.store, s.org)).round}`,
    }),
    expect: E(200, { bureauOther: 404 }, 200),
  },
  {
    method: 'PUT',
    route: '/api/monitoring/rounds/{id}/entries/{tableId}',
    call: async (s) => {
      const { round, table: tableId } = await roundWithTable(s.db.store, s.org);
      return {
        path: `/api/monitoring/rounds/${round}/entries/${tableId}`,
        json: { document: emptyEntry(sampleProjectTable()), submit: false },
      };
    },
    expect: roleRefusal(200, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/monitoring/rounds/{id}/decisions',
    call: async (s) => {
      const { round, table: tableId } = await roundWithTable(s.db.store, s.org);
      return {
        path: `/api/monitoring/rounds/${round}/decisions`,
        json: { tableId, decision: 'reallocate', reason: '项目进度滞后，部分资金调剂至急需项目' },
      };
    },
    expect: roleRefusal(201, { bureau: 1 }),
  },
];
