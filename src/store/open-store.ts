/** Picks the adapter: PostgreSQL when a database URL is given (DATABASE_URL), else the embedded folder. */
import type { DataDirLocked } from './lock-file.ts';
import { ok, type Result } from './model/common.ts';
import { openEmbeddedStore } from './pglite.ts';
import type { Store } from './port.ts';
import { openPostgresStore } from './postgres.ts';

export type OpenOptions = {
  /** Usually `process.env.DATABASE_URL`; the caller reads the environment, the store does not. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (default ./jixiao-data). */
  dataDir?: string | undefined;
  /** The embedded database in a worker thread (`jixiao serve`); see `EmbeddedOptions.thread`. */
  thread?: boolean;
};

export const openStore = async (options: OpenOptions): Promise<Result<Store, DataDirLocked>> =>
  options.databaseUrl
    ? ok(await openPostgresStore({ url: options.databaseUrl }))
    : openEmbeddedStore({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        thread: options.thread ?? false,
      });
