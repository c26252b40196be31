/**
 * A submit racing a save (issue #15, item 4). The submit audits the version it sees and moves the status;
 * the save adds a version with an audit error nobody explained. Whatever the interleaving, a report must
 * never end 已提交 with a current version whose errors were never explained, and an acknowledged save
 * must never be lost. Bounded trials on PostgreSQL (real concurrency: a pool of connections) and a few
 * on PGlite (the same drizzle code, one connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanDocument,
  documentWithError,
  inCI,
  makeOrg,
  openTestDb,
  postgresProblem,
  type TestDb,
} from '../../test/server/harness.ts';
import { auditWithExplanations, figuresOf } from './report-scoring.ts';
import { saveVersion } from './save-version.ts';
import type { Store, User } from './store.ts';
import { submitReport } from './submit-report.ts';

const problem = await postgresProblem();
if (problem && !inCI) console.warn(`[skip] PostgreSQL not reachable (${problem}): the race on it is skipped`);

const setImmediateTicks = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

type Outcome = { bad: string[]; submitted: number; saved: number };

const race = async (store: Store, trials: number, firstYear: number): Promise<Outcome> => {
  const org = await makeOrg(store);
  const prep = (await store.users.getUser(org.users.prepA.id)) as User;
  const out: Outcome = { bad: [], submitted: 0, saved: 0 };
  for (let i = 0; i < trials; i++) {
    const year = firstYear + i;
    const clean = await cleanDocument(year);
    const created = await store.reports.create(
      { departmentId: org.deptA, year, kind: 'department', document: clean, figures: figuresOf(clean) },
      prep.id,
    );
    if (!created.ok) throw new Error(created.message);
    const reportId = created.value.report.id;
    const broken = await documentWithError(year);
    // Vary which of the two reaches the database first.
    const [submit, save] = await Promise.all([
      submitReport(store, prep, { reportId }),
      setImmediateTicks(i % 6).then(() =>
        saveVersion(store, prep, { reportId, expectedVersion: 1, document: broken }),
      ),
    ]);
    const report = await store.reports.get(reportId);
    const current = report ? await store.reports.getVersion(reportId, report.currentVersion) : null;
    if (!report || !current) throw new Error('report vanished');
    if (submit.ok) out.submitted++;
    if (save.ok) out.saved++;
    if (save.ok && report.currentVersion < 2) out.bad.push(`${i}: acknowledged save lost`);
    if (report.status === 'submitted') {
      const comments = await store.review.listComments(reportId);
      const unexplained = auditWithExplanations(current.document, comments).filter(
        (f) => f.severity === 'error' && !f.explanation,
      );
      if (unexplained.length > 0)
        out.bad.push(
          `${i}: 已提交 at version ${report.currentVersion} with ${unexplained.length} unexplained errors`,
        );
    }
  }
  return out;
};

describe.skipIf(problem !== null && !inCI)('submit racing save on PostgreSQL', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('postgres');
  }, 60_000);
  afterAll(async () => {
    await db?.store.close();
    await db?.drop();
  });

  it('200 trials: never 已提交 with unexplained errors, never a lost save', async () => {
    const o = await race(db.store, 200, 4000);
    expect(o.bad).toEqual([]);
    // Both sides won sometimes, or the race was not a race.
    expect(o.submitted).toBeGreaterThan(0);
    expect(o.saved).toBeGreaterThan(0);
  }, 300_000);
});

describe('submit racing save on PGlite', () => {
  it('30 trials: never 已提交 with unexplained errors, never a lost save', async () => {
    const db = await openTestDb('pglite');
    try {
      const o = await race(db.store, 30, 4000);
      expect(o.bad).toEqual([]);
    } finally {
      await db.store.close();
    }
  }, 120_000);
});
