import { describe, expect, it } from 'vitest';
import sample from '../../../test/fixtures/score/sample-report.json' with { type: 'json' };
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { setAt } from '../lib/paths.ts';
import { checkReport } from './live-check.ts';

describe('live check (what the editor shows beside the form)', () => {
  it('scores and audits a valid document with the core functions', () => {
    const c = checkReport(sample, BUILTIN_FRAMEWORKS);
    expect(c.scored?.total).toMatch(/^\d+(\.\d+)?$/);
    expect(c.frameworkReason).toContain('department');
    expect(c.findings.every((f) => Array.isArray(f.fields))).toBe(true);
  });
  it('a value that is not a number is a finding pointing at its field, and scoring waits', () => {
    const bad = setAt(sample, ['conclusion', 'statedTotal'], { value: '9o' });
    const c = checkReport(bad, BUILTIN_FRAMEWORKS);
    expect(c.scored).toBeNull();
    expect(c.findings[0]?.rule).toBe('editor.invalid');
    expect(c.findings[0]?.fields[0]).toEqual(['conclusion', 'statedTotal', 'value']);
  });
});
