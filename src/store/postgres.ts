/** The PostgreSQL adapter (DATABASE_URL): a pg pool, the same schema and migrations as the embedded one. */
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
 * Runs the migrations under an advisory lock, so several app servers starting at once against one
 * database do not race each other through the same CREATE TABLE.
 */
export const migratePostgres = async (url: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
};

export const openPostgresStore = async (options: PostgresOptions): Promise<Store> => {
  await migratePostgres(options.url);
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle client dying (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, schema });
  return sqlStore('postgres', db satisfies Db, () => pool.end());
};
