/**
 * Opens the store for `jixiao serve` and `jixiao admin`: the data folder's lock refusal, or a PostgreSQL
 * that cannot be reached, come back as one clear failure (the URL, which may hold a password, is never
 * repeated).
 */
import { type Failure, failure } from '../core/result.ts';
import { openStore, type Store } from './store.ts';

export const openDatabase = async (options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** The embedded database in a worker thread (what the server does). */
  thread?: boolean;
}): Promise<{ ok: true; value: Store } | Failure> => {
  try {
    return await openStore(options);
  } catch (e) {
    if (!options.databaseUrl) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return failure(
      'db-unreachable',
      `无法连接 DATABASE_URL 指定的 PostgreSQL：${why}`,
      'cannot reach the PostgreSQL of DATABASE_URL',
    );
  }
};
