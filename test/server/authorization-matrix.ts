/**
 * The authorization matrix: every route × every actor, with the status each must get. 2xx = allowed;
 * 401 = not signed in; 403 = the role may not; 404 = outside the actor's scope (its existence is not
 * revealed). Each call builds its own state (a fresh report in the needed status), so rows are independent.
 */

import { scoreDocument, versionScore } from '../../src/app/report-scoring.ts';
import { auditReport } from '../../src/core/audit/index.ts';
import { BUILTIN_FRAMEWORKS } from '../../src/core/framework/index.ts';
import type { ReportStatus } from '../../src/core/workflow.ts';
import { findingKey } from '../../src/core/workflow.ts';
import { ACCOUNT_MATRIX } from './account-matrix.ts';
import { ATTACHMENT_MATRIX } from './attachment-matrix.ts';
import {
  type ActorName,
  cleanDocument,
  documentWithError,
  freshYear,
  reportIn,
  type Served,
} from './harness.ts';
import { JOB_MATRIX } from './job-matrix.ts';
import { TARGET_MATRIX } from './target-matrix.ts';

export type Call = { path: string; json?: unknown; form?: FormData };
export type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  /** What the row's state is, said in the test name. */
  on?: string;
  call: (s: Served) => Promise<Call>;
  expect: Record<ActorName, number>;
  /** A row for one database only (what differs: the embedded one can be backed up online). */
  only?: 'pglite' | 'postgres';
};

/** Shorthands: everyone signed in / only some, with the refusals spelt out per actor. */
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

const report =
  (status: ReportStatus, suffix = '', body?: unknown) =>
  async (s: Served): Promise<Call> => {
    const r = await reportIn(s.db.store, s.org, status);
    return { path: `/api/reports/${r.id}${suffix.replace(':v', String(r.version))}`, json: body };
  };

/** Readers of department A's report: its department, the county's bureau, the admin above. */
const READ_A = E(200, { prepA: 1, revA: 1, bureau: 1, admin: 1 }, 404);
const withRoleRefusal = (allowed: number, who: Partial<Record<ActorName, number>>) =>
  E(allowed, { prepA: 403, revA: 403, bureau: 403, admin: 403, ...who }, 404);

export const leafPath = async (): Promise<string> => {
  const scoring = scoreDocument(await cleanDocument(2023));
  const first = versionScore(scoring, []).indicators[0]!;
  let n = first;
  while (n.children.length) n = n.children[0]!;
  return n.path;
};

const uploadForm = async (): Promise<FormData> => {
  const { readFileSync } = await import('node:fs');
  const form = new FormData();
  const bytes = readFileSync(new URL('../../src/app/demo/agriculture-2023.txt', import.meta.url));
  form.set('file', new File([bytes], 'report.txt'));
  form.set('year', String(freshYear()));
  // The file names 示范县农业农村局 and 2023: another unit and year than the report, confirmed.
  form.set('reason', '矩阵测试：以示范文件代替');
  return form;
};

/** 上传新版本 of a fresh report of department A (preview, or the upload with a reason). */
const versionUpload =
  (status: ReportStatus, step: 'preview' | 'upload') =>
  async (s: Served): Promise<Call> => {
    const r = await reportIn(s.db.store, s.org, status);
    const form = await uploadForm();
    form.delete('year');
    if (step === 'preview') form.delete('reason');
    else form.set('expectedVersion', String(r.version));
    return { path: `/api/reports/${r.id}/versions/${step}`, form };
  };

const scoreSheetForm = async (): Promise<FormData> => {
  const { readFileSync } = await import('node:fs');
  const form = new FormData();
  const bytes = readFileSync(new URL('../fixtures/score-sheets/city-project-2025.docx', import.meta.url));
  form.set('file', new File([bytes], '评分表.docx'));
  return form;
};

let seq = 0;
const uniq = (p: string) => `${p}${Date.now().toString(36)}${seq++}`;

export const MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/session',
    call: async () => ({ path: '/api/session' }),
    expect: { ...E(200, {}, 200), public: 200 },
  },
  {
    method: 'GET',
    route: '/api/public/reports',
    call: async () => ({ path: '/api/public/reports' }),
    expect: { ...E(200, {}, 200), public: 200 },
  },
  {
    method: 'GET',
    route: '/api/public/meta',
    call: async () => ({ path: '/api/public/meta' }),
    expect: { ...E(200, {}, 200), public: 200 },
  },
  {
    method: 'GET',
    route: '/api/public/reports/{id}/versions/{version}',
    on: 'draft',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      return { path: `/api/public/reports/${r.id}/versions/1` };
    },
    expect: { ...E(404, {}, 404), public: 404 },
  },
  {
    method: 'GET',
    route: '/api/public/reports/{id}/versions/{version}',
    on: 'published',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'published');
      return { path: `/api/public/reports/${r.id}/versions/1` };
    },
    expect: { ...E(200, {}, 200), public: 200 },
  },
  {
    method: 'GET',
    route: '/api/public/open-data/{format}',
    call: async () => ({ path: '/api/public/open-data/csv' }),
    expect: { ...E(200, {}, 200), public: 200 },
  },
  {
    method: 'GET',
    route: '/api/reports',
    call: async () => ({ path: '/api/reports' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'POST',
    route: '/api/reports',
    call: async () => {
      const year = freshYear();
      return { path: '/api/reports', json: { document: await cleanDocument(year), year } };
    },
    expect: E(201, { prepA: 1, prepB: 1 }, 403),
  },
  {
    method: 'POST',
    route: '/api/reports/upload',
    call: async () => ({ path: '/api/reports/upload', form: await uploadForm() }),
    expect: E(201, { prepA: 1, prepB: 1 }, 403),
  },
  {
    method: 'POST',
    route: '/api/read',
    call: async () => {
      const form = await uploadForm();
      form.delete('year');
      form.delete('reason');
      return { path: '/api/read', form };
    },
    expect: E(200, {}, 200),
  },
  { method: 'GET', route: '/api/reports/{id}', on: 'draft', call: report('draft'), expect: READ_A },
  { method: 'GET', route: '/api/reports/{id}/history', call: report('draft', '/history'), expect: READ_A },
  {
    method: 'GET',
    route: '/api/reports/{id}/frameworks',
    call: report('draft', '/frameworks'),
    expect: READ_A,
  },
  {
    method: 'GET',
    route: '/api/reports/{id}/versions/{version}',
    on: 'draft',
    call: report('draft', '/versions/:v'),
    expect: READ_A,
  },
  {
    method: 'GET',
    route: '/api/reports/{id}/versions/{version}/score',
    call: report('draft', '/versions/:v/score'),
    expect: READ_A,
  },
  {
    method: 'GET',
    route: '/api/reports/{id}/versions/{version}/audit',
    call: report('draft', '/versions/:v/audit'),
    expect: READ_A,
  },
  {
    method: 'GET',
    route: '/api/reports/{id}/versions/{version}/render/{format}',
    call: report('draft', '/versions/:v/render/html'),
    expect: READ_A,
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions',
    on: 'draft',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'draft');
      return {
        path: `/api/reports/${r.id}/versions`,
        json: { expectedVersion: 1, document: await cleanDocument(r.year) },
      };
    },
    expect: withRoleRefusal(201, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions',
    on: 'submitted',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'submitted');
      return {
        path: `/api/reports/${r.id}/versions`,
        json: { expectedVersion: 1, document: await cleanDocument(r.year) },
      };
    },
    expect: withRoleRefusal(201, { prepA: 409 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions/preview',
    on: 'draft',
    call: versionUpload('draft', 'preview'),
    expect: withRoleRefusal(200, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions/preview',
    on: 'submitted',
    call: versionUpload('submitted', 'preview'),
    expect: withRoleRefusal(200, { prepA: 409 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions/upload',
    on: 'draft',
    call: versionUpload('draft', 'upload'),
    expect: withRoleRefusal(201, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions/upload',
    on: 'returned',
    call: versionUpload('returned', 'upload'),
    expect: withRoleRefusal(201, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/versions/upload',
    on: 'dept-approved',
    call: versionUpload('dept-approved', 'upload'),
    expect: withRoleRefusal(201, { prepA: 409 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/submit',
    on: 'draft',
    call: report('draft', '/submit', {}),
    expect: withRoleRefusal(200, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/approve',
    on: 'submitted',
    call: report('submitted', '/approve', {}),
    expect: withRoleRefusal(200, { revA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/approve',
    on: 'dept-approved',
    call: report('dept-approved', '/approve', {}),
    expect: withRoleRefusal(200, { bureau: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/return',
    on: 'submitted',
    call: report('submitted', '/return', { reason: '数据需核实' }),
    expect: withRoleRefusal(200, { revA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/return',
    on: 'dept-approved',
    call: report('dept-approved', '/return', { reason: '数据需核实' }),
    expect: withRoleRefusal(200, { bureau: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/reopen',
    on: 'returned',
    call: report('returned', '/reopen', {}),
    expect: withRoleRefusal(200, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/publish',
    on: 'bureau-approved',
    call: report('bureau-approved', '/publish', {}),
    expect: withRoleRefusal(200, { bureau: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/rescores',
    on: 'dept-approved',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'dept-approved');
      return {
        path: `/api/reports/${r.id}/rescores`,
        json: { indicatorPath: await leafPath(), score: '1', reason: '佐证材料不足' },
      };
    },
    expect: withRoleRefusal(201, { bureau: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/explanations',
    on: 'draft with an audit error',
    call: async (s) => {
      const doc = await documentWithError(freshYear());
      const r = await reportIn(s.db.store, s.org, 'draft', doc);
      const key = findingKey(auditReport(doc).find((f) => f.severity === 'error')!);
      return { path: `/api/reports/${r.id}/explanations`, json: { key, body: '年中追加预算，已附文件' } };
    },
    expect: withRoleRefusal(201, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/comments',
    call: report('draft', '/comments', { body: '请补充说明' }),
    expect: E(201, { prepA: 1, revA: 1, bureau: 1, admin: 1 }, 404),
  },
  {
    method: 'GET',
    route: '/api/dashboard',
    call: async (s) => ({ path: `/api/dashboard?jurisdictionId=${s.org.county}&year=2023` }),
    expect: E(200, { bureau: 1, admin: 1, bureauOther: 404 }, 403),
  },
  {
    method: 'GET',
    route: '/api/progress',
    on: "the actor's own jurisdiction",
    call: async () => ({ path: '/api/progress?year=2023' }),
    expect: E(200, { bureau: 1, bureauOther: 1, admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/progress',
    on: 'the county',
    call: async (s) => ({ path: `/api/progress?year=2023&jurisdictionId=${s.org.county}` }),
    expect: E(200, { bureau: 1, admin: 1, bureauOther: 404 }, 403),
  },
  {
    method: 'GET',
    route: '/api/progress/export',
    call: async (s) => ({ path: `/api/progress/export?year=2023&jurisdictionId=${s.org.county}&step=none` }),
    expect: E(200, { bureau: 1, admin: 1, bureauOther: 404 }, 403),
  },
  {
    method: 'POST',
    route: '/api/reports/export',
    on: 'summary of one report of department A',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'dept-approved');
      return { path: '/api/reports/export', json: { format: 'summary', ids: [r.id] } };
    },
    // Outside its scope the other county's bureau finds nothing to export.
    expect: E(200, { bureau: 1, admin: 1, bureauOther: 400 }, 403),
  },
  {
    method: 'POST',
    route: '/api/reports/export',
    on: 'Word files of a filtered year',
    call: async (s) => {
      const r = await reportIn(s.db.store, s.org, 'dept-approved', undefined, freshYear());
      return { path: '/api/reports/export', json: { format: 'docx', filter: { year: r.year } } };
    },
    expect: E(200, { bureau: 1, admin: 1, bureauOther: 400 }, 403),
  },
  {
    method: 'POST',
    route: '/api/samples',
    call: async (s) => ({
      path: '/api/samples',
      json: { jurisdictionId: s.org.county, year: 2023, size: 1 },
    }),
    expect: E(201, { bureau: 1, bureauOther: 404 }, 403),
  },
  {
    method: 'GET',
    route: '/api/jurisdictions',
    call: async () => ({ path: '/api/jurisdictions' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'POST',
    route: '/api/jurisdictions',
    call: async (s) => ({
      path: '/api/jurisdictions',
      json: {
        name: uniq('乡'),
        level: 'county',
        parentId: (await s.db.store.org.getJurisdiction(s.org.county))!.parentId,
      },
    }),
    expect: E(201, { admin: 1 }, 403),
  },
  {
    method: 'PATCH',
    route: '/api/jurisdictions/{id}',
    call: async (s) => {
      const j = await s.db.store.org.createJurisdiction(
        {
          name: uniq('乡'),
          level: 'county',
          parentId: (await s.db.store.org.getJurisdiction(s.org.county))!.parentId,
        },
        null,
      );
      if (!j.ok) throw new Error(j.message);
      return { path: `/api/jurisdictions/${j.value.id}`, json: { name: uniq('改名县'), code: uniq('33') } };
    },
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'PATCH',
    route: '/api/jurisdictions/{id}',
    on: 'outside the admin',
    call: async (s) => {
      const p = await s.db.store.org.createJurisdiction({ name: uniq('外省'), level: 'province' }, null);
      if (!p.ok) throw new Error(p.message);
      return { path: `/api/jurisdictions/${p.value.id}`, json: { name: uniq('改名省') } };
    },
    expect: E(404, { admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/departments',
    call: async () => ({ path: '/api/departments' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'POST',
    route: '/api/departments',
    call: async (s) => ({
      path: '/api/departments',
      json: { name: uniq('测试县单位'), jurisdictionId: s.org.county },
    }),
    expect: E(201, { admin: 1 }, 403),
  },
  {
    method: 'PATCH',
    route: '/api/departments/{id}',
    call: async (s) => {
      const d = await s.db.store.org.createDepartment(
        { name: uniq('测试县单位'), jurisdictionId: s.org.county },
        null,
      );
      if (!d.ok) throw new Error(d.message);
      return { path: `/api/departments/${d.value.id}`, json: { name: uniq('改名单位') } };
    },
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'PATCH',
    route: '/api/departments/{id}',
    on: 'move to the other county, disable',
    call: async (s) => {
      const d = await s.db.store.org.createDepartment(
        { name: uniq('测试县单位'), jurisdictionId: s.org.county },
        null,
      );
      if (!d.ok) throw new Error(d.message);
      return {
        path: `/api/departments/${d.value.id}`,
        json: { jurisdictionId: s.org.otherCounty, disabled: true },
      };
    },
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'PATCH',
    route: '/api/departments/{id}',
    on: 'move outside the admin',
    call: async (s) => {
      const p = await s.db.store.org.createJurisdiction({ name: uniq('外省'), level: 'province' }, null);
      if (!p.ok) throw new Error(p.message);
      const d = await s.db.store.org.createDepartment(
        { name: uniq('测试县单位'), jurisdictionId: s.org.county },
        null,
      );
      if (!d.ok) throw new Error(d.message);
      return { path: `/api/departments/${d.value.id}`, json: { jurisdictionId: p.value.id } };
    },
    expect: E(404, { admin: 1 }, 403),
  },
  {
    method: 'PUT',
    route: '/api/fiscal-years',
    call: async (s) => ({
      path: '/api/fiscal-years',
      json: { jurisdictionId: s.org.county, year: 2023, deadline: '2024-04-30' },
    }),
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/users',
    call: async () => ({ path: '/api/users' }),
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'POST',
    route: '/api/users',
    call: async (s) => ({
      path: '/api/users',
      json: {
        username: uniq('u'),
        displayName: '新用户',
        password: 'long-enough-pw',
        role: 'preparer',
        departmentId: s.org.deptB,
      },
    }),
    expect: E(201, { admin: 1 }, 403),
  },
  {
    method: 'PATCH',
    route: '/api/users/{id}',
    call: async (s) => ({ path: `/api/users/${s.org.users.prepB.id}`, json: { disabled: false } }),
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'PUT',
    route: '/api/session/password',
    on: 'wrong current password',
    call: async () => ({
      path: '/api/session/password',
      json: { current: 'not-the-password-1', next: 'Another-Pass-2024' },
    }),
    expect: E(403, {}, 403),
  },
  {
    method: 'POST',
    route: '/api/users/{id}/reset-password',
    call: async (s) => {
      const u = await s.db.store.users.createUser(
        {
          username: uniq('reset'),
          displayName: '待重置',
          passwordHash: 'x',
          role: 'preparer',
          departmentId: s.org.deptB,
        },
        null,
      );
      if (!u.ok) throw new Error(u.message);
      return { path: `/api/users/${u.value.id}/reset-password` };
    },
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'POST',
    route: '/api/users/{id}/reset-password',
    on: 'outside the admin',
    call: async (s) => {
      const p = await s.db.store.org.createJurisdiction({ name: uniq('外省'), level: 'province' }, null);
      if (!p.ok) throw new Error(p.message);
      const u = await s.db.store.users.createUser(
        {
          username: uniq('far'),
          displayName: '外省管理员',
          passwordHash: 'x',
          role: 'admin',
          jurisdictionId: p.value.id,
        },
        null,
      );
      if (!u.ok) throw new Error(u.message);
      return { path: `/api/users/${u.value.id}/reset-password` };
    },
    expect: E(404, { admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/todo',
    call: async () => ({ path: '/api/todo' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'GET',
    route: '/api/admin/backup',
    on: 'embedded database',
    only: 'pglite',
    call: async () => ({ path: '/api/admin/backup' }),
    expect: E(200, { admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/admin/backup',
    on: 'PostgreSQL: pg_dump instead',
    only: 'postgres',
    call: async () => ({ path: '/api/admin/backup' }),
    expect: E(422, { admin: 1 }, 403),
  },
  {
    method: 'GET',
    route: '/api/frameworks',
    call: async () => ({ path: '/api/frameworks' }),
    expect: E(200, {}, 200),
  },
  {
    method: 'POST',
    route: '/api/frameworks',
    call: async () => ({
      path: '/api/frameworks',
      json: { document: { ...BUILTIN_FRAMEWORKS[0], id: uniq('test-matrix-framework-') } },
    }),
    expect: E(201, { admin: 1, bureau: 1, bureauOther: 1 }, 403),
  },
  {
    method: 'POST',
    route: '/api/frameworks/import',
    call: async () => ({ path: '/api/frameworks/import', form: await scoreSheetForm() }),
    expect: E(200, { admin: 1, bureau: 1, bureauOther: 1 }, 403),
  },
  ...TARGET_MATRIX,
  ...ATTACHMENT_MATRIX,
  ...ACCOUNT_MATRIX,
  ...JOB_MATRIX,
];
