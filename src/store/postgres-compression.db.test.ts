/**
 * On PostgreSQL the store writes documents with lz4 when the server has it, and with the default
 * otherwise (PostgreSQL 13 and older, or a build without lz4). Unreachable: skipped with a note, except
 * in CI, where it fails.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, adminQuery, inCI, postgresProblem, urlOf } from '../../test/postgres.ts';
import { cleanDocument, makeOrg } from '../../test/server/harness.ts';
import { figuresOf } from '../app/report-scoring.ts';
import type { Store } from './port.ts';
import { openPostgresStore } from './postgres.ts';

const problem = await postgresProblem();
if (problem && !inCI) console.warn(`PostgreSQL at ${ADMIN_URL} unreachable (${problem}): skipping`);

describe.skipIf(problem && !inCI)('document compression on PostgreSQL', () => {
  const name = `jixiao_test_${Math.random().toString(36).slice(2, 10)}`;
  let store: Store;
  let raw: pg.Client;
  beforeAll(async () => {
    if (problem) throw new Error(`PostgreSQL at ${ADMIN_URL} unreachable in CI: ${problem}`);
    await adminQuery(`create database ${name}`);
    store = await openPostgresStore({ url: urlOf(name), poolSize: 3 });
    raw = new pg.Client({ connectionString: urlOf(name) });
    await raw.connect();
  });
  afterAll(async () => {
    await store?.close();
    await raw?.end();
    await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it('stores a report’s versions with lz4 where the server has it, else with pglz', async () => {
    const { rows } = await raw.query<{ lz4: boolean }>(
      "select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'",
    );
    const expected = rows[0]?.lz4 ? 'lz4' : 'pglz';
    const org = await makeOrg(store);
    const doc = await cleanDocument(2023);
    // Several at once, so that more than one of the pool's connections writes.
    const made = await Promise.all(
      [2021, 2022, 2023].map((year) =>
        store.reports.create(
          { departmentId: org.deptA, year, kind: 'department', document: doc, figures: figuresOf(doc) },
          org.users.prepA.id,
        ),
      ),
    );
    for (const r of made) {
      if (!r.ok) throw new Error(r.message);
      const saved = await store.reports.saveVersion(
        {
          reportId: r.value.report.id,
          expectedVersion: 1,
          document: doc,
          figures: figuresOf(doc),
          summary: '保存',
        },
        org.users.prepA.id,
      );
      expect(saved.ok).toBe(true);
    }
    const stored = await raw.query<{ c: string | null; n: string }>(
      'select pg_column_compression(document) as c, count(*) as n from report_versions group by 1',
    );
    expect(stored.rows).toEqual([{ c: expected, n: '6' }]);
    // And read back whole.
    const back = await store.reports.getVersion(made[0]!.ok ? made[0]!.value.report.id : '', 2);
    expect(back?.document).toEqual(doc);
  });
});
