/**
 * `bin/jixiao serve` as a child process on an ephemeral port with its own data folder (embedded DB):
 * started, its output read until it says where it listens, stopped with SIGTERM (the server closes its
 * database). No Vitest here: the browser tests' global setup uses it too ({@link makeFirstStarts}).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A data folder after its first start, and what that start printed (the passwords, shown only then). */
export type FirstStart = { dataDir: string; output: string };

export type ServeProcess = {
  url: string;
  /** What the server printed up to its URL. */
  output: string;
  /** The server's data folder (held by it). */
  dataDir: string;
  /** Stops the server; the data folder is removed, or moved to `keepTo`. */
  stop: (keepTo?: string) => Promise<void>;
};

const LISTENING = /jixiao serve: (http:\/\/\S+)/;

/** `--demo` unless `args` say `--no-demo` (an empty data folder with only the admin). */
export const serveArgs = (args: readonly string[]): string[] =>
  args.includes('--no-demo') ? [...args] : ['--demo', ...args];

/** Starts `jixiao serve ARGS` on a fresh data folder, or on a copy of `from`'s. */
export const spawnServe = async (
  args: readonly string[],
  timeoutMs: number,
  from?: FirstStart,
): Promise<ServeProcess> => {
  const data = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const dataDir = join(data, 'db');
  if (from) cpSync(from.dataDir, dataDir, { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/jixiao'), 'serve', '--port', '0', '--data', dataDir, ...serveArgs(args)],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  const exited = new Promise((r) => child.once('exit', r));
  const listening = new Promise<void>((resolve) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      if (LISTENING.test(out)) resolve();
    });
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const stop = async (keepTo?: string) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (keepTo) cpSync(dataDir, keepTo, { recursive: true });
    rmSync(data, { recursive: true, force: true });
  };
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    listening.then(() => 'listening' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome !== 'listening') {
    await stop();
    throw new Error(`jixiao serve did not start (${outcome}):\n${out}\n${err}`);
  }
  return { url: out.match(LISTENING)?.[1] ?? '', output: out, dataDir, stop };
};

/**
 * The first start with each of `argsList` into folders under `parent`, by the arguments joined with
 * spaces: each server started, what it printed kept, and stopped.
 */
export const makeFirstStarts = async (
  parent: string,
  argsList: readonly (readonly string[])[],
  timeoutMs = 400_000,
): Promise<Record<string, FirstStart>> =>
  Object.fromEntries(
    await Promise.all(
      argsList.map(async (args, i) => {
        const served = await spawnServe(args, timeoutMs);
        const dataDir = join(parent, String(i));
        await served.stop(dataDir);
        return [serveArgs(args).join(' '), { dataDir, output: served.output }] as const;
      }),
    ),
  );
