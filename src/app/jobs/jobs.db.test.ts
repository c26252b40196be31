/**
 * Batch jobs on PostgreSQL with real `jixiao worker` processes: a worker killed mid-job (SIGKILL, so it
 * cannot hand anything back) leaves its chunk leased; after the lease runs out a second worker takes it
 * over, and the job ends with every file's result exactly once, in file order. Each test file makes its
 * own database and drops it; without PostgreSQL it skips with a note (fails in CI).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, inCI, postgresProblem } from '../../../test/server/harness.ts';
import { openPostgresStore, type Store } from '../../store/index.ts';
import { jobResults, runAuditChunk, submitAuditJob } from './audit-job.ts';
import { type InProcessQueue, inProcessQueue } from './in-process-queue.ts';
import { pgBossQueue } from './pg-boss-queue.ts';
import type { JobQueue } from './queue.ts';

const problem = await postgresProblem();
if (problem && !inCI) console.warn(`[skip] PostgreSQL not reachable (${problem}): batch job tests skipped`);

const BIN = new URL('../../../bin/jixiao', import.meta.url).pathname;
const fixture = (f: string) => readFileSync(new URL(`../../../test/fixtures/audit/${f}`, import.meta.url));
const FIXTURES = ['clean-base.txt', 'clean-small.txt', 'clean-yuan.txt'].map(fixture);
const files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `r${String(i).padStart(4, '0')}.txt`,
    // Every 7th file cannot be read: its result must come back as a read error, not go missing.
    bytes: i % 7 === 6 ? new TextEncoder().encode('不是报告') : FIXTURES[i % 3]!,
  }));

const until = async (what: string, ok: () => Promise<boolean>, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.skipIf(problem !== null && !inCI)('batch jobs on PostgreSQL (pg-boss)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: Store;
  let queue: JobQueue;
  const workers: ChildProcess[] = [];
  const worker = (): ChildProcess => {
    const child = spawn(process.execPath, [BIN, 'worker', '--lease', '8'], {
      env: { ...process.env, DATABASE_URL: db.url, JIXIAO_JOBS_MAINTENANCE: '1', JIXIAO_JOBS_POLL: '0.5' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    db = await freshPostgres();
    store = await openPostgresStore({ url: db.url, poolSize: 4 });
    queue = await pgBossQueue({ url: db.url, leaseSeconds: 8, maintenanceSeconds: 1 });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await queue?.close();
    await store?.close();
    await db?.drop();
  }, 60_000);

  it('takes over a killed worker’s chunk after its lease: every file once, in order', async () => {
    const job = await submitAuditJob(store, queue, null, files(400), { chunkSize: 100 });
    if (!job.ok) throw new Error(job.message);
    const id = job.value.id;
    const raw = new pg.Client({ connectionString: db.url });
    await raw.connect();
    const active = async () =>
      (await raw.query(`select count(*)::int as n from pgboss.job where state = 'active'`)).rows[0]
        .n as number;
    try {
      const first = worker();
      // Killed while it holds a chunk (a chunk of 100 reports takes about a second; the worker holds the
      // next one too, read while its audit thread works).
      await until('a leased chunk', async () => (await active()) >= 1, 90_000);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      // The killed worker's chunks: still leased by pg-boss, the job unfinished in the store.
      expect(await active()).toBeGreaterThanOrEqual(1);
      const stopped = (await store.jobs.get(id))!;
      expect(stopped.finishedAt).toBeNull();
      worker();
      await until('the job', async () => (await store.jobs.get(id))?.finishedAt != null, 120_000);
      // The leased chunk came back after its lease ran out and was run by the second worker (on a loaded
      // machine a cold worker's chunk may outlast its lease too and run twice: stored once all the same).
      const retried = await raw.query(`select count(*)::int as n from pgboss.job where retry_count > 0`);
      expect(retried.rows[0].n).toBeGreaterThanOrEqual(1);
      // Every chunk completed in the queue too: one the killed worker had stored but not yet marked
      // complete comes back after its lease and is found done.
      const states = async () =>
        (await raw.query(`select state, count(*)::int as n from pgboss.job group by state`)).rows;
      await until(
        'every chunk completed in the queue',
        async () => JSON.stringify(await states()) === JSON.stringify([{ state: 'completed', n: 4 }]),
        60_000,
      );
    } finally {
      await raw.end();
    }
    const results = [];
    for await (const r of jobResults(store, id)) results.push(r);
    expect(results.map((r) => r.file)).toEqual(files(400).map((f) => f.name));
    expect(results.filter((r) => !r.ok)).toHaveLength(Math.floor(400 / 7));
    expect(await store.jobs.get(id)).toMatchObject({ filesDone: 400, chunksDone: 4, unreadable: 57 });
  }, 240_000);

  it('runs the same job in process (the embedded database’s queue) with the same results', async () => {
    const local: InProcessQueue = inProcessQueue(store);
    const job = await submitAuditJob(store, local, null, files(25), { chunkSize: 10 });
    if (!job.ok) throw new Error(job.message);
    await local.work(runAuditChunk(store));
    await local.idle();
    await local.close();
    const results = [];
    for await (const r of jobResults(store, job.value.id)) results.push(r);
    expect(results.map((r) => r.file)).toEqual(files(25).map((f) => f.name));
    expect((await store.jobs.get(job.value.id))?.finishedAt).toBeInstanceOf(Date);
  }, 60_000);
});
