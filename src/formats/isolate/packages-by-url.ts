/**
 * An esbuild plugin for bundles run in workers and child processes: Node's modules stay imports, and every
 * package is imported from where this project resolves it (a file URL), so a bundle written anywhere finds
 * the project's node_modules.
 */
import type { Plugin } from 'esbuild';

export const packagesByUrl: Plugin = {
  name: 'packages-by-url',
  setup: (b) =>
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      a.path.startsWith('node:')
        ? { path: a.path, external: true }
        : { path: import.meta.resolve(a.path), external: true },
    ),
};
