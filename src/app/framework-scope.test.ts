/**
 * Frameworks belong to a jurisdiction (issue #15, item 3): one county's admin posting a framework — with a
 * built-in id, or a look-alike of a built-in one that grades everything 差 — changes no grade of another
 * county's reports, neither the live ones nor the published ones, also after the store is reopened.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import type { Role } from '../core/workflow.ts';
import { readReport } from '../formats/read-report.ts';
import { openEmbeddedStore } from '../store/pglite.ts';
import { approveReport } from './approve-report.ts';
import { createReport } from './create-report.ts';
import { addFramework } from './frameworks-admin.ts';
import { listPublished } from './public-reports.ts';
import { publishReport } from './publish-report.ts';
import { scoreVersion } from './report-views.ts';
import type { Store, User } from './store.ts';
import { submitReport } from './submit-report.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const open = async (dataDir: string): Promise<Store> => {
  const r = await openEmbeddedStore({ dataDir });
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const document = async (year: number): Promise<ReportDocument> => {
  const r = await readReport(readFileSync(new URL('./demo/agriculture-2023.txt', import.meta.url)));
  if (!r.ok) throw new Error(r.message);
  const d = r.value;
  if (d.year) d.year.value = year;
  return d;
};

const builtinDepartment = BUILTIN_FRAMEWORKS.find((f) => f.kind === 'department')!;
/** The built-in department framework with bands no report reaches: everything it scores is 差. */
const hostile = (id: string) => ({
  ...structuredClone(builtinDepartment),
  id,
  grades: [
    { grade: '优', min: '100' },
    { grade: '良', min: '99.99' },
    { grade: '中', min: '99.98' },
    { grade: '差', min: '0' },
  ],
});

describe('frameworks scoped to a jurisdiction', () => {
  it("another county's admin changes no grade of 示范县's reports, live or published, also after a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-framework-scope-'));
    dirs.push(dataDir);
    let store = await open(dataDir);
    const province = must(await store.org.createJurisdiction({ name: '某省', level: 'province' }, null));
    const city = must(
      await store.org.createJurisdiction({ name: '某市', level: 'city', parentId: province.id }, null),
    );
    const county = must(
      await store.org.createJurisdiction({ name: '示范县', level: 'county', parentId: city.id }, null),
    );
    const other = must(
      await store.org.createJurisdiction({ name: '乙县', level: 'county', parentId: city.id }, null),
    );
    const dept = must(
      await store.org.createDepartment({ name: '示范县某局', jurisdictionId: county.id }, null),
    );
    const otherDept = must(
      await store.org.createDepartment({ name: '乙县某局', jurisdictionId: other.id }, null),
    );
    const user = async (username: string, role: Role, scope: object): Promise<User> =>
      must(
        await store.users.createUser(
          { username, displayName: username, passwordHash: 'x', role, ...scope },
          null,
        ),
      );
    const prep = await user('prep', 'preparer', { departmentId: dept.id });
    const rev = await user('rev', 'dept-reviewer', { departmentId: dept.id });
    const bureau = await user('bureau', 'bureau-reviewer', { jurisdictionId: county.id });
    const otherAdmin = await user('other-admin', 'admin', { jurisdictionId: other.id });
    const otherPrep = await user('other-prep', 'preparer', { departmentId: otherDept.id });

    // 示范县: one report published, one still a draft.
    const published = must(await createReport(store, prep, { document: await document(2023) }));
    const draft = must(await createReport(store, prep, { document: await document(2022) }));
    const id = published.report.id;
    must(await submitReport(store, prep, { reportId: id }));
    must(await approveReport(store, rev, { reportId: id }));
    must(await approveReport(store, bureau, { reportId: id }));
    must(await publishReport(store, bureau, { reportId: id }));
    const grades = async (s: Store) => ({
      published: (await listPublished(s, { jurisdictionId: county.id })).map((r) => [r.reportId, r.grade]),
      live: [
        must(await scoreVersion(s, bureau, id)).grade,
        must(await scoreVersion(s, bureau, draft.report.id)).grade,
      ],
    });
    const before = await grades(store);
    const grade = before.live[0];
    expect(grade === '优' || grade === '良').toBe(true);
    expect(before.published).toEqual([[id, grade]]);
    expect(before.live).toEqual([grade, grade]);

    // 乙县's admin: the built-in id is refused; a look-alike is kept, for 乙县 only.
    const shadow = await addFramework(store, otherAdmin, hostile(builtinDepartment.id));
    expect(shadow).toMatchObject({ ok: false, code: 'duplicate' });
    if (!shadow.ok) expect(shadow.message).toMatch(/内置框架/);
    const lookAlike = must(await addFramework(store, otherAdmin, hostile('yixian-department')));

    expect(await grades(store)).toEqual(before);
    // A new 示范县 report is not bound to it; a new 乙县 report is, and scores 差 by it.
    const fresh = must(await createReport(store, prep, { document: await document(2021) }));
    expect(fresh.report.frameworkId).toBeNull();
    expect(fresh.report.grade).toBe(grade);
    const theirs = must(await createReport(store, otherPrep, { document: await document(2023) }));
    expect(theirs.report.frameworkId).toBe(lookAlike.id);
    expect(theirs.report.grade).toBe('差');

    // A restart forgets every cache: the grades stay.
    await store.close();
    store = await open(dataDir);
    try {
      expect(await grades(store)).toEqual(before);
    } finally {
      await store.close();
    }
  }, 60_000);
});
