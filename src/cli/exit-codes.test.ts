import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../app/audit-files.ts';
import { fileAuditJson } from './audit-json.ts';
import { auditExitCode, batchExitCode } from './exit-codes.ts';

const FIXTURES = new URL('../../test/fixtures/audit/', import.meta.url).pathname;

describe('audit exit codes and JSON entries', () => {
  it('exits 2 for an unreadable file, else 1 for an error finding, else 0', async () => {
    const [clean, missing] = await auditFiles([join(FIXTURES, 'clean-base.txt'), '/nonexistent/x.txt']);
    const faulty = {
      file: 'f.txt',
      ok: true as const,
      findings: [{ rule: 'r', severity: 'error' as const, message: 'm' }],
    };
    expect(auditExitCode([clean!, missing!, faulty])).toBe(2);
    expect(auditExitCode([clean!, faulty])).toBe(1);
    expect(auditExitCode([clean!])).toBe(0);
    expect(batchExitCode({ unreadable: 1, withErrors: 1 })).toBe(2);
    expect(batchExitCode({ unreadable: 0, withErrors: 1 })).toBe(1);
    expect(batchExitCode({ unreadable: 0, withErrors: 0 })).toBe(0);
    expect(fileAuditJson(missing!)).toMatchObject({
      file: '/nonexistent/x.txt',
      findings: [{ rule: 'read.not-found', severity: 'error' }],
    });
    expect(fileAuditJson(clean!)).toEqual({ file: join(FIXTURES, 'clean-base.txt'), findings: [] });
  });
});
