/// <reference path="./pdfjs-worker.d.ts" />
/**
 * pdf.js (pdfjs-dist 5, its legacy build for Node 20), loaded once per process without changing the
 * process's own built-ins. Each of its two bundles carries core-js, which replaces `Array.prototype.push`
 * (over a V8 ≤ 121 corner: `push` on an array whose length was made read-only), `JSON.parse` and
 * `JSON.stringify` (for the JSON.rawJSON proposal) and `Function.prototype.toString` (so that those look
 * native) with functions written in JavaScript: every `push` and every JSON parse of the whole process
 * then runs that code, several times slower. pdf.js uses none of what they add, so the natives are put
 * back once both bundles are loaded. The worker bundle is loaded here too (it runs in this thread in
 * Node, found by pdf.js as `globalThis.pdfjsWorker`), rather than by pdf.js on the first document.
 * What core-js adds that Node 20 lacks (Promise.withResolvers, Uint8Array.prototype.toHex, …) stays.
 */

import { patchTextStateClone } from './text-state.ts';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The built-ins core-js replaces, as owner and property name. */
const REPLACED = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
] as const;

/** Puts back the built-ins as they were before `load`, whatever it replaced meanwhile. */
const keepingBuiltIns = async <T>(load: () => Promise<T>): Promise<T> => {
  const saved = REPLACED.map(([owner, name]) => Object.getOwnPropertyDescriptor(owner, name));
  try {
    return await load();
  } finally {
    REPLACED.forEach(([owner, name], i) => {
      const d = saved[i];
      if (d) Object.defineProperty(owner, name, d);
    });
  }
};

let loaded: Promise<PdfJs> | null = null;

/** Whether pdf.js's text state is copied without a prototype chain (src/formats/pdf/text-state.ts). */
export let textStatePatched = false;

export const loadPdfJs = (): Promise<PdfJs> => {
  loaded ??= keepingBuiltIns(async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  }).then(async (lib) => {
    textStatePatched = await patchTextStateClone(lib);
    return lib;
  });
  return loaded;
};

/**
 * pdf.js inflates each compressed stream through a web `DecompressionStream` when the global has one, and
 * with its own synchronous FlateStream when constructing one fails (it looks the global up at each stream,
 * not when it loads). In Node the web stream goes through Node's stream adapters and zlib's thread pool: a
 * fixed cost of tens of microseconds per stream, for streams of a few hundred bytes (fonts' ToUnicode maps,
 * page contents), about a quarter of the CPU time of a read. `withoutDecompressionStream` hides the global
 * while `work` runs, so pdf.js inflates in its own code; reads that overlap share one hiding (counted), and
 * the global is put back when the last one ends. Nothing else in this project uses `DecompressionStream`.
 */
let hiding = 0;
let hidden: PropertyDescriptor | undefined;

export const withoutDecompressionStream = async <T>(work: () => Promise<T>): Promise<T> => {
  if (hiding++ === 0) {
    hidden = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
    if (hidden) Reflect.deleteProperty(globalThis, 'DecompressionStream');
  }
  try {
    return await work();
  } finally {
    if (--hiding === 0 && hidden) {
      Object.defineProperty(globalThis, 'DecompressionStream', hidden);
      hidden = undefined;
    }
  }
};
