import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from './audit-files.ts';

const FIXTURES = new URL('../../test/fixtures/audit/', import.meta.url).pathname;
const CLEAN = join(FIXTURES, 'clean-base.txt');
const SMALL = join(FIXTURES, 'clean-small.txt');

/** Child processes of ours running the audit bundle, seen in /proc (Linux); undefined elsewhere. */
const auditChildren = (): number | undefined => {
  try {
    return readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
          const ppid = Number(stat.split(') ')[1]!.split(' ')[1]);
          return (
            ppid === process.pid && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('jixiao-audit-worker')
          );
        } catch {
          return false;
        }
      }).length;
  } catch {
    return undefined;
  }
};

describe('auditFiles with child processes', () => {
  it('gives the same results in the same order as one process, an unreadable file in the middle', async () => {
    // Enough files that this process is still busy when the children have started (about 0.3 s).
    const files = Array.from({ length: 1500 }, (_, i) =>
      i === 750 ? '/nonexistent/middle.txt' : i % 3 === 0 ? SMALL : CLEAN,
    );
    const one = await auditFiles(files);
    let seen: number | undefined;
    let tick = 0;
    const many = await auditFiles(files, {
      threads: 3,
      // Every 50 files: the children must have been seen running at some point.
      onProgress: () => {
        if (++tick % 50 !== 0) return;
        const n = auditChildren();
        if (n !== undefined) seen = Math.max(seen ?? 0, n);
      },
    });
    expect(many).toEqual(one);
    expect(many[750]).toMatchObject({ file: '/nonexistent/middle.txt', ok: false, code: 'read.not-found' });
    if (seen !== undefined) expect(seen).toBeGreaterThan(0);
    // Every child is gone once the call returns.
    expect(auditChildren() ?? 0).toBe(0);
  }, 60_000);
});
