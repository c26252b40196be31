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

/** The reader folders of src/formats: each turns one kind of file into a Document (src/formats/document). */
const readers = '^src/formats/(text|docx|html|pdf|office|xlsx)/';
/** Modules that read files (a writer may reach none of them). */
const readerModules =
  '^src/formats/(text/|understand/|read/|office/|docx/(read-|ooxml-|numbering)|' +
  'html/(read-|html-document|decode-html|chrome|mhtml)|pdf/(read-|pdf-|free-tables|radicals|type3)|' +
  'xlsx/(read-|xlsx-document))';

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
    // Inside src/formats: readers → document → understanding → model; writers from the document blocks.
    {
      name: 'formats-document-below-all',
      severity: 'error',
      comment:
        'src/formats/document (the format-neutral Document, source-line records, writer blocks) is the bottom ' +
        'of src/formats: it imports no reader, writer or the understanding step',
      from: { path: '^src/formats/document/' },
      to: { path: '^src/formats/', pathNot: '^src/formats/document/' },
    },
    {
      name: 'formats-readers-not-understanding',
      severity: 'error',
      comment:
        'a reader (text, docx, html, pdf, office, xlsx) builds a Document; only src/formats/read/ hands it to ' +
        'the understanding step (src/formats/understand)',
      from: { path: readers },
      to: { path: '^src/formats/(understand|read)/' },
    },
    {
      name: 'formats-understanding-not-readers',
      severity: 'error',
      comment:
        'the understanding step reads a Document, whichever reader made it: it imports no particular reader',
      from: { path: '^src/formats/understand/' },
      to: { path: `${readers}|^src/formats/(read|isolate|project|json|score-sheet|targets|summary)/` },
    },
    {
      name: 'formats-writers-from-document-blocks',
      severity: 'error',
      comment:
        'a writer renders the document blocks (src/formats/document/blocks); it reaches no reader and no ' +
        'understanding step',
      from: { path: '^src/formats/.+/write-[^/]+[.]ts$' },
      to: { path: readerModules, reachable: true },
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
