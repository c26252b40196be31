/**
 * Two `jixiao serve` processes on one PostgreSQL, started at the same moment: migrations and the first
 * start happen once, a session made on one is valid on the other (the server keeps no state), and two
 * saves of the same version through different processes give one 201 and one 409. And `--processes 2`:
 * two processes behind one port, any of them answering a signed-in request.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, Client, cleanDocument, freshPostgres, inCI, postgresProblem } from './harness.ts';

const BIN = fileURLToPath(new URL('../../bin/jixiao', import.meta.url));

type Proc = { child: ChildProcess; url: Promise<string>; out: () => string };

const serve = (databaseUrl: string, ...args: string[]): Proc => {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = out.match(/jixiao serve: (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { child, url, out: () => out };
};

const stop = (p: Proc): Promise<number | null> =>
  new Promise((resolve) => {
    if (p.child.exitCode !== null) return resolve(p.child.exitCode);
    p.child.once('exit', (code) => resolve(code));
    p.child.kill('SIGTERM');
  });

const problem = await postgresProblem();
if (problem && !inCI) {
  console.warn(`PostgreSQL at ${ADMIN_URL} unreachable (${problem}): skipping two server processes`);
  describe.skip('two server processes on one PostgreSQL (unreachable)', () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  describe('two server processes on one PostgreSQL', () => {
    const procs: Proc[] = [];
    let drop: (() => Promise<void>) | null = null;
    afterAll(async () => {
      await Promise.all(procs.map(stop));
      await drop?.();
    }, 30_000);

    it('share sessions and data, and refuse the stale one of two concurrent saves', async () => {
      if (problem) throw new Error(`PostgreSQL at ${ADMIN_URL} unreachable in CI: ${problem}`);
      const db = await freshPostgres();
      drop = db.drop;
      procs.push(serve(db.url), serve(db.url));
      const [urlA, urlB] = await Promise.all(procs.map((p) => p.url));
      const outs = procs.map((p) => p.out());
      const passwords = outs.flatMap((o) => [...o.matchAll(/密码 password:\s+(\S+)/g)].map((m) => m[1]!));
      expect(passwords).toHaveLength(1); // one admin, made by whichever process came first

      const adminA = new Client(urlA!);
      expect(await adminA.login('admin', passwords[0])).toBe(200);
      const top = (await adminA.json<{ id: string }[]>('GET', '/api/jurisdictions')).body[0]!;
      const dept = await adminA.json<{ id: string }>('POST', '/api/departments', {
        name: '联调单位',
        jurisdictionId: top.id,
      });
      expect(dept.status).toBe(201);
      const user = await adminA.json('POST', '/api/users', {
        username: 'tb',
        displayName: '填报员',
        password: 'another-password',
        role: 'preparer',
        departmentId: dept.body.id,
      });
      expect(user.status).toBe(201);

      // Signed in on B, the same cookies work on A.
      const onB = new Client(urlB!);
      expect(await onB.login('tb', 'another-password')).toBe(200);
      const created = await onB.json<{ report: { id: string } }>('POST', '/api/reports', {
        document: await cleanDocument(2023),
      });
      expect(created.status).toBe(201);
      const onA = new Client(urlA!);
      for (const [k, v] of onB.cookies) onA.cookies.set(k, v);
      expect((await onA.json('GET', `/api/reports/${created.body.report.id}`)).status).toBe(200);

      const document = await cleanDocument(2023);
      const save = (c: Client) =>
        c.json('POST', `/api/reports/${created.body.report.id}/versions`, { expectedVersion: 1, document });
      const results = await Promise.all([save(onA), save(onB)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);

      const codes = await Promise.all(procs.splice(0).map(stop));
      expect(codes).toEqual([0, 0]); // graceful: the pool closed, the process ended by itself
    }, 120_000);

    it('--processes 2: one port, two processes, a session valid on whichever answers', async () => {
      if (problem) throw new Error(`PostgreSQL at ${ADMIN_URL} unreachable in CI: ${problem}`);
      const db = await freshPostgres();
      const before = drop;
      drop = async () => {
        await before?.();
        await db.drop();
      };
      const p = serve(db.url, '--processes', '2');
      procs.push(p);
      const url = await p.url;
      expect(p.out()).toMatch(/2 个进程 processes/);
      const children = (pid: number | string) =>
        spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
          .stdout.split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '');
      // bin/jixiao started `serve` again with its V8 flags (bin/serve-flags.mjs): that process is the
      // cluster's primary, and the two server processes are its children.
      const [primary, ...others] = children(p.child.pid!);
      expect(others).toEqual([]);
      const workers = children(primary!);
      expect(workers).toHaveLength(2);
      const password = p.out().match(/密码 password:\s+(\S+)/)?.[1];
      const admin = new Client(url);
      expect(await admin.login('admin', password)).toBe(200);
      // Concurrent requests open several connections, which the primary hands out in turn.
      const answers = await Promise.all(
        Array.from({ length: 24 }, () =>
          admin.json<{ user: { username: string } | null }>('GET', '/api/session'),
        ),
      );
      expect(answers.map((a) => a.body.user?.username)).toEqual(Array(24).fill('admin'));
      expect(await stop(p)).toBe(0);
      // None left running: `ps -p` lists those of the pids that still exist.
      const left = spawnSync('ps', ['-o', 'pid=', '-p', [primary!, ...workers].join(',')], {
        encoding: 'utf8',
      });
      expect(left.stdout.trim()).toBe('');
    }, 120_000);

    it('--processes 2 without PostgreSQL is refused, in Chinese and English', () => {
      const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--processes', '2'], {
        env: { ...process.env, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/多个进程须使用 PostgreSQL.*several processes need PostgreSQL/);
    });
  });
}
