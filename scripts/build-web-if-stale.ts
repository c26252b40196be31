/**
 * `npm start` runs this first: it builds the web app (vite build → dist/web) when dist/web is missing or
 * older than any file it is built from (src/web, and src/core and frameworks/, which the browser runs), so a fresh clone's `npm ci && npm start` serves the app and a
 * started server never serves a stale one. Otherwise it says nothing and takes ~no time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const sourceDirs = ['src/web', 'src/core', 'frameworks'].map((d) => join(root, d));
const built = join(root, 'dist/web/index.html');

const newest = (dir: string): number => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

const sources = Math.max(...sourceDirs.map(newest), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write('正在构建网页界面 (building the web app: vite build)…\n');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // A test runner sets NODE_ENV=test, which would make this a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) {
    process.stderr.write('网页界面构建失败 (web build failed); the API still works\n');
    process.exit(r.status ?? 1);
  }
}
