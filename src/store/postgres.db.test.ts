/**
 * The contract on PostgreSQL (JIXIAO_TEST_DATABASE_URL, default the local server). The test makes its own
 * database and drops it afterwards. Unreachable: skipped with a note — except in CI, where it fails.
 */
import pg from 'pg';
import { describe, it } from 'vitest';
import { ADMIN_URL, adminQuery, inCI, postgresProblem, urlOf } from '../../test/postgres.ts';
import { storeContract } from '../../test/support/store-contract/contract.ts';
import { openPostgresStore } from './postgres.ts';

const problem = await postgresProblem();
if (problem && !inCI) {
  console.warn(`PostgreSQL at ${ADMIN_URL} unreachable (${problem}): skipping the PostgreSQL store contract`);
  describe.skip('store contract: PostgreSQL (unreachable)', () => {
    it('needs PostgreSQL', () => {});
  });
} else if (problem) {
  describe('store contract: PostgreSQL', () => {
    it('is reachable in CI', () => {
      throw new Error(`PostgreSQL at ${ADMIN_URL} unreachable in CI: ${problem}`);
    });
  });
} else {
  storeContract('PostgreSQL', async () => {
    const name = `jixiao_test_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(`create database ${name}`);
    const store = await openPostgresStore({ url: urlOf(name), poolSize: 6 });
    const raw = new pg.Pool({ connectionString: urlOf(name), max: 2 });
    return {
      store,
      exec: (sql) => raw.query(sql),
      cleanup: async () => {
        await store.close();
        await raw.end();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  });
}
