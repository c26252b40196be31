/**
 * Server reads while hostile files arrive (issue 15): p50/p99 of reading a report version with 20
 * concurrent clients, first alone, then while one hostile upload per second arrives (in turn a .docx
 * whose 60 MB document part is 1.4 MB on disk, and an .xlsx whose zip directory understates a 1 GB
 * entry). The uploads are read in child processes (src/formats/isolate), so the server's thread only
 * waits for them. The server runs in its own process (this file with JIXIAO_BENCH_SERVER set).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { figuresOf } from '../src/app/report-scoring.ts';
import { startServer } from '../src/server/start.ts';
import { Client, cleanDocument, makeOrg, openTestDb, PASSWORD } from '../test/server/harness.ts';
import { hugeDocx } from '../test/support/formats/hostile-files.ts';
import { withBombs } from '../test/support/formats/hostile-zips.ts';
import { type Section, table } from './harness.ts';

type Result = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<Result>;

const CONNECTIONS = 20;
const DURATION_S = Number(process.env.JIXIAO_BENCH_SECONDS ?? 10);

type Ready = { url: string; username: string; id: string };

const serveForBench = async (): Promise<void> => {
  const db = await openTestDb('pglite');
  const org = await makeOrg(db.store);
  const doc = await cleanDocument(2023);
  const r = await db.store.reports.create(
    { departmentId: org.deptA, year: 3000, kind: 'department', document: doc, figures: figuresOf(doc) },
    org.users.prepA.id,
  );
  if (!r.ok) throw new Error(r.message);
  const server = await startServer({ store: db.store, port: 0, webDir: null, closeStore: false });
  const ready: Ready = { url: server.url, username: org.users.prepA.username, id: r.value.report.id };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', async () => {
    await server.close();
    await db.store.close();
    process.exit(0);
  });
};

const startChild = (): Promise<{ child: ChildProcess; ready: Ready }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, JIXIAO_BENCH_SERVER: 'pglite' },
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

const hostileFiles = async (): Promise<{ name: string; bytes: Uint8Array }[]> => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').getCell(1, 1).value = '项目名称';
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  return [
    { name: 'huge-part.docx', bytes: await hugeDocx(60) },
    {
      name: 'lying.xlsx',
      bytes: await withBombs(xlsx, [{ name: 'xl/worksheets/sheet9.xml', bytes: 1 << 30, declared: 2048 }]),
    },
  ];
};

export const run = async (): Promise<Section> => {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const files = await hostileFiles();
  const load = os.loadavg()[0]!.toFixed(1);
  const { child, ready } = await startChild();
  try {
    const reader = new Client(ready.url);
    const uploader = new Client(ready.url);
    for (const c of [reader, uploader])
      if ((await c.login(ready.username, PASSWORD)) !== 200) throw new Error('login failed');
    const headers = { cookie: [...reader.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const read = () =>
      autocannon({
        url: `${ready.url}/api/reports/${ready.id}/versions/1`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers,
      });
    const alone = await read();
    // One hostile upload per second while the reads run; each answer's status and time are kept.
    const answers: { status: number; ms: number }[] = [];
    let stop = false;
    const uploads: Promise<void>[] = [];
    const ticker = setInterval(() => {
      if (stop) return;
      const f = files[answers.length % files.length]!;
      const form = new FormData();
      form.set('file', new File([f.bytes], f.name));
      form.set('year', '2023');
      const t = performance.now();
      uploads.push(
        uploader.fetch('POST', '/api/reports/upload', { form }).then(async (res) => {
          await res.arrayBuffer();
          answers.push({ status: res.status, ms: performance.now() - t });
        }),
      );
    }, 1000);
    const hostile = await read();
    stop = true;
    clearInterval(ticker);
    await Promise.all(uploads);
    const row = (what: string, r: Result) => [
      what,
      r.requests.average.toFixed(0),
      `${r.latency.p50} ms`,
      `${r.latency.p99} ms`,
      `${r['2xx']} / ${r.non2xx + r.errors}`,
    ];
    const statuses = [...new Set(answers.map((a) => a.status))].join(', ');
    const slowest = Math.max(...answers.map((a) => a.ms));
    return {
      title: 'Server reads under hostile uploads',
      markdown: [
        `${CONNECTIONS} concurrent clients read a report version (GET) for ${DURATION_S} s on PGlite, first alone, then ` +
          `while one hostile upload per second arrives (a .docx with a 60 MB document part, ${(files[0]!.bytes.length / 2 ** 20).toFixed(1)} MB ` +
          `on disk, and an .xlsx whose zip directory understates a 1 GB entry, ${(files[1]!.bytes.length / 2 ** 20).toFixed(1)} MB). ` +
          `The ${answers.length} uploads were answered ${statuses} (slowest ${(slowest / 1000).toFixed(1)} s): read in ` +
          'child processes with a heap cap and a time limit, while the server thread keeps answering. ' +
          `Load average when the run started: ${load} (the machine is shared; compare the two rows, not runs).`,
        '',
        table(
          ['reads', 'requests/s', 'p50', 'p99', 'ok / refused'],
          [row('alone', alone), row('one hostile upload per second', hostile)],
        ),
      ].join('\n'),
    };
  } finally {
    await new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
};

if (process.env.JIXIAO_BENCH_SERVER === 'pglite') await serveForBench();
