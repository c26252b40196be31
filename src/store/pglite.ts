/**
 * The embedded adapter: PostgreSQL in WebAssembly (PGlite), data in a folder (default ./jixiao-data),
 * guarded by a lock file. `dataDir: null` gives an in-memory database (tests, benchmarks).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Db } from './db.ts';
import { acquireLock, type DataDirLocked } from './lock-file.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';
import { ok, type Result } from './model/common.ts';
import { PgliteThread } from './pglite-thread.ts';
import type { Store } from './port.ts';
import * as schema from './schema/index.ts';
import { sqlStore } from './sql-store.ts';

export const DEFAULT_DATA_DIR = './jixiao-data';
/** The PostgreSQL files sit in a subfolder, so the lock file and backups never mix with them. */
export const pgDirOf = (dataDir: string): string => join(resolve(dataDir), 'pg');

export interface EmbeddedStore extends Store {
  readonly kind: 'pglite';
  /** Null for an in-memory database. */
  readonly dataDir: string | null;
  /** Writes a backup (a gzipped tar of the data folder) while the store stays open. */
  backupTo(file: string): Promise<{ bytes: number }>;
}

export type EmbeddedOptions = {
  /** Folder of the data; null for memory only. */
  dataDir?: string | null;
  /** Start from a backup (what `backupTo` wrote) instead of an empty database. */
  loadFrom?: Blob;
  /**
   * Run the database in a worker thread (`pglite-thread.ts`), so that its work and the caller's use two
   * cores: what `jixiao serve` does. Default: in this thread.
   */
  thread?: boolean;
};

/**
 * Migrates a PGlite database (in this thread, or in a worker thread) and wraps it as a Store; the caller
 * has taken care of the lock.
 */
export const embeddedStore = async (
  pg: PGlite | PgliteThread,
  dataDir: string | null,
  release: () => void,
): Promise<EmbeddedStore> => {
  // drizzle's PGlite session calls `query` and `transaction` only, which the thread offers too.
  const db = drizzle({ client: pg as PGlite, schema });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (e) {
    await pg.close();
    release();
    throw e;
  }
  const base = sqlStore('pglite', db satisfies Db, async () => {
    try {
      await pg.close();
    } finally {
      release();
    }
  });
  return {
    ...base,
    kind: 'pglite',
    dataDir,
    backupTo: async (file) => {
      const blob = await pg.dumpDataDir('gzip');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      await writeFile(file, bytes);
      return { bytes: bytes.byteLength };
    },
  };
};

/**
 * PGlite's shared buffers: PostgreSQL's default (128 MB) stays resident in the server's memory once
 * touched, and the files behind it are in the operating system's cache anyway.
 */
export const SHARED_BUFFERS = '16MB';

/**
 * The folder's database with SHARED_BUFFERS: set once (ALTER SYSTEM, kept in the folder) and then
 * restarted, which on a first start also lets go of the memory initdb took (about 500 MB).
 */
const withSmallBuffers = async (pg: PGlite, pgDir: string): Promise<PGlite> => {
  const [row] = (await pg.query<{ shared_buffers: string }>('show shared_buffers')).rows;
  if (row?.shared_buffers === SHARED_BUFFERS) return pg;
  await pg.exec(`alter system set shared_buffers = '${SHARED_BUFFERS}'`);
  await pg.close();
  return PGlite.create(pgDir);
};

/** Opens (creating and migrating on first use) the embedded database, or says who holds its folder. */
export const openEmbeddedStore = async (
  options: EmbeddedOptions = {},
): Promise<Result<EmbeddedStore, DataDirLocked>> => {
  const dataDir = options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir;
  if (options.thread) return openThreadStore(dataDir, options.loadFrom);
  if (dataDir === null) {
    const pg = await PGlite.create(options.loadFrom ? { loadDataDir: options.loadFrom } : {});
    return ok(await embeddedStore(pg, null, () => {}));
  }
  const lock = acquireLock(dataDir);
  if ('ok' in lock) return lock;
  let pg: PGlite;
  try {
    pg = await PGlite.create(pgDirOf(dataDir), options.loadFrom ? { loadDataDir: options.loadFrom } : {});
    pg = await withSmallBuffers(pg, pgDirOf(dataDir));
  } catch (e) {
    lock.release();
    throw e;
  }
  return ok(await embeddedStore(pg, resolve(dataDir), lock.release));
};

/** `openEmbeddedStore` with the database in a worker thread. */
const openThreadStore = async (
  dataDir: string | null,
  loadFrom: Blob | undefined,
): Promise<Result<EmbeddedStore, DataDirLocked>> => {
  const lock = dataDir === null ? null : acquireLock(dataDir);
  if (lock && 'ok' in lock) return lock;
  let pg: PgliteThread;
  try {
    pg = await PgliteThread.start({
      dataDir: dataDir === null ? null : pgDirOf(dataDir),
      ...(loadFrom ? { loadFrom: new Uint8Array(await loadFrom.arrayBuffer()) } : {}),
      sharedBuffers: SHARED_BUFFERS,
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  return ok(await embeddedStore(pg, dataDir === null ? null : resolve(dataDir), lock?.release ?? (() => {})));
};
