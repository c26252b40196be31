/**
 * Audit throughput: 1,000 report files in one call (`auditFiles`, what `jixiao audit` runs), against
 * reading and decoding the same files alone (`importFile`), and the rules alone on models already read.
 * The files are the composed clean reports and single-fault variants, written to a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFiles } from '../src/app/audit-files.ts';
import { importFile } from '../src/app/import-file.ts';
import { auditReport } from '../src/core/audit/index.ts';
import type { Report } from '../src/core/model/index.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const N = 1000;
const FIXTURES = new URL('../test/fixtures/audit/', import.meta.url);
const BIN = fileURLToPath(new URL('../bin/jixiao', import.meta.url));

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

/** CPU ms of the children this process has waited for (Linux /proc); 0 where unknown. */
const childrenCpuMs = (): number => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime are fields 16 and 17 of stat(5), counted from the state field (3).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
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
    const runs = 9;
    // Wall time is what a user waits; CPU time (all threads and child processes) is what the work costs, and is what
    // survives a machine shared with other jobs better.
    const measure = async (fn: () => unknown): Promise<{ wall: number; cpu: number }> => {
      const before = process.cpuUsage();
      const kidsBefore = childrenCpuMs();
      const wall = median(await time(fn, runs, 1));
      const used = process.cpuUsage(before);
      const kids = childrenCpuMs() - kidsBefore;
      return { wall, cpu: ((used.user + used.system) / 1000 + kids) / (runs + 1) };
    };
    const read = await measure(async () => {
      for (const f of files) await importFile(f);
    });
    const audit = await measure(() => auditFiles(files));
    const threads = os.availableParallelism();
    const auditThreads = await measure(() => auditFiles(files, { threads }));
    const more = threads + 1;
    const auditMore = await measure(() => auditFiles(files, { threads: more }));
    // The parsed models are made only now: 1,000 of them held in memory (about 100 MB) slow down every
    // measurement above by 15–50% through the garbage collector, which `jixiao audit` never holds.
    const reports: Report[] = [];
    for (const f of files) {
      const r = await importFile(f);
      if (r.ok) reports.push(r.value);
    }
    const rulesOnly = await measure(() => {
      for (const r of reports) auditReport(r);
    });
    const perSec = (msTotal: number) => Math.round((N / msTotal) * 1000).toLocaleString('en-US');
    const row = (what: string, m: { wall: number; cpu: number }) => [
      what,
      ms(m.wall),
      perSec(m.wall),
      ms(m.cpu / N),
      perSec(m.cpu),
    ];
    const findings = reports.reduce((n, r) => n + auditReport(r).length, 0);
    // What a user waits for: one `jixiao audit` command in a fresh process, start-up and cold code included.
    const cli = (args: string[]) =>
      median(
        Array.from({ length: 3 }, () => {
          const t0 = performance.now();
          const r = spawnSync(process.execPath, [BIN, ...args], { stdio: 'ignore' });
          if (r.status !== 0 && r.status !== 1) throw new Error(`jixiao ${args[0]} exited with ${r.status}`);
          return performance.now() - t0;
        }),
      );
    const cliStart = cli(['audit', '--help']);
    const cliAudit = cli(['audit', ...files, '--format', 'json']);
    return {
      title: `Audit: ${N.toLocaleString('en-US')} reports in one call (median of ${runs})`,
      markdown: [
        table(
          ['what', 'wall ms', 'reports/s (wall)', 'CPU ms per report', 'reports per CPU-second'],
          [
            row('baseline: read + decode + parse the files alone (importFile)', read),
            row('audit the files (auditFiles: read, parse, all rules), 1 process', audit),
            row(
              `the same with ${threads - 1} child process(es) sharing the queue (\`jixiao audit\` does this only for large batches of .docx/.xlsx on 2 cores)`,
              auditThreads,
            ),
            row(`the same with ${more - 1} child processes`, auditMore),
            row('rules alone on the parsed models (auditReport)', rulesOnly),
          ],
        ),
        '',
        `One \`jixiao audit\` command on the same ${N.toLocaleString('en-US')} files, in a fresh process (median of 3): ` +
          `${ms(cliAudit)} ms, of which ${ms(cliStart)} ms is start-up (\`jixiao audit --help\`); ` +
          `${perSec(cliAudit - cliStart)} reports/s after start-up. A fresh process runs its first few hundred reports ` +
          'at two to four times the cost of warm code (V8 compiles as it goes), which the in-process rows above do not pay.',
        '',
        `Audit adds ${ms((audit.cpu - read.cpu) / N)} CPU ms per report over reading it (${((audit.cpu / read.cpu - 1) * 100).toFixed(0)}%). ` +
          `${findings.toLocaleString('en-US')} findings over the ${N} reports. Load average at the start: ${load.toFixed(1)}. Goal: ≥ 1,000 reports/s on 2 cores.`,
      ].join('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
