/**
 * What the server tests share: a store on either database (PGlite in memory, or a fresh PostgreSQL
 * database dropped afterwards), an organisation with one account per role, a running server on an
 * ephemeral port, and a client with a cookie jar that sends the CSRF header like the web app does.
 */
import { readFileSync } from 'node:fs';
import { hashPassword } from '../../src/app/passwords.ts';
import { figuresOf } from '../../src/app/report-scoring.ts';
import type { Report as ReportDocument } from '../../src/core/model/index.ts';
import type { ReportStatus, Role } from '../../src/core/workflow.ts';
import { readReport } from '../../src/formats/read-report.ts';
import { type Running, startServer } from '../../src/server/start.ts';
import { openPostgresStore, type Store } from '../../src/store/index.ts';
import { adminQuery, urlOf } from '../postgres.ts';
import { freshMemoryStore } from '../support/pglite-template.ts';
import { unwrap } from '../support/store-contract/fixture.ts';

export { ADMIN_URL, adminQuery, inCI, postgresProblem, urlOf } from '../postgres.ts';

export type TestDb = { store: Store; url: string | null; drop: () => Promise<void> };

/** A fresh PostgreSQL database for one test file. */
export const freshPostgres = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `jixiao_test_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  return { url: urlOf(name), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
};

export const openTestDb = async (kind: 'pglite' | 'postgres'): Promise<TestDb> => {
  if (kind === 'pglite') return { store: await freshMemoryStore(), url: null, drop: async () => {} };
  const db = await freshPostgres();
  return { store: await openPostgresStore({ url: db.url, poolSize: 8 }), url: db.url, drop: db.drop };
};

/** The store's answers in the setup must succeed. */
const must = unwrap;

/** The actors of the matrix: one per role, a second department, a bureau of another county, the public. */
export const ACTORS = ['public', 'prepA', 'revA', 'prepB', 'bureau', 'bureauOther', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];
export const PASSWORD = 'test-password-123';

export type Org = {
  county: string;
  otherCounty: string;
  deptA: string;
  deptB: string;
  users: Record<Exclude<ActorName, 'public'>, { id: string; username: string; role: Role }>;
};

export const makeOrg = async (store: Store): Promise<Org> => {
  const province = must(await store.org.createJurisdiction({ name: '测试省', level: 'province' }, null));
  const city = must(
    await store.org.createJurisdiction({ name: '测试市', level: 'city', parentId: province.id }, null),
  );
  const county = must(
    await store.org.createJurisdiction({ name: '测试县', level: 'county', parentId: city.id }, null),
  );
  const other = must(
    await store.org.createJurisdiction({ name: '邻县', level: 'county', parentId: city.id }, null),
  );
  const deptA = must(
    await store.org.createDepartment({ name: '测试县农业农村局', jurisdictionId: county.id }, null),
  );
  const deptB = must(
    await store.org.createDepartment({ name: '测试县教育局', jurisdictionId: county.id }, null),
  );
  const hash = await hashPassword(PASSWORD);
  const user = async (
    username: string,
    role: Role,
    scope: { departmentId?: string; jurisdictionId?: string },
  ) => {
    const u = must(
      await store.users.createUser(
        { username, displayName: username, passwordHash: hash, role, ...scope },
        null,
      ),
    );
    return { id: u.id, username, role };
  };
  return {
    county: county.id,
    otherCounty: other.id,
    deptA: deptA.id,
    deptB: deptB.id,
    users: {
      prepA: await user('prep-a', 'preparer', { departmentId: deptA.id }),
      revA: await user('rev-a', 'dept-reviewer', { departmentId: deptA.id }),
      prepB: await user('prep-b', 'preparer', { departmentId: deptB.id }),
      bureau: await user('bureau', 'bureau-reviewer', { jurisdictionId: county.id }),
      bureauOther: await user('bureau-other', 'bureau-reviewer', { jurisdictionId: other.id }),
      admin: await user('admin-t', 'admin', { jurisdictionId: province.id }),
    },
  };
};

let cleanDoc: ReportDocument | null = null;
/** A clean composed department report (the demo's 农业农村局 text). */
export const cleanDocument = async (year: number): Promise<ReportDocument> => {
  if (!cleanDoc) {
    const r = await readReport(
      readFileSync(new URL('../../src/app/demo/agriculture-2023.txt', import.meta.url)),
    );
    if (!r.ok) throw new Error(r.message);
    cleanDoc = r.value;
  }
  const d = structuredClone(cleanDoc);
  if (d.year) d.year.value = year;
  return d;
};

/** The same report with an audit error: the income budget no longer equals its parts. */
export const documentWithError = async (year: number): Promise<ReportDocument> => {
  const d = await cleanDocument(year);
  if (d.kind === 'department' && d.income?.budget) d.income.budget.value = '9999.99';
  return d;
};

/** The path of statuses leading to `status`, and who takes each step. */
const PATHS: Record<ReportStatus, [ReportStatus, ReportStatus, keyof Org['users']][]> = {
  draft: [],
  submitted: [['draft', 'submitted', 'prepA']],
  'dept-approved': [
    ['draft', 'submitted', 'prepA'],
    ['submitted', 'dept-approved', 'revA'],
  ],
  returned: [
    ['draft', 'submitted', 'prepA'],
    ['submitted', 'returned', 'revA'],
  ],
  'bureau-approved': [
    ['draft', 'submitted', 'prepA'],
    ['submitted', 'dept-approved', 'revA'],
    ['dept-approved', 'bureau-approved', 'bureau'],
  ],
  published: [
    ['draft', 'submitted', 'prepA'],
    ['submitted', 'dept-approved', 'revA'],
    ['dept-approved', 'bureau-approved', 'bureau'],
  ],
};

/** Years for reports made through the API (which accepts 2000–2100), one per report of a department. */
let apiYear = 2000;
export const freshYear = (): number => {
  if (apiYear >= 2100) throw new Error('test years used up');
  return apiYear++;
};
/** Years for reports made past the API (the store takes any year): far from the API's. */
let storeYear = 3000;

/** A report of department A in `status`, in a year of its own (one report per department × year). */
export const reportIn = async (
  store: Store,
  org: Org,
  status: ReportStatus,
  document?: ReportDocument,
  atYear?: number,
): Promise<{ id: string; year: number; version: number }> => {
  const year = atYear ?? storeYear++;
  const doc = document ?? (await cleanDocument(year));
  const created = must(
    await store.reports.create(
      { departmentId: org.deptA, year, kind: 'department', document: doc, figures: figuresOf(doc) },
      org.users.prepA.id,
    ),
  );
  const id = created.report.id;
  for (const [from, to, by] of PATHS[status])
    must(await store.reports.setStatus({ reportId: id, from, to }, org.users[by].id));
  if (status === 'published')
    must(
      await store.reports.publish({ reportId: id, version: 1, from: 'bureau-approved' }, org.users.bureau.id),
    );
  return { id, year, version: 1 };
};

/** A browser: keeps cookies, sends the CSRF token on every state-changing request. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(
    method: string,
    path: string,
    init: {
      json?: unknown;
      /** A JSON body as written (its own whitespace and number forms). */
      jsonText?: string;
      form?: FormData;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ) {
    if (method !== 'GET' && init.csrf !== false && !this.cookies.has('jixiao_csrf'))
      await this.fetch('GET', '/api/session');
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET' && init.csrf !== false)
      headers['x-csrf-token'] = this.cookies.get('jixiao_csrf') ?? '';
    let body: string | FormData | undefined;
    if (init.json !== undefined || init.jsonText !== undefined) {
      headers['content-type'] = 'application/json';
      body = init.jsonText ?? JSON.stringify(init.json);
    } else if (init.form) body = init.form;
    const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    this.keep(res);
    return res;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    json?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await this.fetch(method, path, json === undefined ? {} : { json });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async login(username: string, password = PASSWORD): Promise<number> {
    return (await this.json('POST', '/api/session', { username, password })).status;
  }
}

export type Served = { db: TestDb; org: Org; server: Running; clients: Record<ActorName, Client> };

export const serveForTest = async (kind: 'pglite' | 'postgres'): Promise<Served> => {
  const db = await openTestDb(kind);
  const org = await makeOrg(db.store);
  const server = await startServer({
    store: db.store,
    port: 0,
    webDir: null,
    closeStore: false,
    loginLimit: 1000,
  });
  const clients = Object.fromEntries(ACTORS.map((a) => [a, new Client(server.url)])) as Record<
    ActorName,
    Client
  >;
  await Promise.all(
    ACTORS.filter((a) => a !== 'public').map(async (a) => {
      const status = await clients[a].login(org.users[a as keyof Org['users']].username);
      if (status !== 200) throw new Error(`login of ${a}: ${status}`);
    }),
  );
  return { db, org, server, clients };
};

export const stopServed = async (s: Served | undefined): Promise<void> => {
  if (!s) return;
  await s.server.close();
  await s.db.store.close();
  await s.db.drop();
};
