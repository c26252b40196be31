/** The PostgreSQL adapter (DATABASE_URL): a pg pool, the same schema and migrations as the embedded one. */
import { createHash } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Db } from './db.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';
import type { Store } from './port.ts';
import * as schema from './schema/index.ts';
import { sqlStore } from './sql-store.ts';

/** An arbitrary constant: the advisory lock that serializes migrations across server processes. */
const MIGRATION_LOCK = 4_242_017;

export type PostgresOptions = { url: string; poolSize?: number };

/**
 * Runs `work` while this process holds the session advisory lock `key` on its own connection, so that
 * processes starting at once against one database do it one after another.
 */
export const withAdvisoryLock = async <T>(
  url: string,
  key: number,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    return await work(client);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
    await client.end();
  }
};

/**
 * Runs the migrations under an advisory lock, so several app servers starting at once against one
 * database do not race each other through the same CREATE TABLE.
 */
export const migratePostgres = (url: string): Promise<void> =>
  withAdvisoryLock(url, MIGRATION_LOCK, (client) =>
    migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
  );

/** Query texts named at most (a text past them is sent unnamed, as before). */
export const MAX_NAMED_TEXTS = 1_000;
const seenTexts = new Map<string, number>();
const names = new Map<string, string>();
const NAMED = /^\s*(select|with|insert|update|delete)\b/i;

/**
 * The statement name of a query text once it has been seen twice (a hash of the text, so one text has
 * one name in every process and on every connection), else undefined.
 */
export const statementName = (text: string): string | undefined => {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED_TEXTS || !NAMED.test(text)) return known;
  const n = (seenTexts.get(text) ?? 0) + 1;
  if (n < 2) {
    if (seenTexts.size >= 10 * MAX_NAMED_TEXTS) seenTexts.clear();
    seenTexts.set(text, n);
    return undefined;
  }
  seenTexts.delete(text);
  const name = `jx_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
};

/**
 * A pg client that sends every repeated query text as a named statement: node-postgres then parses it
 * once per connection and PostgreSQL keeps its plan (a generic plan after five runs when it is no dearer),
 * where an unnamed statement is planned at every run. drizzle names only what it is told to; this names
 * the rest (reads, lists, the save's statement), in and out of transactions.
 */
class NamingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only adds a name.
  override query(config: any, values?: any, callback?: any): any {
    if (config && typeof config === 'object' && typeof config.text === 'string' && !config.name) {
      const name = statementName(config.text);
      if (name) config = { ...config, name };
    }
    return super.query(config, values, callback);
  }
}

/**
 * Documents are compressed with lz4 where the server has it (PostgreSQL 14 and later, built with lz4):
 * storing a save's 28 KB document costs its backend about half the CPU of the default pglz (1.15 →
 * 0.62 ms), and reading one back less, for ~18% more bytes stored. Elsewhere the default stays.
 */
const LZ4 =
  "select set_config('default_toast_compression', 'lz4', false) from pg_settings " +
  "where name = 'default_toast_compression' and 'lz4' = any(enumvals)";

export const openPostgresStore = async (options: PostgresOptions): Promise<Store> => {
  await migratePostgres(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    Client: NamingClient,
    // Before the pool hands a new connection out (a query queued on it from the 'connect' event would
    // run first too, but pg warns that queuing on a busy client is deprecated).
    onConnect: async (client: pg.ClientBase) => {
      await client.query(LZ4).catch(() => {});
    },
  });
  // An idle client dying (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, schema });
  return sqlStore('postgres', db satisfies Db, () => pool.end());
};
