/**
 * Storage figures for docs/decisions/embedded-database.md: open time, save-version and read latency,
 * resident memory after N versions — embedded PGlite and PostgreSQL in the same run. Documents are
 * composed to the size of a real imported report (~130 KB of JSON).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DepartmentReport } from '../src/core/model/index.ts';
import { openEmbeddedStore } from '../src/store/pglite.ts';
import type { Store } from '../src/store/port.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { makeTree, unwrap } from '../test/support/store-contract/fixture.ts';
import { sampleReport } from '../test/support/store-contract/sample-report.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const PG_URL = process.env.JIXIAO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N_VERSIONS = Number(process.env.JIXIAO_BENCH_VERSIONS ?? 400);

/** A report of realistic size: many indicators with long evidence texts, varied by `n`. */
export const bigReport = (n: number): DepartmentReport => {
  const base = sampleReport(2024, '示例县农业农村局', `${80 + (n % 20)}.50`);
  const evidence = (i: number) =>
    `第${i}项指标：本年度按计划推进各项工作，完成情况经台账核对，相关佐证材料已归档备查（${n}-${i}）。`.repeat(
      12,
    );
  return {
    ...base,
    indicators: Array.from({ length: 90 }, (_, i) => ({
      level: 1 as const,
      label: `（${i + 1}）`,
      name: `指标${i + 1}`,
      weight: { value: '1', src: { line: i + 1, raw: '1' } },
      statedScore: { value: '0.9', src: { line: i + 1, raw: '0.9' } },
      evidence: evidence(i),
      inputs: [],
      children: [],
    })),
  };
};

const timeOnce = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

type Row = { adapter: string; cells: string[] };

/** Save and read latencies, bulk versions, and (embedded only) the process's memory growth. */
const measure = async (label: string, store: Store): Promise<Row> => {
  const t = await makeTree(store);
  const doc = bigReport(0);
  const figures = { statedTotal: '90.5', computedTotal: '90.25', grade: '优' as const };
  const { report } = unwrap(
    await store.reports.create(
      { departmentId: t.department, year: 2024, kind: 'department', document: doc, figures },
      null,
    ),
  );
  let v = 1;
  const save = await time(async () => {
    unwrap(
      await store.reports.saveVersion(
        { reportId: report.id, expectedVersion: v, document: bigReport(v), figures },
        null,
      ),
    );
    v++;
  }, 40);
  const read = await time(async () => {
    const r = (await store.reports.get(report.id))!;
    await store.reports.getVersion(r.id, r.currentVersion);
  }, 40);
  const list = await time(() => store.reports.list({ jurisdictionId: t.province, year: 2024 }), 40);
  // Bulk: N more versions, as a county's year of saves would pile up.
  const bulk = await timeOnce(async () => {
    for (let i = 0; i < N_VERSIONS; i++) {
      const doc = bigReport(v);
      unwrap(
        await store.reports.saveVersion(
          { reportId: report.id, expectedVersion: v, document: doc, figures },
          null,
        ),
      );
      v++;
    }
  });
  const readOld = await time(
    () => store.reports.getVersion(report.id, 1 + Math.floor(Math.random() * (v - 1))),
    40,
  );
  return {
    adapter: label,
    cells: [
      ms(median(save)),
      ms(median(read)),
      ms(median(list)),
      `${ms(bulk / N_VERSIONS)}`,
      ms(median(readOld)),
    ],
  };
};

const pgAdmin = async (sql: string): Promise<void> => {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};
const urlOf = (name: string): string => {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Times `runs` opens (each closed untimed afterwards). */
const opens = async (open: () => Promise<Store>, runs: number): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    let s: Store | undefined;
    out.push(await timeOnce(async () => (s = await open())));
    await s?.close();
  }
  return out;
};

const docBytes = Buffer.byteLength(JSON.stringify(bigReport(1)));

/**
 * Resident memory of a fresh Node process that opens the folder and saves N versions: measured apart,
 * since earlier PGlite instances in this process leave garbage that makes its size wander.
 */
const embeddedMemory = (dir: string) => {
  const here = (p: string) => new URL(p, import.meta.url).href;
  const code = `
    import { openEmbeddedStore } from ${JSON.stringify(here('../src/store/pglite.ts'))};
    import { makeTree, unwrap } from ${JSON.stringify(here('../test/support/store-contract/fixture.ts'))};
    import { bigReport } from ${JSON.stringify(here('./store.bench.ts'))};
    const mib = () => Math.round(process.memoryUsage().rss / 2 ** 20);
    const before = mib();
    const s = unwrap(await openEmbeddedStore({ dataDir: ${JSON.stringify(dir)} }));
    const opened = mib();
    const t = await makeTree(s);
    const figures = { statedTotal: '90', computedTotal: '90', grade: '优' };
    const { report } = unwrap(await s.reports.create({ departmentId: t.department, year: 2024, kind: 'department', document: bigReport(0), figures }, null));
    const t0 = performance.now();
    for (let v = 1; v <= ${N_VERSIONS}; v++)
      unwrap(await s.reports.saveVersion({ reportId: report.id, expectedVersion: v, document: bigReport(v), figures }, null));
    const perVersion = ((performance.now() - t0) / ${N_VERSIONS}).toFixed(1);
    const after = mib();
    await s.close();
    console.log(JSON.stringify({ before, opened, after, perVersion }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  const folderMiB = Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]);
  const r: { before: number; opened: number; after: number; perVersion: string } = JSON.parse(
    out.trim().split('\n').at(-1)!,
  );
  return { ...r, folder: String(folderMiB) };
};

export const run = async (): Promise<Section> => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const openRows: string[][] = [];
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const dir = join(root, 'data');
    const folder = async () => unwrap(await openEmbeddedStore({ dataDir: dir }));
    // The first open of a new folder runs initdb and the migrations: that is the cold start.
    let emb: Store | undefined;
    const cold = await timeOnce(async () => (emb = await folder()));
    try {
      rows.push(await measure('PGlite (data folder)', emb!));
    } finally {
      await emb!.close();
    }
    const mem = embeddedMemory(dir);
    notes.push(
      `PGlite memory, measured in a fresh process on the folder above: resident ${mem.before} MiB before ` +
        `opening, ${mem.opened} MiB open, ${mem.after} MiB after ${N_VERSIONS} more versions of ` +
        `${(docBytes / 1024).toFixed(0)} KB (${mem.perVersion} ms per save there); the database folder ` +
        `holds ${mem.folder} MiB. PostgreSQL keeps its memory in the server process, not in ours.`,
    );
    const warm = await opens(folder, 5);
    const memory = await opens(async () => unwrap(await openEmbeddedStore({ dataDir: null })), 2);
    openRows.push(
      ['PGlite, new data folder (initdb + migrations)', ms(cold)],
      ['PGlite, existing data folder', ms(median(warm))],
      ['PGlite, in memory (initdb + migrations)', ms(median(memory))],
    );

    const name = `jixiao_bench_${Math.random().toString(36).slice(2, 10)}`;
    let created = false;
    try {
      await pgAdmin(`create database ${name}`);
      created = true;
    } catch (e) {
      notes.push(
        `PostgreSQL at ${PG_URL} unreachable (${e instanceof Error ? e.message : e}): not measured.`,
      );
    }
    if (created) {
      try {
        const open = () => openPostgresStore({ url: urlOf(name) });
        const pgCold = await opens(open, 1);
        const pgWarm = await opens(open, 5);
        openRows.push(
          ['PostgreSQL 15, empty database (migrations)', ms(pgCold[0]!)],
          ['PostgreSQL 15, migrated database (connect + migration check)', ms(median(pgWarm))],
        );
        const store = await open();
        try {
          rows.push(await measure('PostgreSQL 15 (local, pool of 10)', store));
        } finally {
          await store.close();
        }
      } finally {
        await pgAdmin(`drop database if exists ${name} with (force)`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const markdown = [
    `Open (ms; median of 5 reopens, of 2 in-memory creates; the cold start once):`,
    '',
    table(['open', 'ms'], openRows),
    '',
    `Operations (median ms over 40, sequential, one client; documents of ${(docBytes / 1024).toFixed(0)} KB JSON; ` +
      `bulk = ${N_VERSIONS} further versions of one report):`,
    '',
    table(
      [
        'adapter',
        'save version',
        'read report + current version',
        'list reports',
        'bulk save, per version',
        'read an old version',
      ],
      rows.map((r) => [r.adapter, ...r.cells]),
    ),
    ...notes.map((n) => `\n${n}`),
  ].join('\n');
  return { title: 'Storage: PGlite and PostgreSQL', markdown };
};
