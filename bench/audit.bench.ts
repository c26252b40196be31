/**
 * Audit throughput: 1,000 report files in one call (`auditFiles`, what `jixiao audit` runs), against
 * reading and decoding the same files alone (`importFile`), and the rules alone on models already read.
 * The files are the composed clean reports and single-fault variants, written to a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { auditFiles, WORKER_MIN_FILES } from '../src/app/audit-files.ts';
import { importFile } from '../src/app/import-file.ts';
import { auditReport } from '../src/core/audit/index.ts';
import type { Report } from '../src/core/model/index.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const N = 1000;
const FIXTURES = new URL('../test/fixtures/audit/', import.meta.url);

/** N report texts: the three clean reports and copies with one figure changed, in turn. */
const texts = (): string[] => {
  const bases = ['clean-base.txt', 'clean-small.txt', 'clean-yuan.txt'].map((f) =>
    readFileSync(new URL(f, FIXTURES), 'utf8'),
  );
  return Array.from({ length: N }, (_, i) => {
    const base = bases[i % bases.length]!;
    // Every other report carries a fault, so the rules do their reporting work too.
    return i % 2 === 0
      ? base
      : base.replace(/自评得分(\d+)分/u, (_m, d: string) => `自评得分${Number(d) - 1}分`);
  });
};

export const run = async (): Promise<Section> => {
  const load = os.loadavg()[0]!;
  const dir = mkdtempSync(join(os.tmpdir(), 'jixiao-audit-bench-'));
  try {
    const files = texts().map((t, i) => {
      const p = join(dir, `r${String(i).padStart(4, '0')}.txt`);
      writeFileSync(p, t);
      return p;
    });
    const reports: Report[] = [];
    for (const f of files) {
      const r = await importFile(f);
      if (r.ok) reports.push(r.report);
    }
    const runs = 5;
    const read = median(
      await time(
        async () => {
          for (const f of files) await importFile(f);
        },
        runs,
        1,
      ),
    );
    const audit = median(await time(() => auditFiles(files), runs, 1));
    const threads = os.availableParallelism();
    const auditThreads = median(await time(() => auditFiles(files, { threads }), runs, 1));
    const rulesOnly = median(
      await time(
        () => {
          for (const r of reports) auditReport(r);
        },
        runs,
        1,
      ),
    );
    const perSec = (msTotal: number) => Math.round((N / msTotal) * 1000).toLocaleString('en-US');
    const findings = reports.reduce((n, r) => n + auditReport(r).length, 0);
    return {
      title: `Audit: ${N.toLocaleString('en-US')} reports in one call (median of ${runs})`,
      markdown: [
        table(
          ['what', 'total ms', 'reports/s', 'ms per report'],
          [
            [
              'baseline: read + decode + parse the files alone (importFile)',
              ms(read),
              perSec(read),
              ms(read / N),
            ],
            [
              'audit the files (auditFiles: read, parse, all rules), 1 thread',
              ms(audit),
              perSec(audit),
              ms(audit / N),
            ],
            [
              `the same with ${threads} threads (what \`jixiao audit\` does for ≥ ${WORKER_MIN_FILES} files when the cores are idle)`,
              ms(auditThreads),
              perSec(auditThreads),
              ms(auditThreads / N),
            ],
            [
              'rules alone on the parsed models (auditReport)',
              ms(rulesOnly),
              perSec(rulesOnly),
              ms(rulesOnly / N),
            ],
          ],
        ),
        '',
        `Audit adds ${ms((audit - read) / N)} ms per report over reading it (${((audit / read - 1) * 100).toFixed(0)}%). ` +
          `${findings.toLocaleString('en-US')} findings over the ${N} reports. Load average at the start: ${load.toFixed(1)}. Goal: ≥ 1,000 reports/s on 2 cores.`,
      ].join('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
