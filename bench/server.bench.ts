/**
 * HTTP figures of `jixiao serve` (docs/server.md), each beside its floor measured in the same run, on the
 * embedded database (PGlite) and on PostgreSQL:
 *
 * - reads of a report version and saves of a new version, at 10 and at 50 concurrent connections
 *   (autocannon, closed loop, `JIXIAO_BENCH_SECONDS` per row, 5 by default);
 * - the floor: a bare hono server on the same database doing the same single-row select of the stored
 *   document (answered as the text it is stored as), or JSON.parse of the same body plus one insert of it;
 * - an open-loop mix at 100 requests/s (80% reads, 10% the bureau's report list, 5% its overview, 5%
 *   saves), its latency counted from when each request was due, so a slow answer delays none of the next.
 *
 * Each server runs in its own process (this file, started with JIXIAO_BENCH_SERVER set), so the load
 * generator does not share its event loop. Every client is a signed-in preparer (the bureau's for the
 * list and overview). In the closed loop no two saves in flight are of one report, each sending the
 * version its report's last answer gave, so every save is a real new version; the mix saves each to a
 * report of its own (made for it, at version 1). A 409 or an error is counted as refused. `JIXIAO_BENCH_DATABASES=postgres` (or
 * `pglite`) measures one database only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import os from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { SERVE_NODE_FLAGS } from '../bin/serve-flags.mjs';
import { figuresOf } from '../src/app/report-scoring.ts';
import { startServer } from '../src/server/start.ts';
import { openEmbeddedStore, openPostgresStore, type Store } from '../src/store/index.ts';
import {
  Client,
  cleanDocument,
  freshPostgres,
  makeOrg,
  PASSWORD,
  postgresProblem,
} from '../test/server/harness.ts';
import { type Section, table } from './harness.ts';

type Result = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
};
type Request = {
  method?: string;
  path?: string;
  body?: string;
  setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  requests?: Request[];
}) => Promise<Result>;

type Kind = 'pglite' | 'postgres';
type Role = 'app' | 'floor' | 'cluster';
/** Server processes of the cluster rows (PostgreSQL only). */
const CLUSTER = 2;

/** One report per connection of the closed loop (at most 50 connections). */
const REPORTS = 50;
const DURATION_S = Number(process.env.JIXIAO_BENCH_SECONDS ?? 5);
const MIX_RATE = 100;
const MIX_SECONDS = 2 * DURATION_S;
const POOL = 10; // `jixiao serve`'s pool on PostgreSQL; the floor gets the same
/** Requests of the warm-up before the reads (half of it before the saves), app and floor alike. */
const WARM_UP = Number(process.env.JIXIAO_BENCH_WARM_UP ?? 1000);
/** The saves of the mix (5% of its requests), each to its own report. */
const MIX_SAVES = Math.ceil((MIX_RATE * MIX_SECONDS) / 20);

type Ready = {
  url: string;
  ids: string[];
  /** The app's reports for the mix's saves, one each. */
  mixIds?: string[];
  bytes: number;
  preparer?: string;
  bureau?: string;
  county?: string;
};

const openDb = async (kind: Kind): Promise<{ store: Store; drop: () => Promise<void> }> => {
  if (kind === 'pglite') {
    // As `jixiao serve` runs it: PGlite in a worker thread.
    const r = await openEmbeddedStore({ dataDir: null, thread: true });
    if (!r.ok) throw new Error(r.message);
    return { store: r.value, drop: async () => {} };
  }
  const db = await freshPostgres();
  return { store: await openPostgresStore({ url: db.url, poolSize: POOL }), drop: db.drop };
};

/** The app's data: an organisation and the reports of the closed loop and of the mix. */
const prepare = async (store: Store): Promise<Omit<Ready, 'url'>> => {
  const org = await makeOrg(store);
  const doc = await cleanDocument(2023);
  const ids: string[] = [];
  for (let i = 0; i < REPORTS + MIX_SAVES; i++) {
    const r = await store.reports.create(
      { departmentId: org.deptA, year: 2000 + i, kind: 'department', document: doc, figures: figuresOf(doc) },
      org.users.prepA.id,
    );
    if (!r.ok) throw new Error(r.message);
    ids.push(r.value.report.id);
  }
  const mixIds = ids.splice(REPORTS);
  return {
    ids,
    mixIds,
    bytes: JSON.stringify(doc).length,
    preparer: org.users.prepA.username,
    bureau: org.users.bureau.username,
    county: org.county,
  };
};

/**
 * GC in a server process (bench/server-cpu.ts asks with SIGUSR2): pauses counted and summed by kind
 * (minor = scavenge, major = mark-compact), written to stdout as a `GC {…}` line.
 */
const reportGc = (): void => {
  const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.minor++;
        gc.minorMs += e.duration;
      } else {
        gc.major++;
        gc.majorMs += e.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => process.stdout.write(`GC ${JSON.stringify(gc)}\n`));
};

/** The app's server process: a fresh database with 50 draft reports, then serve until killed. */
const serveApp = async (kind: Kind): Promise<void> => {
  reportGc();
  const db = await openDb(kind);
  const data = await prepare(db.store);
  const server = await startServer({ store: db.store, port: 0, webDir: null, closeStore: false });
  process.stdout.write(`READY ${JSON.stringify({ url: server.url, ...data } satisfies Ready)}\n`);
  process.once('SIGTERM', async () => {
    await server.close();
    await db.store.close();
    await db.drop();
    process.exit(0);
  });
};

/**
 * CLUSTER server processes on one PostgreSQL behind one port (node:cluster, as `jixiao serve
 * --processes N`): this process makes the database and its data, then forks them; each has its own pool.
 */
const serveCluster = async (): Promise<void> => {
  const fresh = await freshPostgres();
  const store = await openPostgresStore({ url: fresh.url, poolSize: POOL });
  const data = await prepare(store);
  await store.close();
  let listening = 0;
  const port = await new Promise<number>((resolve) => {
    cluster.on('listening', (_w, address) => {
      if (++listening === CLUSTER) resolve(address.port);
    });
    for (let i = 0; i < CLUSTER; i++) cluster.fork({ JIXIAO_BENCH_CLUSTER_URL: fresh.url });
  });
  process.stdout.write(
    `READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, ...data } satisfies Ready)}\n`,
  );
  process.once('SIGTERM', async () => {
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (!w || w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await fresh.drop();
    process.exit(0);
  });
};

/** One of serveCluster's processes. */
const serveClusterProcess = async (url: string): Promise<void> => {
  const store = await openPostgresStore({ url, poolSize: POOL });
  const server = await startServer({ store, port: 0, webDir: null, closeStore: false });
  process.once('SIGTERM', async () => {
    await server.close();
    await store.close();
    process.exit(0);
  });
};

/** What the floor needs of a database: one query with parameters, rows back. */
type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The floor's server process: a bare hono server on the same database, with the same document stored
 * as jsonb; GET /read/:id selects it as text and answers it, POST /save parses the body and inserts it.
 */
const serveFloor = async (kind: Kind): Promise<void> => {
  reportGc();
  let query: Query;
  let close: () => Promise<void>;
  if (kind === 'pglite') {
    const db = new PGlite();
    query = async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows;
    close = () => db.close();
  } else {
    const fresh = await freshPostgres();
    const pool = new pg.Pool({ connectionString: fresh.url, max: POOL });
    pool.on('error', () => {});
    query = async (text, params) => (await pool.query(text, params)).rows;
    // Called once the requests in flight have answered: the pool is ended before its database is
    // dropped, so that no query of it meets a dropped database.
    close = async () => {
      await pool.end();
      await fresh.drop();
    };
  }
  await query(
    'create table docs (id uuid primary key default gen_random_uuid(), version int not null, document jsonb not null)',
    [],
  );
  const doc = await cleanDocument(2023);
  const ids: string[] = [];
  for (let i = 0; i < REPORTS; i++)
    ids.push(
      String((await query('insert into docs (version, document) values (1, $1) returning id', [doc]))[0]!.id),
    );
  const app = new Hono()
    .get('/read/:id', async (c) => {
      const [r] = await query('select document::text as d from docs where id = $1', [c.req.param('id')]);
      return c.body(`{"version":1,"document":${r!.d as string}}`, 200, {
        'content-type': 'application/json',
      });
    })
    .post('/save', async (c) => {
      const body = JSON.parse(await c.req.text()) as { document: unknown };
      const [r] = await query('insert into docs (version, document) values (2, $1) returning id', [
        body.document,
      ]);
      return c.json({ id: r!.id, version: 2 }, 201);
    });
  let inFlight = 0;
  const fetch = async (req: globalThis.Request): Promise<Response> => {
    inFlight++;
    try {
      return await app.fetch(req);
    } finally {
      inFlight--;
    }
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const ready: Ready = { url: `http://127.0.0.1:${port}`, ids, bytes: JSON.stringify(doc).length };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', async () => {
    // Requests the load generator left in flight answer first (bounded), then the database goes.
    server.close();
    for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    if ('closeAllConnections' in server) server.closeAllConnections();
    await close();
    process.exit(0);
  });
};

const startChild = (kind: Kind, role: Role): Promise<{ child: ChildProcess; ready: Ready }> =>
  new Promise((resolve, reject) => {
    // JIXIAO_BENCH_PROFILE=<folder>: the app's server writes a CPU profile there when it stops.
    const profile = process.env.JIXIAO_BENCH_PROFILE;
    const flags = profile && role !== 'floor' ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    // Every server, the floor's too, with the V8 flags `jixiao serve` starts with (bin/serve-flags.mjs),
    // so that the app runs as users run it and the comparison stays fair.
    const child = spawn(
      process.execPath,
      [...SERVE_NODE_FLAGS, ...flags, '--import', 'tsx', fileURLToPath(import.meta.url)],
      {
        env: { ...process.env, JIXIAO_BENCH_SERVER: `${role}:${kind}` },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = out.match(/READY (.+)\n/);
      if (m) resolve({ child, ready: JSON.parse(m[1]!) as Ready });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}: ${out}`)));
  });

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const signedIn = async (url: string, username: string) => {
  const c = new Client(url);
  if ((await c.login(username, PASSWORD)) !== 200) throw new Error(`login of ${username} failed`);
  return {
    cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': c.cookies.get('jixiao_csrf') ?? '',
    'content-type': 'application/json',
  };
};

type Figures = { rps: number; p50: number; p99: number; ok: number; refused: number };

const figures = (r: Result): Figures => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  ok: r['2xx'],
  refused: r.non2xx + r.errors + r.timeouts,
});

/** Reads and saves at 10 and 50 connections against one server (app or floor). */
const closedLoop = async (
  role: Role,
  ready: Ready,
  headers: Record<string, string>,
  doc: string,
): Promise<Record<string, Figures>> => {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const readPath = role !== 'floor' ? `/api/reports/${ready.ids[0]}/versions/1` : `/read/${ready.ids[0]}`;
  // Warm-up (V8 compiles, PostgreSQL plans, caches fill): not counted. By count, not time: on a loaded
  // machine a second is a few dozen requests, far from what V8 needs to optimise the path.
  await autocannon({ url: ready.url + readPath, connections: 10, amount: WARM_UP, headers });
  const out: Record<string, Figures> = {};
  for (const connections of [10, 50]) {
    out[`read ${connections}`] = figures(
      await autocannon({ url: ready.url + readPath, connections, duration: DURATION_S, headers }),
    );
  }
  // No two saves in flight on one report: each save takes a report no other request holds and gives it
  // back with its answer, sending the version the last answer gave (201: the new version; 409: the
  // current one); versions carry over from row to row. (autocannon clears a connection's context before
  // each of its requests, so a report kept there was a new one every time, and at 50 connections two
  // saves of one report met: 409s the bench made itself.)
  const versions = new Map(ready.ids.map((id) => [id, 1]));
  let free: string[] = [];
  let taken = 0;
  const body = (v: number) => `{"expectedVersion":${v},"summary":"bench","document":${doc}}`;
  type Own = { id?: string };
  const saveRequest = (): Request =>
    role !== 'floor'
      ? {
          method: 'POST',
          setupRequest: (req, context) => {
            const own = context as Own;
            // A request that timed out never gives its report back: then one is shared.
            own.id = free.pop() ?? ready.ids[taken++ % ready.ids.length]!;
            return { ...req, path: `/api/reports/${own.id}/versions`, body: body(versions.get(own.id)!) };
          },
          onResponse: (status, text, context) => {
            const id = (context as Own).id!;
            try {
              const j = JSON.parse(text) as { version?: { version: number }; current?: { version: number } };
              const v = status === 201 ? j.version : j.current;
              if (v) versions.set(id, v.version);
            } catch {}
            free.push(id);
          },
        }
      : { method: 'POST', path: '/save', body: body(1) };
  // Saves the last row left in flight were stored unanswered: start each row from the stored versions.
  const refresh = async () => {
    free = [...ready.ids].reverse();
    taken = 0;
    if (role === 'floor') return;
    for (const id of ready.ids) {
      const res = await fetch(`${ready.url}/api/reports/${id}`, { headers });
      const j = (await res.json()) as { report: { currentVersion: number } };
      versions.set(id, j.report.currentVersion);
    }
  };
  await refresh();
  await autocannon({
    url: ready.url,
    connections: 10,
    amount: WARM_UP / 2,
    headers,
    requests: [saveRequest()],
  });
  for (const connections of [10, 50]) {
    await refresh();
    out[`save ${connections}`] = figures(
      await autocannon({
        url: ready.url,
        connections,
        duration: DURATION_S,
        headers,
        requests: [saveRequest()],
      }),
    );
  }
  return out;
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

type MixFigures = {
  sent: number;
  ok: number;
  refused: number;
  saves: { ok: number; refused: number };
  p50: number;
  p99: number;
  max: number;
  /** p99 of each kind of request (read, list, overview, save), to tell which ones make the tail. */
  p99By: Record<string, number>;
};

/**
 * The open-loop mix: one request due every 1/MIX_RATE s whatever the answers, latency from when it was
 * due (so a queue shows as latency, not as fewer requests).
 */
const openLoopMix = async (ready: Ready, doc: string): Promise<MixFigures> => {
  const prep = await signedIn(ready.url, ready.preparer!);
  const bureau = await signedIn(ready.url, ready.bureau!);
  const mixIds = [...ready.mixIds!];
  const saves = { ok: 0, refused: 0 };
  const year = 2000; // the year of the first report: an overview with one report in it
  const kindOf = (i: number) => {
    const pick = (i * 37) % 100;
    return pick < 80 ? 'read' : pick < 90 ? 'list' : pick < 95 ? 'overview' : 'save';
  };
  const one = async (i: number): Promise<boolean> => {
    const pick = (i * 37) % 100; // a fixed interleaving of the shares
    if (pick < 80) {
      const id = ready.ids[i % ready.ids.length]!;
      const res = await fetch(`${ready.url}/api/reports/${id}/versions/1`, { headers: prep });
      await res.arrayBuffer();
      return res.ok;
    }
    if (pick < 90) {
      const res = await fetch(`${ready.url}/api/reports`, { headers: bureau });
      await res.arrayBuffer();
      return res.ok;
    }
    if (pick < 95) {
      const res = await fetch(`${ready.url}/api/dashboard?jurisdictionId=${ready.county}&year=${year}`, {
        headers: bureau,
      });
      await res.arrayBuffer();
      return res.ok;
    }
    const id = mixIds.shift();
    const res = id
      ? await fetch(`${ready.url}/api/reports/${id}/versions`, {
          method: 'POST',
          headers: prep,
          body: `{"expectedVersion":1,"summary":"bench","document":${doc}}`,
        }).catch(() => null)
      : null;
    await res?.arrayBuffer();
    const good = res?.status === 201;
    if (good) saves.ok++;
    else saves.refused++;
    return good;
  };
  const total = MIX_RATE * MIX_SECONDS;
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let ok = 0;
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / MIX_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      one(i).then(
        (good) => {
          latencies.push(performance.now() - due);
          byKind.set(kindOf(i), [...(byKind.get(kindOf(i)) ?? []), performance.now() - due]);
          if (good) ok++;
        },
        () => {
          latencies.push(performance.now() - due);
          byKind.set(kindOf(i), [...(byKind.get(kindOf(i)) ?? []), performance.now() - due]);
        },
      ),
    );
  }
  await Promise.all(pending);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok,
    refused: total - ok,
    saves,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    p99By: Object.fromEntries(
      ['read', 'list', 'overview', 'save'].map((k) => [
        k,
        percentile(
          (byKind.get(k) ?? []).sort((a, b) => a - b),
          99,
        ),
      ]),
    ),
  };
};

type KindResult = {
  app: Record<string, Figures>;
  floor: Record<string, Figures>;
  mix: MixFigures;
  /** PostgreSQL: the same rows with CLUSTER server processes behind one port. */
  cluster?: Record<string, Figures>;
};

const measure = async (kind: Kind): Promise<{ result: KindResult; bytes: number }> => {
  const doc = JSON.stringify(await cleanDocument(2023));
  const floorChild = await startChild(kind, 'floor');
  let floor: Record<string, Figures>;
  try {
    floor = await closedLoop('floor', floorChild.ready, { 'content-type': 'application/json' }, doc);
  } finally {
    await stopChild(floorChild.child);
  }
  const appChild = await startChild(kind, 'app');
  try {
    const headers = await signedIn(appChild.ready.url, appChild.ready.preparer!);
    const app = await closedLoop('app', appChild.ready, headers, doc);
    const mix = await openLoopMix(appChild.ready, doc);
    if (kind === 'pglite') return { result: { app, floor, mix }, bytes: appChild.ready.bytes };
    await stopChild(appChild.child);
    const clusterChild = await startChild(kind, 'cluster');
    try {
      const h = await signedIn(clusterChild.ready.url, clusterChild.ready.preparer!);
      const cluster = await closedLoop('cluster', clusterChild.ready, h, doc);
      return { result: { app, floor, mix, cluster }, bytes: appChild.ready.bytes };
    } finally {
      await stopChild(clusterChild.child);
    }
  } finally {
    await stopChild(appChild.child);
  }
};

/** Hand notes, kept here so that `--write` keeps them with the section it replaces. */
const NOTES = [
  'Under load, throughput follows CPU time per request: compare CPU ms per request (server process and',
  'PostgreSQL backends, from /proc, same minutes, after warm-up) rather than req/s. On PostgreSQL, load',
  '22–38, 10 connections: a read cost the app 2.8–3.8 ms of its own CPU against the floor’s 0.9–1.1, a',
  'save 10.3 ms against 2.3–2.6. Two causes in the HTTP layer, not the database: the `/api` middleware set',
  '`cache-control` on an answer already made, which turned node-server’s light response into a web',
  'Response whose 40 KB body was then streamed back out of it (~1 ms per read; now set before the route',
  'answers: reads 1.9–2.5 ms); and `limit()` (hono’s bodyLimit) opened every request body as a web stream,',
  'so the save read it back through one (now judged by Content-Length). A 1 s warm-up was a few dozen',
  'requests at that load and no save at all, so the measured rows ran unoptimised code (saves 6.1–6.6 ms',
  'once warm); the warm-up is now by count. Statements per request (counted at the driver): a read 1, a',
  'save 2. Named statements are not the cause: without them a read cost more on both sides (server',
  '2.5–3.0 ms, backend 2.5–2.8 ms, against 2.1–2.6 and 2.0–2.2 named). Of the backend’s time per read,',
  'the join is 0.06 ms; the rest is detoasting and writing the 40 KB jsonb as text, as in the floor.',
  'With both changes, load 6–7, 6 s after warm-up, 10 connections: saves 281 req/s (p99 75 ms) against the',
  'floor’s 292 (p99 99 ms), server CPU 3.0 against 1.3 ms; reads still 170 req/s against 540, server CPU',
  '1.9 against 0.5 ms, backend 1.9 against 1.1 ms: the read path’s remaining CPU is young-generation GC',
  '(its objects are promoted, ~2.8 MB per scavenge, where the floor’s are not) and response headers.',
  'The server started with `--max-semi-space-size=64` kept the heap flat (GC 17% → 3.5% of its busy',
  'time) and cut server CPU per read on PostgreSQL from 1.5–2.0 to 1.0–1.5 ms (load 3–9).',
  '',
  '2026-12-07, landed: `jixiao serve` runs with `--max-semi-space-size=64` (bin/jixiao starts it again as',
  'a child with the flag; docs/server.md), and so do all the servers here, the floor’s too; a read is',
  'answered whole (one text and one precomputed plain set of headers with its Content-Length, which no',
  'middleware touches after: node-server writes it directly). Measured with `bench/server-cpu.ts` (the',
  'variants’ servers side by side, in turns; CPU of the server process and of its PostgreSQL backends',
  'from /proc; GC pauses reported by the server), medians of 9 rounds of 3 s at 50 connections, load',
  '35–43: server CPU per read 1.07 ms with the flag and the old answer, 1.18 with the new answer and no',
  'flag, 0.84 with both, the floor 0.59; GC pauses 0.19 / 0.46 / 0.14 ms per read (floor 0.09) and',
  'mark-compacts 4.1 / 4.6 / 0 per 1000 reads. At 10 connections (load 36–41; the Buffer form below): 0.62 ms against 0.72',
  'before the answer change, floor 0.44. One Buffer (head, document and brace written into one of the',
  'exact size) instead of one string: 0.83 ms, the same; the string is kept (a 40 KB Buffer per read is',
  'memory outside V8’s heap that only a GC frees). The backends cost 0.62–0.74 ms per read against the',
  'floor’s 0.55–0.79 in the same runs: no gap left there to close by selecting fewer columns, so the read',
  'statement is as it was. At a load of 35–55 the req/s and p99 figures of such runs swing by 2–3× from',
  'round to round; compare CPU per read.',
  '',
  "The bench after these changes (PostgreSQL only, the floor's rows measured first), two runs at 07:14",
  'and 07:18 UTC, load 12.9 → 14.9 and 8.5 → 13.1: reads 36% / 50% and 27% / 26% of the floor at 10 / 50',
  'connections (the app 377–435 req/s, the floor 876–1493), p99 1.4× / 2.9× and 2.0× / 5.4×; the mix',
  'p99 3.7 s and 703 ms. That morning, before them, load 1.1–3.3: 63% / 75%, p99 1.7× / 1.2×, mix p99',
  '197 ms. With the load rising through each run, these rows do not tell whether the changes moved the',
  'throughput; the CPU per read above says they lowered it. The table above, run again at load 2.3–4.8',
  '(08:04 UTC), judges the goal: reads 62% / 77% of the floor, p99 1.5× / 1.3×.',
  'In turns instead (bench/server-cpu.ts, 07:22 UTC, load 7.5–9.8, 5 rounds of 3 s, 10 connections):',
  'main as it was (no flag) 0.90 ms of server CPU per read, 758 req/s, p99 75 ms; with these changes',
  "0.56 ms, 945 req/s (72% of the floor's 1304), p99 36 ms (the floor's 43); the floor 0.38 ms; backends",
  "0.66 / 0.55 / 0.49 ms. The flag's price: the server's RSS after the run 304 MiB against 206.",
  '',
  'Saves on PostgreSQL, 2026-12-07: the refused saves of the 50-connection rows (110, and 293 with two',
  'processes) were 409 version-conflicts the bench made itself. autocannon clears a connection’s context',
  'before each of its requests, so the report a connection kept there changed at every request, and at 50',
  'connections two saves of one report were in flight at once (reproduced, load 29: 65 of 600 saves',
  'answered version-conflict, nothing else refused). Each such 409 also cost the server more than a save',
  '(the report and its current version read back, the 28 KB document answered): the drop from 10 to 50',
  'connections. The bench now gives each save in flight a report no other one holds; no save was refused',
  'in the runs since but one in a 50-connection row at load 31–42 (p99 4.6 s; likely autocannon’s 10 s',
  'timeout, not told apart). The save’s body is now checked first by one function that `z.compile` makes',
  'of the same schema with the indicator tree unrolled to 4 levels (the recursive schema has a reference',
  'cycle, which it does not compile); what that refuses is parsed by the full schema as before, so the',
  'verdicts and messages are the same: 0.26 against 0.49 ms of CPU per body (medians of 25 × 300, one',
  'process, load 32). Server CPU per save, before and after in the same run (/proc, medians of 5 × 400',
  'saves, load 36–52): 3.7 against 4.5 ms at 10 connections, 4.4 against 4.8 at 50; backends 2.4 against',
  '2.5; the floor’s server 1.8, its backends 2.0–2.2. With `--max-semi-space-size=64`: 3.9 and 3.4 ms, not',
  'told apart from the noise at that load. The rows’ req/s at that load mean little; by CPU a save costs',
  'the app (server and backends) 6.2 ms against the floor’s 4.0, so 65% of the floor’s throughput where',
  'both cores are the limit (58% before). On 2 cores, though, one server process is limited by its own',
  'thread, 3.7 ms per save against the floor’s 1.8: the rows with `--processes 2` are the ones to compare.',
  'Left in that thread per save (profile at load 30): scoring, JSON.parse of the body and JSON.stringify',
  'of the document (as in the floor), the report’s read (the second statement), GC.',
  'At load 2.3–4.8 (the table above, 08:04 UTC): saves 45% of the floor at 10 connections and 52% at 50,',
  '282 against 247 req/s (no drop), none refused; with `--processes 2` 54% / 52%. One process at 10',
  'connections is still short of the goal (50%).',
  '',
  '2026-12-07 (the mix, issue 18): the slow 1–2% of the mix were the first bureau list after a run of saves',
  'and the lists and overviews asked beside it. The current versions this process had not audited yet (in',
  'the bench 100: the 50 reports the closed loop saved and the mix’s own 50) were read in one statement and',
  'audited in one synchronous loop (2.4–3 ms of CPU each), so every request due meanwhile waited behind',
  '~300 ms of the HTTP thread’s work (one stall of that length delays ~30 of the mix’s requests: the p99);',
  'on PGlite every list asked meanwhile audited them all again. Now a version being audited is shared by the',
  'views that need it, read 10 at a time and audited with the event loop let go between two documents, and',
  'PGlite’s thread answers json and jsonb as text (reading 100 documents: 180 → 98 ms of CPU, 47 → 27 ms of',
  'it in the HTTP thread). In process, 3 lists and an overview at once over 100 unaudited versions, A/B in',
  'one run, medians of 3: PGlite (load 39–52) CPU 1,445 → 465 ms, longest event-loop stall 6,216 → 150 ms;',
  'PostgreSQL (load 35–39) CPU 446 → 347 ms, stall 1,864 → 101 ms. The mix itself could not be judged that',
  'day: at load 33–53 the server is saturated at 100 requests/s before and after (answers seconds late, so',
  'the p99 measures the backlog; 3 A/B rounds, medians): PGlite p99 44.7 s before, 27.2 s after, 23.9 s',
  'after with `--max-semi-space-size=64`; PostgreSQL 14.5 s before, 10.5 s after, 9.6 s with it.',
  'Two runs of the whole bench after, load 13.2 and 7.3–9.2: PGlite p99 72 ms (p50 4, max 498; p99 of reads /',
  'lists / overviews / saves 44 / 419 / 378 / 100 ms: the tail is now the lists and overviews that wait for',
  'the first audit of the 100 versions) and 1,225 ms (p50 219 ms: saturated during that mix); PostgreSQL',
  '(second run) p99 144 ms (p50 7, max 799; 104 / 720 / 653 / 136). At load 2.3–4.8 (the table above, 08:04',
  'UTC, all of the day’s changes): PGlite p99 27 ms, PostgreSQL 24 ms (lists / overviews 147 / 120 and',
  '218 / 174 ms), within the goal on both; one run each.',
  '',
  '2026-12-07, later (saves, issue 18): on PostgreSQL each connection now writes documents with lz4',
  '(`default_toast_compression`, where the server has it), and a save whose document validation kept whole',
  "(no unknown key dropped) is stored from the request body's own text (`$1::jsonb -> 'document'`) instead of",
  "being stringified again. The save's CPU, A/B (bench/server-cpu.ts with `SERVER_CPU_REQUEST=save`, 10",
  "connections, medians of 5 rounds, load 1.5 at the start): the backends' CPU per save 2.46 → 1.87 ms with lz4 (the",
  "floor's, with pglz, 2.14); one connection inserting the 28 KB document 2,000 times costs its backend",
  '1.14–1.30 ms with pglz and 0.60–0.65 with lz4 (14.3 KB stored against 12.2). In process, JSON.stringify of',
  'the document took 0.10–0.17 ms and the check that validation kept it whole takes 0.03. Against the code of',
  'the morning, in turns (load 5.1–6.6, 7 rounds): server CPU per save 3.45 → 2.82 ms, backends 3.24 → 2.53,',
  "169 → 191 req/s (the floor 257); by CPU (server and backends together) a save now costs 1.20× the floor's",
  '(83% of its throughput where both cores are the limit; 1.50×, 66%, before), 1.37× (73%) against a floor that would use lz4 too. Tried and not kept: a',
  'strict copy of the schema refusing unknown keys (compiled, it validates in ~100 µs where the stripping',
  'schema takes 17 µs once V8 has optimised it: more than the stringify it saved); letting at most 10 saves',
  'in at once at 50 connections (GC per save 0.25 → 0.19 ms, peak RSS 352 → 327 MiB, throughput not told',
  'apart from the noise in two A/Bs). The table above (10:10 UTC, load 1.9 → 4.6): PostgreSQL saves 88% /',
  '78% of the floor at 10 / 50 connections (412 / 391 req/s), reads 73% / 81% with p99 1.6× / 1.1×; PGlite',
  'reads 106% / 121%, saves 87% / 84%; the mix p99 31 ms on both; with `--processes 2` saves 72% / 84% and',
  'reads 66% / 67% (on 2 cores two server processes, their backends and the load generator contend: one',
  'process is the arrangement to use there).',
].join('\n');

const LABELS: Record<Kind, string> = { pglite: 'PGlite (in memory)', postgres: 'PostgreSQL 15 (local)' };
const pct = (a: number, b: number) => (b > 0 ? `${Math.round((100 * a) / b)}%` : '—');
const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '—');

const rowsOf = (kind: Kind, r: KindResult, app = r.app, label = LABELS[kind]): string[][] =>
  ['read 10', 'read 50', 'save 10', 'save 50'].map((what) => {
    const a = app[what]!;
    const f = r.floor[what]!;
    const [verb, conns] = what.split(' ');
    return [
      label,
      `${verb === 'read' ? 'read a version (GET)' : 'save a version (POST)'}, ${conns} conn.`,
      `${a.rps.toFixed(0)} req/s, p50 ${a.p50} ms, p99 ${a.p99} ms`,
      `${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms`,
      pct(a.rps, f.rps),
      x(a.p99, f.p99),
      `${a.ok} / ${a.refused}`,
    ];
  });

export const run = async (): Promise<Section> => {
  const load = os.loadavg()[0]!.toFixed(1);
  const results: [Kind, KindResult][] = [];
  let bytes = 0;
  const only = process.env.JIXIAO_BENCH_DATABASES?.split(',');
  if (!only || only.includes('pglite')) {
    const pglite = await measure('pglite');
    results.push(['pglite', pglite.result]);
    bytes = pglite.bytes;
  }
  const problem = only && !only.includes('postgres') ? null : await postgresProblem();
  if (!problem && (!only || only.includes('postgres'))) {
    const postgres = await measure('postgres');
    results.push(['postgres', postgres.result]);
    bytes = postgres.bytes;
  }
  const loadEnd = os.loadavg()[0]!.toFixed(1);
  const closed = results.flatMap(([k, r]) => [
    ...rowsOf(k, r),
    ...(r.cluster ? rowsOf(k, r, r.cluster, `${LABELS[k]}, ${CLUSTER} server processes`) : []),
  ]);
  const mix = results.map(([k, r]) => [
    LABELS[k],
    String(r.mix.sent),
    `${r.mix.ok} / ${r.mix.refused}`,
    `${r.mix.saves.ok} / ${r.mix.saves.refused}`,
    `${r.mix.p50.toFixed(0)} ms`,
    `${r.mix.p99.toFixed(0)} ms`,
    `${r.mix.max.toFixed(0)} ms`,
    ['read', 'list', 'overview', 'save'].map((k) => (r.mix.p99By[k] ?? 0).toFixed(0)).join(' / '),
  ]);
  return {
    title: 'HTTP server (jixiao serve)',
    markdown: [
      `One server process (PGlite: in a worker thread, as \`jixiao serve\` runs it), loopback, the load ` +
        `generator (autocannon) in the bench process; every server, the floor's too, runs with ` +
        `\`${SERVE_NODE_FLAGS.join(' ')}\` as \`jixiao serve\` does; ${DURATION_S} s per row after a warm-up of ${WARM_UP} reads and ${WARM_UP / 2} saves. Each request ` +
        "carries a session cookie and is authorised by scope; a read returns the version's document, a save " +
        'validates the document (zod), scores it and stores a new version in one statement (no two saves ' +
        "in flight are of one report; each sends the version its report's last answer gave). The document is the demo's 农业农村局 " +
        `report, ${Math.round(bytes / 1024)} KB of JSON. The floor is a bare hono server on the same database ` +
        '(PGlite in its own thread) in the same run: the same single-row select of the stored document ' +
        '(answered as its text), or JSON.parse of the same body plus one insert of it. The rows "' +
        `${CLUSTER} server processes" are \`jixiao serve --processes ${CLUSTER}\`'s arrangement (node:cluster, ` +
        'one port, a pool of 10 each) on one PostgreSQL, against the same one-process floor.' +
        (problem ? ` PostgreSQL was unreachable (${problem}): its rows are missing.` : ''),
      '',
      `**Measured under load**: the machine (2 cores) was shared with other engineers' builds and tests; ` +
        `load average ${load} at the start, ${loadEnd} at the end. Compare rows with their floor, not runs.`,
      '',
      table(
        ['database', 'request', 'app', 'floor', 'app / floor (req/s)', 'p99 vs floor', 'ok / refused'],
        closed,
      ),
      '',
      `Open-loop mix at ${MIX_RATE} requests/s for ${MIX_SECONDS} s (80% reads of a version, 10% the bureau's ` +
        'report list, 5% its overview, 5% saves); latency from when each request was due:',
      '',
      table(
        [
          'database',
          'requests',
          'ok / refused',
          'saves ok / refused',
          'p50',
          'p99',
          'max',
          'p99 of reads / lists / overviews / saves (ms)',
        ],
        mix,
      ),
      '',
      'Goals (issue 18): reads ≥ 60% of the floor and p99 ≤ 2× the floor; saves ≥ 50% of the floor and no ' +
        'drop from 10 to 50 connections; the mix p99 < 100 ms on both databases.',
      '',
      NOTES,
    ].join('\n'),
  };
};

const asServer = process.env.JIXIAO_BENCH_SERVER;
const clusterUrl = process.env.JIXIAO_BENCH_CLUSTER_URL;
if (cluster.isWorker && clusterUrl) await serveClusterProcess(clusterUrl);
else if (asServer) {
  const [role, kind] = asServer.split(':') as [Role, Kind];
  if (role === 'app') await serveApp(kind);
  else if (role === 'cluster') await serveCluster();
  else await serveFloor(kind);
}
