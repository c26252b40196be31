/**
 * The PostgreSQL that database tests use (JIXIAO_TEST_DATABASE_URL, default the local server): whether it
 * answers, the URL of another database on it, and statements run as its admin. Unreachable, the tests
 * skip with a note, except in CI (`inCI`), where they fail.
 */
import pg from 'pg';

export const ADMIN_URL =
  process.env.JIXIAO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const inCI = process.env.CI === 'true';

/** Why PostgreSQL cannot be used, or null when it answers. */
export const postgresProblem = async (): Promise<string | null> => {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await c.end().catch(() => {});
  }
};

/** The URL of database `name` on the server of ADMIN_URL. */
export const urlOf = (name: string): string => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

export const adminQuery = async (sql: string): Promise<void> => {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};
