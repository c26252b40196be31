/**
 * The job queue's scale-out: one 20,000-report audit job on PostgreSQL drained by 1 and then by 2
 * `jixiao worker` processes (each its own database connections and its own session, as on separate
 * machines), in the same run. Wall time from submitting the job (its chunks queued as their files are
 * stored) to its last chunk; the workers are started, warmed by a first small job (as a long-running
 * worker is) and waiting before the job is submitted. The floor: the same chunks audited in this process (warm), CPU per report.
 * Needs PostgreSQL (JIXIAO_TEST_DATABASE_URL, the local server by default); a fresh database is made and
 * dropped. `JOB_REPORTS=5000` for a quick look; `JOB_WARM=0` for cold workers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { auditChunkFiles } from '../src/app/jobs/audit-chunk.ts';
import { submitAuditJob } from '../src/app/jobs/audit-job.ts';
import { pgBossQueue } from '../src/app/jobs/pg-boss-queue.ts';
import { openPostgresStore } from '../src/store/index.ts';
import { adminQuery, postgresProblem, urlOf } from '../test/postgres.ts';
import { type Section, table } from './harness.ts';

const BIN = fileURLToPath(new URL('../bin/jixiao', import.meta.url));
const REPORTS = Number(process.env.JOB_REPORTS ?? 20_000);
const WARM = Number(process.env.JOB_WARM ?? 2_000);
const FIXTURES = new URL('../test/fixtures/audit/', import.meta.url);

/** The batch bench's six distinct reports (three clean, each also with one figure changed). */
const pool = (): Uint8Array[] =>
  ['clean-base.txt', 'clean-small.txt', 'clean-yuan.txt'].flatMap((f) => {
    const text = readFileSync(new URL(f, FIXTURES), 'utf8');
    const faulty = text.replace(/自评得分(\d+)分/u, (_m, d: string) => `自评得分${Number(d) - 1}分`);
    return [new TextEncoder().encode(text), new TextEncoder().encode(faulty)];
  });

/** CPU seconds a process has used (user + system, its own and its waited-for children's), from /proc. */
const cpuSeconds = (pid: number | undefined): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14–17 of stat(5), counted from the state (field 3) here: utime, stime, cutime, cstime.
    return fields.slice(11, 15).reduce((a, f) => a + Number(f), 0) / 100;
  } catch {
    return Number.NaN;
  }
};

const startWorker = (url: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker'], {
      env: { ...process.env, DATABASE_URL: url, JIXIAO_JOBS_POLL: '0.5' },
      stdio: ['ignore', 'ignore', 'pipe'],
      // A session of its own, as a worker on another machine or under its own service has: Linux's
      // autogroup scheduling shares the CPU between sessions, so workers in the bench's session would
      // split one share between them on a loaded machine.
      detached: true,
    });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
      if (err.includes('等待任务')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${err}`)));
  });

export const run = async (): Promise<Section> => {
  const title = 'Batch jobs: 1 vs 2 `jixiao worker` processes on one PostgreSQL';
  const problem = await postgresProblem();
  if (problem) return { title, markdown: `Not measured: PostgreSQL unreachable (${problem}).` };
  const load = os.loadavg()[0]!;
  const name = `jixiao_bench_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  const url = urlOf(name);
  const store = await openPostgresStore({ url, poolSize: 4 });
  const queue = await pgBossQueue({ url });
  const bytes = pool();
  const files = Array.from({ length: REPORTS }, (_, i) => ({
    name: `r${String(i).padStart(6, '0')}.txt`,
    bytes: bytes[i % bytes.length]!,
  }));
  const rows: string[][] = [];
  const walls = new Map<number, number>();
  const drains = new Map<number, number>();
  /** Submits `job` and waits for its last chunk: milliseconds to store it and to drain it. */
  const runJob = async (jobFiles: typeof files) => {
    const t0 = performance.now();
    const job = await submitAuditJob(store, queue, null, jobFiles);
    if (!job.ok) throw new Error(job.message);
    const submitted = performance.now() - t0;
    for (;;) {
      const j = await store.jobs.get(job.value.id);
      if (j?.finishedAt) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { submitted, wall: performance.now() - t0 };
  };
  // The floor: the worker's own per-chunk audit, here in this thread once warm (CPU per report).
  const floorReports = Math.min(REPORTS, 4_000);
  const chunks = (n: number) =>
    Array.from({ length: Math.ceil(n / 100) }, (_, c) => files.slice(c * 100, Math.min(n, c * 100 + 100)));
  for (const c of chunks(Math.min(REPORTS, 2_000))) await auditChunkFiles(c);
  const floor0 = process.cpuUsage();
  for (const c of chunks(floorReports)) await auditChunkFiles(c);
  const floorCpu = process.cpuUsage(floor0);
  const floorMs = (floorCpu.user + floorCpu.system) / 1000 / floorReports;
  try {
    for (const n of [1, 2]) {
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(url)));
      try {
        if (WARM > 0) await runJob(files.slice(0, WARM));
        const cpu0 = workers.map((w) => cpuSeconds(w.pid));
        const { submitted, wall } = await runJob(files);
        // The drain: from the last chunk queued (the workers idle until then) to the last chunk done.
        const drain = wall - submitted;
        // The workers' CPU over the job (idle while it is stored, but for polling).
        const cpu = workers.reduce((a, w, i) => a + cpuSeconds(w.pid) - cpu0[i]!, 0);
        walls.set(n, wall);
        drains.set(n, drain);
        rows.push([
          String(n),
          REPORTS.toLocaleString('en-US'),
          (submitted / 1000).toFixed(1),
          (drain / 1000).toFixed(1),
          (wall / 1000).toFixed(1),
          Math.round((REPORTS / wall) * 1000).toLocaleString('en-US'),
          cpu.toFixed(1),
          ((cpu * 1000) / REPORTS).toFixed(2),
          n === 1 ? '—' : `${Math.round((100 * drain) / drains.get(1)!)}%`,
          n === 1 ? '—' : `${Math.round((100 * wall) / walls.get(1)!)}%`,
        ]);
        console.error(`bench: jobs with ${n} worker(s) done`);
      } finally {
        for (const w of workers) w.kill('SIGTERM');
      }
    }
  } finally {
    await queue.close();
    await store.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
  const loadEnd = os.loadavg()[0]!;
  return {
    title,
    markdown: [
      table(
        [
          'workers',
          'reports',
          'submit s (all files stored and chunks queued; workers at work meanwhile)',
          'drain s (last chunk queued → last chunk done)',
          'wall s (submit → last chunk done)',
          'reports/s (wall)',
          "workers' CPU s",
          'CPU ms per report',
          'drain vs 1 worker',
          'wall vs 1 worker',
        ],
        rows,
      ),
      '',
      `One run each, in the same run of the bench, chunks of 100 reports. Each worker audits in one thread of ` +
        'its own while its main thread holds the next chunk, already read from the database, and writes the ' +
        "last one's results (two pg-boss fetch loops per audit thread), so the audit never waits for the " +
        'database. Each worker is its own session (as on its own machine or service: Linux shares the CPU ' +
        'between sessions) and is started, warmed by a first job of ' +
        `${WARM.toLocaleString('en-US')} reports (as a long-running worker is) and waiting before the job is ` +
        "submitted. A job's chunks are queued ten at a time as their files are stored, so the workers start " +
        "within a second of the submission and audit while the rest is stored: the wall time (the goal's " +
        'measure) is what more workers shorten, the drain only what is left after the last chunk is queued. ' +
        'Their CPU per report shows the work is not ' +
        `done twice; the floor, the same chunks audited in the bench's own thread once warm, is ` +
        `**${floorMs.toFixed(2)} ms CPU per report**. Load average ${load.toFixed(1)} at the start and ` +
        `${loadEnd.toFixed(1)} at the end, on ${os.cpus().length} cores: the machine is shared with other ` +
        "work, so wall times follow the share of CPU we get. Goal (issue 18): 2 workers take ≤ 60% of 1 worker's " +
        'time. The workers share nothing but the queue and the database, so on more cores (or machines) the ' +
        'drain divides by the number of workers until PostgreSQL is the limit: per chunk a worker reads 100 ' +
        'files (~1 MB), writes one row of results (~30 KB) and makes about ten statements, a few milliseconds ' +
        'of PostgreSQL against 100 reports of auditing, so one PostgreSQL should keep tens of workers busy.',
    ].join('\n'),
  };
};
