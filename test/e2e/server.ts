/**
 * A real `bin/jixiao serve` for browser tests (test/e2e/serve-process.ts): an ephemeral port, a temp data
 * folder (embedded DB), the first-start output parsed for each demo account's password. Stopped with
 * SIGTERM, the folder removed.
 *
 * The first start (migrations, the admin, the demo county) is made once per run by the browser tests'
 * global setup (test/suite/browser.setup.ts): a test's server then starts on its own copy of that data
 * folder, with the passwords that start printed. Without it (another project), the server starts afresh.
 */
import { inject } from 'vitest';
import { type FirstStart, ROOT, serveArgs, spawnServe } from './serve-process.ts';

export { ROOT };

export type Served = {
  url: string;
  adminPassword: string;
  /** Each demo account's password, as the first start printed it. */
  demoPasswords: Map<string, string>;
  /** The server's data folder (held by it). */
  dataDir: string;
  stop: () => Promise<void>;
};

declare module 'vitest' {
  interface ProvidedContext {
    /** First starts made by the global setup, by their `serve` arguments joined with spaces. */
    firstStarts: Record<string, FirstStart>;
    /** The run's one Chromium (test/e2e/browser.ts `launchShared`); absent when Chromium is not installed. */
    browserWs: string | undefined;
  }
}

/** `args` go after `serve`; `--demo` is added unless they say `--no-demo` (an empty data folder with only the admin). */
export const startServe = async (timeoutMs = 90_000, args: readonly string[] = []): Promise<Served> => {
  const from = inject('firstStarts')?.[serveArgs(args).join(' ')];
  const served = await spawnServe(args, timeoutMs, from);
  const printed = from?.output ?? served.output;
  return {
    url: served.url,
    adminPassword: printed.match(/password:\s+(\S+)/)?.[1] ?? '',
    demoPasswords: new Map(
      [...printed.matchAll(/^ {2}([a-z][a-z0-9-]*) +(\S{10,}) +[a-z-]+ /gm)].map((m) => [m[1]!, m[2]!]),
    ),
    dataDir: served.dataDir,
    stop: () => served.stop(),
  };
};
