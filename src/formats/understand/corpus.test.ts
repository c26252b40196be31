/**
 * The reading corpus (test/fixtures/corpus): reports composed in several provinces' house styles, each
 * read and compared with its golden fields. A golden's `misses` are the fields still read wrong: the
 * test fails both when another field goes wrong and when a miss is read right (then drop it from the list).
 */
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { fieldsOf, wrongFields } from '../../../test/fixtures/corpus/fields.ts';
import { readReport } from '../read-report.ts';

const reports = corpus();

describe('reading corpus', () => {
  it('has at least six reports of both kinds', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
    const kinds = new Set(reports.map((r) => r.golden.fields.kind));
    expect(kinds).toEqual(new Set(['department', 'project']));
  });

  for (const { name, bytes, golden } of reports) {
    it(`${name}: ${golden.about}`, async () => {
      const r = await readReport(bytes);
      const wrong = r.ok ? wrongFields(r.value, golden) : Object.keys(golden.fields);
      const detail = r.ok ? fieldsOf(r.value) : r.message;
      expect([...wrong].sort(), JSON.stringify(detail)).toEqual([...golden.misses].sort());
    });
  }
});
