/**
 * A worker script as plain JS: the TypeScript entry bundled with esbuild, so that a worker needs no
 * TypeScript loader (under tsx and vitest as under the bundled CLI). Packages stay outside the bundle as
 * absolute URLs, so it runs from any folder; code loaded on demand (the Office readers) stays in separate
 * chunks. The bundle is kept in node_modules/.cache/jixiao/ for as long as none of the files it was made
 * from has changed (their sizes and modification times are kept with it), as bin/cli-bundle.mjs keeps
 * the CLI's: a command that starts workers then neither starts esbuild nor writes files (0.2–0.5 s less
 * before the first worker answers). Where that folder cannot be written, the bundle is made in memory
 * once per process and written to a temporary folder.
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { type BundleInputs, inputsOf, unchanged } from '../../../bin/bundle-inputs.mjs';
import { packagesByUrl } from '../../formats/isolate/packages-by-url.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'jixiao');
/** Bundles replaced more than this long ago are removed (a command may still be running from one). */
const KEEP_MS = 24 * 60 * 60 * 1000;

type Bundle = { entry: string; files: { name: string; text: string }[] };
const bundles = new Map<string, Promise<Bundle | undefined>>();

const baseName = (script: URL): string => fileURLToPath(script).split(/[\\/]/).pop()!.replace(/\.ts$/, '');

const options = (script: URL): BuildOptions => ({
  absWorkingDir: ROOT,
  entryPoints: [fileURLToPath(script)],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  logLevel: 'silent',
  plugins: [packagesByUrl],
});

/** What the record of a kept bundle says: its folder, entry, Node version and inputs. */
type Kept = { dir: string; entry: string; node: string; inputs: BundleInputs };

/** The entry of the kept bundle of `script` when it is up to date, else undefined. */
const kept = (script: URL): string | undefined => {
  try {
    const k = JSON.parse(readFileSync(join(CACHE, `worker-${baseName(script)}.json`), 'utf8')) as Kept;
    if (k.node !== process.version || !unchanged(ROOT, k.inputs)) return undefined;
    const entry = join(CACHE, k.dir, k.entry);
    statSync(entry);
    return entry;
  } catch {
    return undefined;
  }
};

/** Bundles `script` into a new folder of the cache and records it; its entry, or undefined. */
const keep = async (script: URL): Promise<string | undefined> => {
  try {
    const { build, stop } = await import('esbuild');
    const base = baseName(script);
    const dir = `worker-${base}-${Date.now()}-${randomBytes(4).toString('hex')}`;
    const out = await build({
      ...options(script),
      outdir: join(CACHE, dir),
      write: true,
      metafile: true as const,
    });
    // esbuild's service process would otherwise stay for the whole batch (about 50 MB resident).
    await stop();
    const entry = Object.keys(out.metafile.outputs)
      .map((p) => relative(join(CACHE, dir), join(ROOT, p)))
      .find((p) => p.startsWith(base) && p.endsWith('.mjs'));
    if (!entry) return undefined;
    const inputs = inputsOf(ROOT, Object.keys(out.metafile.inputs));
    // Written to a temporary name and renamed: a command starting meanwhile reads the old or the new.
    const record = join(CACHE, `worker-${base}.json`);
    const temp = `${record}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ dir, entry, node: process.version, inputs } satisfies Kept));
    renameSync(temp, record);
    prune(base, dir);
    return join(CACHE, dir, entry);
  } catch {
    return undefined;
  }
};

/** Removes this script's bundles replaced more than a day ago. */
const prune = (base: string, keepDir: string): void => {
  for (const d of readdirSync(CACHE)) {
    if (!d.startsWith(`worker-${base}-`) || d === keepDir || d.endsWith('.json')) continue;
    const made = Number(d.slice(`worker-${base}-`.length).split('-')[0]);
    if (Date.now() - made > KEEP_MS) rmSync(join(CACHE, d), { recursive: true, force: true });
  }
};

const cached = new Map<string, Promise<string | undefined>>();

/** The entry of an up-to-date bundle of `script` in the cache (made at the first call if need be). */
const cachedEntry = (script: URL): Promise<string | undefined> => {
  let made = cached.get(script.href);
  if (!made) {
    made = (async () => {
      const entry = kept(script);
      if (entry) return entry;
      try {
        mkdirSync(CACHE, { recursive: true });
      } catch {
        return undefined;
      }
      return keep(script);
    })();
    cached.set(script.href, made);
  }
  return made;
};

/** The bundle of `script` in memory (made at the first call in this process); undefined when esbuild fails. */
const bundleOf = (script: URL): Promise<Bundle | undefined> => {
  let made = bundles.get(script.href);
  if (!made) {
    made = build(script);
    bundles.set(script.href, made);
  }
  return made;
};

const build = async (script: URL): Promise<Bundle | undefined> => {
  try {
    const { build, stop } = await import('esbuild');
    const outdir = '/jixiao-worker';
    const out = await build({ ...options(script), outdir, write: false as const });
    await stop();
    const files = out.outputFiles.map((f) => ({ name: relative(outdir, f.path), text: f.text }));
    const base = baseName(script);
    const entry = files.find((f) => f.name.startsWith(base))?.name;
    return entry ? { entry, files } : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The script as plain JS, and how to remove it once the workers have ended (nothing to remove for the
 * kept bundle); undefined when it cannot be made.
 */
export const workerScript = async (
  script: URL,
): Promise<{ entry: string; remove: () => Promise<void> } | undefined> => {
  const entry = await cachedEntry(script);
  if (entry) return { entry, remove: async () => {} };
  const bundle = await bundleOf(script);
  if (!bundle) return undefined;
  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-worker-'));
    for (const f of bundle.files) await writeFile(join(dir, f.name), f.text);
    const made = dir;
    return { entry: join(made, bundle.entry), remove: () => rm(made, { recursive: true, force: true }) };
  } catch {
    if (dir) await rm(dir, { recursive: true, force: true });
    return undefined;
  }
};
