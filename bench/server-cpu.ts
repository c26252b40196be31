/**
 * CPU time per read (or per save: `SERVER_CPU_REQUEST=save`) of `jixiao serve` on PostgreSQL, A/B in one run: the server process's own CPU and its
 * database backends', per request, from /proc, for several variants of the app server (a checkout and the
 * node flags it runs with) and for the floor (bench/server.bench.ts's), all started at once and measured
 * in turns (the order rotating each round), so that the load of a shared machine falls on all alike.
 * Linux only (it reads /proc).
 *
 *   JIXIAO_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx tsx bench/server-cpu.ts new=. noflags=.,  base=/tmp/base
 *
 * A variant is `name=checkout` (run with bin/serve-flags.mjs's flags), `name=checkout,` (no flags) or
 * `name=checkout,--flag,--flag`. `SERVER_CPU_ROUNDS` rounds (default 5) of `SERVER_CPU_SECONDS` (4) each,
 * `SERVER_CPU_CONNECTIONS` connections (10), after a warm-up of 2,000 requests each. Medians are printed.
 * Saves are of the demo's document, each to a report no other save in flight holds (as in the bench), and
 * the floor's save is its JSON.parse plus one insert.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SERVE_NODE_FLAGS } from '../bin/serve-flags.mjs';
import { ADMIN_URL, Client, cleanDocument, PASSWORD } from '../test/server/harness.ts';

const ROUNDS = Number(process.env.SERVER_CPU_ROUNDS ?? 5);
const SECONDS = Number(process.env.SERVER_CPU_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.SERVER_CPU_CONNECTIONS ?? 10);
const SAVES = process.env.SERVER_CPU_REQUEST === 'save';
const UNIT = SAVES ? 'save' : 'read';
const HERE = fileURLToPath(new URL('..', import.meta.url));
const TICK_MS = 1000 / 100; // USER_HZ

type Gc = { minor: number; minorMs: number; major: number; majorMs: number };
type Ready = { url: string; ids: string[]; preparer?: string };
type Variant = {
  name: string;
  checkout: string;
  flags: string[];
  role: 'app' | 'floor';
  child?: ChildProcess;
  ready?: Ready;
  headers?: Record<string, string>;
  path?: string;
  /** Saves: each report's last version as its last answer gave it, and the reports no save holds. */
  versions?: Map<string, number>;
  free?: string[];
  rows: { cpu: number; sys: number; backend: number; rps: number; p99: number; gc: number; major: number }[];
  /** The server's last `GC {…}` line (bench/server.bench.ts's reportGc; none from an older checkout). */
  gc?: Promise<Gc | null>;
  onGc?: (g: Gc) => void;
};

const variantOf = (arg: string): Variant => {
  const name = arg.slice(0, arg.indexOf('='));
  const rest = arg.slice(arg.indexOf('=') + 1);
  const [checkout, ...flags] = rest.split(',');
  return {
    name,
    checkout: resolve(checkout!),
    flags: rest.includes(',') ? flags.filter((f) => f !== '') : [...SERVE_NODE_FLAGS],
    role: 'app',
    rows: [],
  };
};

const admin = new pg.Client({ connectionString: ADMIN_URL });
const PG_PORT = Number(new URL(ADMIN_URL).port || 5432);

/** The local ports of a process's TCP connections to PostgreSQL (its sockets, found in /proc/net/tcp*). */
const clientPorts = (pid: number): number[] => {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {}
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9]!)) continue;
      const local = Number.parseInt(f[1]!.split(':')[1]!, 16);
      const remote = Number.parseInt(f[2]!.split(':')[1]!, 16);
      if (remote === PG_PORT) ports.push(local);
    }
  }
  return ports;
};

/** CPU ms a process has used so far (all its threads) and the kernel's part of it; zeros once it is gone. */
const timesOf = (pid: number): { cpu: number; sys: number } => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { cpu: (Number(f[11]) + Number(f[12])) * TICK_MS, sys: Number(f[12]) * TICK_MS };
  } catch {
    return { cpu: 0, sys: 0 };
  }
};
const cpuOf = (pid: number): number => timesOf(pid).cpu;
/** The PostgreSQL backends serving a process's connections. */
const backends = async (pid: number): Promise<number[]> =>
  (
    await admin.query<{ pid: number }>('select pid from pg_stat_activity where client_port = any($1)', [
      clientPorts(pid),
    ])
  ).rows.map((r) => r.pid);

/** Starts a variant's server (its checkout's bench/server.bench.ts as a server process). */
const start = async (v: Variant): Promise<void> => {
  const child = spawn(
    process.execPath,
    [...v.flags, '--import', 'tsx', join(v.checkout, 'bench/server.bench.ts')],
    {
      cwd: v.checkout,
      env: { ...process.env, JIXIAO_BENCH_SERVER: `${v.role}:postgres` },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  v.child = child;
  v.ready = await new Promise<Ready>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = out.match(/READY (.+)\n/);
      if (m) res(JSON.parse(m[1]!) as Ready);
      for (const g of out.matchAll(/^GC (.+)$/gm)) v.onGc?.(JSON.parse(g[1]!) as Gc);
      out = out.slice(out.lastIndexOf('\n') + 1);
    });
    child.once('exit', (code) => rej(new Error(`${v.name} exited ${code}: ${out}`)));
  });
  if (v.role === 'app') {
    const c = new Client(v.ready.url);
    if ((await c.login(v.ready.preparer!, PASSWORD)) !== 200) throw new Error('login failed');
    v.headers = {
      cookie: [...c.cookies].map(([k, val]) => `${k}=${val}`).join('; '),
      'x-csrf-token': c.cookies.get('jixiao_csrf') ?? '',
      'content-type': 'application/json',
    };
    v.path = `/api/reports/${v.ready.ids[0]}/versions/1`;
    v.versions = new Map(v.ready.ids.map((id) => [id, 1]));
  } else {
    v.headers = {};
    v.path = `/read/${v.ready.ids[0]}`;
  }
};

const DOC = SAVES ? JSON.stringify(await cleanDocument(2023)) : '';
const body = (version: number) => `{"expectedVersion":${version},"summary":"bench","document":${DOC}}`;

/**
 * What autocannon asks of a variant: a read of one version, or saves, each of a report no other save in
 * flight holds, sent with the version its last answer gave (autocannon clears a connection's context
 * before each request, so the report is taken from and given back to a free list).
 */
const load = (v: Variant, amount: { amount: number } | { duration: number }, connections: number) => {
  const base = { url: v.ready!.url, connections, headers: v.headers, ...amount };
  if (!SAVES) return { ...base, url: v.ready!.url + v.path };
  if (v.role === 'floor') return { ...base, url: `${v.ready!.url}/save`, method: 'POST', body: body(1) };
  v.free = [...v.ready!.ids].reverse();
  let taken = 0;
  type Own = { id?: string };
  return {
    ...base,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: object, context: Own) => {
          context.id = v.free!.pop() ?? v.ready!.ids[taken++ % v.ready!.ids.length]!;
          return {
            ...req,
            path: `/api/reports/${context.id}/versions`,
            body: body(v.versions!.get(context.id)!),
          };
        },
        onResponse: (status: number, text: string, context: Own) => {
          try {
            const j = JSON.parse(text) as { version?: { version: number }; current?: { version: number } };
            const got = status === 201 ? j.version : j.current;
            if (got) v.versions!.set(context.id!, got.version);
          } catch {}
          v.free!.push(context.id!);
        },
      },
    ],
  };
};

type Result = { requests: { total: number }; latency: { p99: number }; '2xx': number; non2xx: number };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: object) => Promise<Result>;

/** Asks the server for its GC figures (SIGUSR2); null when it gives none within a second. */
const gcOf = (v: Variant): Promise<Gc | null> =>
  new Promise((res) => {
    // An older checkout's server has no handler: SIGUSR2 would end it.
    if (!readFileSync(join(v.checkout, 'bench/server.bench.ts'), 'utf8').includes('SIGUSR2'))
      return res(null);
    const timer = setTimeout(() => {
      v.onGc = undefined;
      res(null);
    }, 1000);
    v.onGc = (g) => {
      clearTimeout(timer);
      v.onGc = undefined;
      res(g);
    };
    v.child!.kill('SIGUSR2');
  });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const main = async () => {
  await admin.connect();
  const variants = [
    ...process.argv.slice(2).map(variantOf),
    {
      name: 'floor',
      checkout: HERE,
      // SERVER_CPU_FLOOR_FLAGS: more node flags for the floor's server (e.g. to profile it too).
      flags: [...SERVE_NODE_FLAGS, ...(process.env.SERVER_CPU_FLOOR_FLAGS?.split(',') ?? [])],
      role: 'floor',
      rows: [],
    } as Variant,
  ];
  try {
    for (const v of variants) await start(v);
    for (const v of variants) {
      const r = await autocannon(load(v, { amount: 2000 }, 10));
      if (r.non2xx) throw new Error(`${v.name}: ${r.non2xx} answers not 2xx`);
    }
    const loads = [os.loadavg()[0]!];
    for (let round = 0; round < ROUNDS; round++) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
      for (const v of order) {
        // The pool closes idle connections: opened again (all of them) before their pids are taken.
        await autocannon(load(v, { amount: 300 }, CONNECTIONS));
        const pids = await backends(v.child!.pid!);
        const gc0 = await gcOf(v);
        const t0 = timesOf(v.child!.pid!);
        const be0 = pids.reduce((s, p) => s + cpuOf(p), 0);
        const r = await autocannon(load(v, { duration: SECONDS }, CONNECTIONS));
        const n = r['2xx'];
        const t1 = timesOf(v.child!.pid!);
        const cpu = t1.cpu - t0.cpu;
        const sys = t1.sys - t0.sys;
        const be = pids.reduce((s, p) => s + cpuOf(p), 0) - be0;
        const gc1 = await gcOf(v);
        v.rows.push({
          cpu: cpu / n,
          sys: sys / n,
          backend: be / n,
          rps: n / SECONDS,
          p99: r.latency.p99,
          // GC pause ms per request, and mark-compacts per 1000 requests (-1: not reported).
          gc: gc0 && gc1 ? (gc1.minorMs + gc1.majorMs - gc0.minorMs - gc0.majorMs) / n : -1,
          major: gc0 && gc1 ? ((gc1.major - gc0.major) * 1000) / n : -1,
        });
      }
      loads.push(os.loadavg()[0]!);
    }
    const rss = (pid: number) =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    process.stdout.write(
      `load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} conn.; medians (min–max)\n`,
    );
    process.stdout.write(
      `variant | server CPU ms/${UNIT} | of it system | backend CPU ms/${UNIT} | req/s | p99 ms | GC pause ms/${UNIT} | mark-compacts per 1000 ${UNIT}s | RSS MiB\n`,
    );
    for (const v of variants) {
      const col = (k: 'cpu' | 'sys' | 'backend' | 'rps' | 'p99' | 'gc' | 'major', d: number) => {
        const xs = v.rows.map((r) => r[k]);
        return `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
      };
      process.stdout.write(
        `${v.name} [${v.flags.join(' ')}] | ${col('cpu', 2)} | ${col('sys', 2)} | ${col('backend', 2)} | ${col('rps', 0)} | ${col('p99', 0)} | ${col('gc', 3)} | ${col('major', 2)} | ${rss(v.child!.pid!).toFixed(0)}\n`,
      );
    }
  } finally {
    await Promise.all(
      variants.map(
        (v) =>
          new Promise<void>((res) => {
            if (!v.child || v.child.exitCode !== null) return res();
            v.child.removeAllListeners('exit');
            v.child.once('exit', () => res());
            v.child.kill('SIGTERM');
          }),
      ),
    );
    await admin.end();
  }
};

await main();
