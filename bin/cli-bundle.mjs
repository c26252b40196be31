/**
 * The CLI as plain JavaScript, so that a command starts without a TypeScript loader (0.25 s instead of
 * 0.7 s with tsx, measured for `jixiao audit --help`). esbuild bundles src/cli/main.ts once into
 * node_modules/.cache/jixiao/; the bundle is used for as long as none of the files it was made from has
 * changed (their sizes and modification times are kept with it), and made again otherwise. Packages stay
 * outside the bundle. `import.meta.url` in a source file is replaced by that file's own URL, so that the
 * paths it leads to (dist/web, drizzle/, the demo texts, the audit worker) stay where they are.
 *
 * Anything that goes wrong here (no esbuild, a read-only node_modules, a source that does not compile)
 * gives null, and bin/jixiao runs the sources through tsx as before; so does JIXIAO_TSX=1.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputsOf, unchanged } from './bundle-inputs.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'jixiao');
/** Names the bundle now in use: `{ dir, node, inputs: { path: [size, mtimeMs] } }`. */
const CURRENT = join(CACHE, 'current.json');
/** Bundles replaced more than this long ago are removed (a command may still be running from one). */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The entry file of a bundle that is up to date, or null. */
const current = () => {
  try {
    const c = JSON.parse(readFileSync(CURRENT, 'utf8'));
    if (c.node !== process.version || !unchanged(ROOT, c.inputs)) return null;
    const entry = join(CACHE, c.dir, 'main.mjs');
    statSync(entry);
    return entry;
  } catch {
    return null;
  }
};

/** esbuild plugin: each source file's `import.meta.url` becomes the URL of that file. */
const sourceUrls = {
  name: 'source-urls',
  /** @param {import('esbuild').PluginBuild} b */
  setup: (b) =>
    b.onLoad({ filter: /\.ts$/ }, (a) => ({
      contents: readFileSync(a.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(a.path).href),
      ),
      loader: 'ts',
    })),
};

/** Bundles the CLI into a new folder and makes it the current one; the entry file, or null. */
const build = async () => {
  const { build } = await import('esbuild');
  const dir = `cli-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const out = join(CACHE, dir);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    sourcemap: true,
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceUrls],
  });
  const inputs = inputsOf(ROOT, Object.keys(result.metafile.inputs));
  // Written to a temporary name and renamed: a command starting meanwhile reads the old or the new.
  const temp = `${CURRENT}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ dir, node: process.version, inputs }));
  renameSync(temp, CURRENT);
  prune(dir);
  return join(out, 'main.mjs');
};

/** Removes the bundles replaced more than a day ago. */
const prune = (keep) => {
  for (const d of readdirSync(CACHE)) {
    if (!d.startsWith('cli-') || d === keep) continue;
    const made = Number(d.split('-')[1]);
    if (Date.now() - made > KEEP_MS) rmSync(join(CACHE, d), { recursive: true, force: true });
  }
};

/** The entry file of an up-to-date bundle of the CLI (made now if need be), or null to use tsx. */
export const bundledCli = async () => {
  if (process.env.JIXIAO_TSX) return null;
  try {
    const entry = current();
    if (entry) return entry;
    mkdirSync(CACHE, { recursive: true });
    return await build();
  } catch {
    return null;
  }
};
