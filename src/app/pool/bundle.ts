/**
 * A worker script as plain JS: the TypeScript entry bundled once per process with esbuild, so that a
 * worker needs no TypeScript loader (under tsx and vitest as under the bundled CLI). Packages stay
 * outside the bundle as absolute URLs, so it runs from any folder; code loaded on demand (the Office
 * readers) stays in separate chunks.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagesByUrl } from '../../formats/isolate/packages-by-url.ts';

type Bundle = { entry: string; files: { name: string; text: string }[] };
const bundles = new Map<string, Promise<Bundle | undefined>>();

/** The bundle of `script` (made at the first call in this process); undefined when esbuild fails. */
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
    const out = await build({
      entryPoints: [fileURLToPath(script)],
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir,
      outExtension: { '.js': '.mjs' },
      write: false,
      logLevel: 'silent',
      plugins: [packagesByUrl],
    });
    // esbuild's service process would otherwise stay for the whole batch (about 50 MB resident).
    await stop();
    const files = out.outputFiles.map((f) => ({ name: relative(outdir, f.path), text: f.text }));
    const base = fileURLToPath(script).split(/[\\/]/).pop()!.replace(/\.ts$/, '');
    const entry = files.find((f) => f.name.startsWith(base))?.name;
    return entry ? { entry, files } : undefined;
  } catch {
    return undefined;
  }
};

/** The script written as plain JS to a fresh temporary folder, and how to remove it; undefined when it cannot. */
export const workerScript = async (
  script: URL,
): Promise<{ entry: string; remove: () => Promise<void> } | undefined> => {
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
