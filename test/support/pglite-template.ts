/**
 * A fresh in-memory PGlite for a test, opened from the migrated empty database the isolated tests' global
 * setup dumped (test/suite/pglite-template.setup.ts): the same database a first open creates and migrates,
 * for a third of the CPU. Run outside that setup (another project's config), it is created as usual.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type EmbeddedStore, openEmbeddedStore } from '../../src/store/pglite.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The dump (a gzipped tar, as `backupTo` writes) of an empty embedded database after its migrations. */
    pgliteTemplate: string;
  }
}

/** An empty, migrated in-memory embedded store. */
export const freshMemoryStore = async (): Promise<EmbeddedStore> => {
  const template = inject('pgliteTemplate');
  const opened = await openEmbeddedStore({
    dataDir: null,
    ...(template ? { loadFrom: new Blob([readFileSync(template)]) } : {}),
  });
  if (!opened.ok) throw new Error(opened.message);
  return opened.value;
};
