/**
 * CPU per report of the batch's per-file work, in one thread: read a text report from disk, audit it
 * (`auditBatch`, what a worker of `jixiao audit` runs) and make its JSON entry, for the six distinct
 * reports of bench/batch-corpus.ts, `REPORT_CPU_N` (default 3,000) times after a warm-up. Prints CPU-ms
 * per report, the share of the time in GC (V8's GC entries) and the floor (read, decode and split the
 * same files into lines) measured in the same process.
 *
 * Compare two checkouts in one run, alternating, medians of the rounds:
 *
 *   npx tsx bench/report-cpu.ts /work/main        # this checkout and /work/main, 5 rounds each
 *   npx tsx bench/report-cpu.ts --one [checkout]   # one measurement of one checkout (JSON on stdout)
 *
 * `REPORT_CPU_FLAGS="--max-semi-space-size=32"` runs each measurement with that Node flag (the workers'
 * young generation).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { batchCorpus } from './batch-corpus.ts';
import { median } from './harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.REPORT_CPU_N ?? 3000);
const ROUNDS = Number(process.env.REPORT_CPU_ROUNDS ?? 5);

type Measure = { cpuMs: number; gcShare: number; floorMs: number; load: number };

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const one = async (checkout: string): Promise<Measure> => {
  const mod = (await import(pathToFileURL(join(checkout, 'src/app/audit-files.ts')).href)) as {
    auditBatch: (files: readonly string[]) => Promise<unknown[]>;
  };
  const json = (await import(pathToFileURL(join(checkout, 'src/cli/audit-json.ts')).href)) as {
    fileAuditJson: (r: never) => unknown;
  };
  const dir = batchCorpus(6);
  const files = [
    '000/r000000.txt',
    '000/r000001.txt',
    '000/r000002.txt',
    '000/r000003.txt',
    '000/r000004.txt',
    '000/r000005.txt',
  ].map((f) => join(dir, f));
  // Batches of 16 files, as a worker takes them.
  const batch = Array.from({ length: 16 }, (_, k) => files[k % files.length]!);
  let sink = 0;
  const work = async (n: number) => {
    for (let done = 0; done < n; done += batch.length) {
      for (const r of await mod.auditBatch(batch))
        sink += JSON.stringify(json.fileAuditJson(r as never)).length;
    }
  };
  await work(Math.max(1000, N / 3));
  let gcMs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  obs.observe({ entryTypes: ['gc'] });
  const t0 = cpuNow();
  const w0 = performance.now();
  await work(N);
  const cpu = cpuNow() - t0;
  const wall = performance.now() - w0;
  await new Promise((r) => setTimeout(r, 10));
  obs.disconnect();
  const dec = new TextDecoder();
  const f0 = cpuNow();
  for (let i = 0; i < N; i++) sink += dec.decode(readFileSync(files[i % files.length]!)).split('\n').length;
  const floor = cpuNow() - f0;
  rmSync(join(dir, '..'), { recursive: true, force: true });
  if (sink === 0) throw new Error('nothing done');
  const count = Math.ceil(N / batch.length) * batch.length;
  return { cpuMs: cpu / count, gcShare: gcMs / wall, floorMs: floor / N, load: os.loadavg()[0]! };
};

const spawnOne = (checkout: string): Measure => {
  const flags = (process.env.REPORT_CPU_FLAGS ?? '').split(' ').filter(Boolean);
  const r = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', fileURLToPath(import.meta.url), '--one', checkout],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`${checkout}: exit ${r.status}`);
  return JSON.parse(r.stdout) as Measure;
};

const main = async () => {
  if (process.argv[2] === '--one') {
    process.stdout.write(JSON.stringify(await one(process.argv[3] ?? ROOT)));
    return;
  }
  const checkouts = [ROOT, ...process.argv.slice(2)];
  const got = new Map<string, Measure[]>(checkouts.map((c) => [c, []]));
  console.log(
    `load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ${N} reports a measurement`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of round % 2 ? [...checkouts].reverse() : checkouts) {
      const m = spawnOne(c);
      got.get(c)!.push(m);
      console.log(
        `${c}: ${m.cpuMs.toFixed(3)} CPU-ms/report, GC ${(m.gcShare * 100).toFixed(0)}%, floor ${m.floorMs.toFixed(3)}, load ${m.load.toFixed(1)}`,
      );
    }
  }
  for (const [c, ms] of got)
    console.log(
      `median ${c}: ${median(ms.map((m) => m.cpuMs)).toFixed(3)} CPU-ms/report, GC ${(median(ms.map((m) => m.gcShare)) * 100).toFixed(0)}%, floor ${median(ms.map((m) => m.floorMs)).toFixed(3)}`,
    );
  console.log(
    `load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
};

await main();
