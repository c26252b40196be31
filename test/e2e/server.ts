/**
 * A real `bin/jixiao serve` for browser tests: an ephemeral port, a temp data folder (embedded DB), the
 * first-start output parsed for the URL and each demo account's password. Stopped with SIGTERM (the
 * server closes its database), the folder removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Served = {
  url: string;
  adminPassword: string;
  /** Each demo account's password, as the first start printed it. */
  demoPasswords: Map<string, string>;
  stop: () => Promise<void>;
};

/** `args` go after `serve`; `--demo` is added unless they say `--no-demo` (an empty data folder with only the admin). */
export const startServe = async (timeoutMs = 90_000, args: readonly string[] = []): Promise<Served> => {
  const data = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/jixiao'),
      'serve',
      '--port',
      '0',
      '--data',
      join(data, 'db'),
      ...(args.includes('--no-demo') ? args : ['--demo', ...args]),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(data, { recursive: true, force: true });
  };
  const started = Date.now();
  while (!/jixiao serve: (http:\/\/\S+)/.test(out)) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`jixiao serve did not start:\n${out}\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pick = (re: RegExp) => out.match(re)?.[1] ?? '';
  return {
    url: pick(/jixiao serve: (http:\/\/\S+)/),
    adminPassword: pick(/password:\s+(\S+)/),
    demoPasswords: new Map(
      [...out.matchAll(/^ {2}([a-z][a-z0-9-]*) +(\S{10,}) +[a-z-]+ /gm)].map((m) => [m[1]!, m[2]!]),
    ),
    stop,
  };
};
