/**
 * worker.ts as one plain-JS module, so that a child process needs no TypeScript loader: the same under
 * tsx, vitest and the CLI bundle (whose sources keep their own `import.meta.url`, so worker.ts is found
 * beside this file). Made once per process with esbuild (about 0.1 s) and imported by the child from a
 * data: URL, so nothing is written to disk. Packages stay outside as absolute URLs; `null` says it cannot
 * be made.
 */

import { fileURLToPath } from 'node:url';
import { packagesByUrl } from './packages-by-url.ts';

let made: Promise<string | null> | undefined;

export const workerScript = (): Promise<string | null> => {
  made ??= (async () => {
    try {
      const { build } = await import('esbuild');
      const out = await build({
        entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        write: false,
        logLevel: 'silent',
        plugins: [packagesByUrl],
      });
      const text = out.outputFiles[0]?.text;
      return text ? `data:text/javascript;base64,${Buffer.from(text).toString('base64')}` : null;
    } catch {
      return null;
    }
  })();
  return made;
};
