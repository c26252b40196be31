/**
 * The API suite on PostgreSQL (JIXIAO_TEST_DATABASE_URL, default the local server), in a database made for
 * this file and dropped afterwards. Unreachable: skipped with a note, except with CI=true, where it fails.
 */
import { describe, it } from 'vitest';
import { apiSuite } from './api-suite.ts';
import { ADMIN_URL, inCI, postgresProblem } from './harness.ts';

const problem = await postgresProblem();
if (problem && !inCI) {
  console.warn(`PostgreSQL at ${ADMIN_URL} unreachable (${problem}): skipping the API suite on PostgreSQL`);
  describe.skip('API on PostgreSQL (unreachable)', () => {
    it('needs PostgreSQL', () => {});
  });
} else if (problem) {
  describe('API on PostgreSQL', () => {
    it('is reachable in CI', () => {
      throw new Error(`PostgreSQL at ${ADMIN_URL} unreachable in CI: ${problem}`);
    });
  });
} else {
  describe('API on PostgreSQL', () => apiSuite('postgres'));
}
