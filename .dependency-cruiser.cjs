/** Layer rules of DESIGN.md: imports point downward only. */
const layers = {
  core: [],
  formats: ['core'],
  store: ['core'],
  app: ['core', 'formats', 'store'],
  server: ['app', 'core'],
  cli: ['app', 'core', 'formats', 'server'],
  web: ['core', 'server'],
};
const all = Object.keys(layers);

module.exports = {
  forbidden: [
    ...Object.entries(layers).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      severity: 'error',
      comment: `src/${layer} may import only ${allowed.length ? allowed.map((l) => `src/${l}`).join(', ') : 'nothing of ours'}`,
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${all.filter((l) => l !== layer && !allowed.includes(l)).join('|')})/` },
    })),
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core is pure: no node:* modules, no I/O',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-runs-in-the-browser',
      severity: 'error',
      comment:
        'src/web runs in the browser: no node:* or other Node builtin modules (tools that need Node live in scripts/)',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-takes-only-types-from-server',
      severity: 'error',
      comment:
        'src/web may import only types from src/server (the API client is typed by AppType); `import { type X }` ' +
        'counts as type-only here, and Biome (useImportType) makes it `import type { X }`, which leaves no import behind',
      from: { path: '^src/web/' },
      to: { path: '^src/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-not-from-tests',
      severity: 'error',
      comment: 'the product never imports test support, fixtures, benchmarks or scripts (they do not ship)',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
