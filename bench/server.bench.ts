/**
 * HTTP figures of `jixiao serve` (docs/server.md): requests per second and p99 latency with 50
 * concurrent clients on loopback, ~5 s per row, for reading a report version and for saving a new
 * version — on the embedded database (PGlite) and on PostgreSQL in the same run.
 *
 * The server runs in its own process (this file, started with JIXIAO_BENCH_SERVER set), so the load
 * generator does not share its event loop. Every client is a signed-in preparer. Saves go to 50 reports,
 * each taken by one request at a time with its current version, so every save is a real new version;
 * a 409 or an error would be counted as refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { figuresOf } from '../src/app/report-scoring.ts';
import { startServer } from '../src/server/start.ts';
import {
  Client,
  cleanDocument,
  makeOrg,
  openTestDb,
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
};
type Request = {
  method?: string;
  path?: string;
  body?: string;
  setupRequest?: (req: Request) => Request;
  onResponse?: (status: number, body: string) => void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: Request[];
}) => Promise<Result>;

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.JIXIAO_BENCH_SECONDS ?? 5);

type Ready = { url: string; username: string; ids: string[]; bytes: number };

/** The server process: a fresh database with 50 draft reports, then serve until killed. */
const serveForBench = async (kind: 'pglite' | 'postgres'): Promise<void> => {
  const db = await openTestDb(kind);
  const org = await makeOrg(db.store);
  const doc = await cleanDocument(2023);
  const ids: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const r = await db.store.reports.create(
      { departmentId: org.deptA, year: 3000 + i, kind: 'department', document: doc, figures: figuresOf(doc) },
      org.users.prepA.id,
    );
    if (!r.ok) throw new Error(r.message);
    ids.push(r.value.report.id);
  }
  const server = await startServer({ store: db.store, port: 0, webDir: null, closeStore: false });
  const ready: Ready = {
    url: server.url,
    username: org.users.prepA.username,
    ids,
    bytes: JSON.stringify(doc).length,
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', async () => {
    await server.close();
    await db.store.close();
    await db.drop();
    process.exit(0);
  });
};

const startChild = (kind: 'pglite' | 'postgres'): Promise<{ child: ChildProcess; ready: Ready }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, JIXIAO_BENCH_SERVER: kind },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const measure = async (kind: 'pglite' | 'postgres'): Promise<{ rows: string[][]; bytes: number }> => {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const { child, ready } = await startChild(kind);
  try {
    const c = new Client(ready.url);
    if ((await c.login(ready.username, PASSWORD)) !== 200) throw new Error('login failed');
    const headers = {
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.cookies.get('jixiao_csrf') ?? '',
      'content-type': 'application/json',
    };
    const read = await autocannon({
      url: `${ready.url}/api/reports/${ready.ids[0]}/versions/1`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers,
    });

    // One request per report at a time: a request takes a free report with its version, the answer
    // (201: the new version; 409: the current one) gives it back.
    const doc = JSON.stringify(await cleanDocument(2023));
    const free = ready.ids.map((id) => ({ id, version: 1 }));
    const body = (v: number) => `{"expectedVersion":${v},"summary":"bench","document":${doc}}`;
    const save = await autocannon({
      url: ready.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const r = free.shift() ?? { id: ready.ids[0]!, version: 1 };
            return { ...req, path: `/api/reports/${r.id}/versions`, body: body(r.version) };
          },
          onResponse: (status, text) => {
            try {
              const j = JSON.parse(text) as {
                version?: { reportId: string; version: number };
                current?: { reportId: string; version: number };
              };
              const v = status === 201 ? j.version : j.current;
              if (v) free.push({ id: v.reportId, version: v.version });
            } catch {}
          },
        },
      ],
    });
    const label = kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15 (local)';
    const row = (what: string, r: Result) => [
      label,
      what,
      r.requests.average.toFixed(0),
      `${r.latency.p50} ms`,
      `${r.latency.p99} ms`,
      `${r['2xx']} / ${r.non2xx + r.errors}`,
    ];
    return {
      rows: [row('read a version (GET)', read), row('save a version (POST)', save)],
      bytes: ready.bytes,
    };
  } finally {
    await stopChild(child);
  }
};

export const run = async (): Promise<Section> => {
  const pglite = await measure('pglite');
  const rows = [...pglite.rows];
  const problem = await postgresProblem();
  if (problem) rows.push(['PostgreSQL', `unreachable (${problem})`, '—', '—', '—', '—']);
  else rows.push(...(await measure('postgres')).rows);
  return {
    title: 'HTTP server (jixiao serve)',
    markdown: [
      `${CONNECTIONS} concurrent clients on loopback (autocannon in the bench process), ${DURATION_S} s per row, ` +
        `one server process. Each request carries a session cookie (looked up in the database) and is authorised ` +
        `by scope; a read returns the version's document, a save validates the document (zod), scores it and ` +
        `stores a new version. The document is the demo's 农业农村局 report, ${Math.round(pglite.bytes / 1024)} KB of JSON.`,
      '',
      table(['database', 'request', 'requests/s', 'p50', 'p99', 'ok / refused'], rows),
    ].join('\n'),
  };
};

const asServer = process.env.JIXIAO_BENCH_SERVER;
if (asServer === 'pglite' || asServer === 'postgres') await serveForBench(asServer);
