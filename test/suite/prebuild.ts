/**
 * What many test files would otherwise each make at their start, made once by a Vitest global setup before
 * any of them runs, so that files running side by side do not build the same thing twice.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const run = (args: string[], stdio: 'inherit' | 'ignore'): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} ended with exit ${code}`)),
    );
  });

/** The CLI bundle bin/jixiao runs (node_modules/.cache/jixiao): made by its first command. */
export const cliBundle = (): Promise<void> => run([join(ROOT, 'bin/jixiao'), '--version'], 'ignore');

/** The web app (dist/web), built when missing or older than its sources, as `npm start` does. */
export const webApp = (): Promise<void> =>
  run([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-web-if-stale.ts')], 'inherit');
