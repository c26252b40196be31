/**
 * Backup and restore of the embedded database's folder (what the admin commands will call). A running
 * server backs up through its open store (`EmbeddedStore.backupTo`); these functions are for a folder
 * no process holds, and take its lock themselves.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { acquireLock, type DataDirLocked } from './lock-file.ts';
import { type Failure, ok, type Result } from './model/common.ts';
import { embeddedStore, pgDirOf } from './pglite.ts';

export type BadBackup = Failure<'bad-backup'>;
export type DataDirNotEmpty = Failure<'data-dir-not-empty', { pgDir: string }>;

/** Writes a backup of the folder `dataDir` to `file` (a gzipped tar). */
export const backupDataDir = async (
  dataDir: string,
  file: string,
): Promise<Result<{ bytes: number }, DataDirLocked | Failure<'not-found'>>> => {
  if (!existsSync(pgDirOf(dataDir)))
    return {
      ok: false,
      code: 'not-found',
      message: `数据目录 ${dataDir} 中没有数据库 (no database in ${dataDir})`,
    };
  const lock = acquireLock(dataDir);
  if ('ok' in lock) return lock;
  const pg = await PGlite.create(pgDirOf(dataDir)).catch((e: unknown) => {
    lock.release();
    throw e;
  });
  const store = await embeddedStore(pg, dataDir, lock.release);
  try {
    return ok(await store.backupTo(file));
  } finally {
    await store.close();
  }
};

/**
 * Loads the backup `file` into `dataDir`. An existing database there is kept aside as
 * `pg.before-restore-<time>` (never deleted) when `replace` is set, and refused otherwise. Migrations
 * run afterwards, so a backup from an older jixiao comes back up to date.
 */
export const restoreDataDir = async (
  dataDir: string,
  file: string,
  options: { replace?: boolean } = {},
): Promise<Result<{ keptAside: string | null }, DataDirLocked | DataDirNotEmpty | BadBackup>> => {
  const lock = acquireLock(dataDir);
  if ('ok' in lock) return lock;
  let keptAside: string | null = null;
  try {
    const pgDir = pgDirOf(dataDir);
    if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
      if (!options.replace)
        return {
          ok: false,
          code: 'data-dir-not-empty',
          pgDir,
          message: `数据目录 ${dataDir} 已有数据库；确认替换时请加 --replace (there is a database in ${dataDir} already; add --replace to replace it)`,
        };
      keptAside = `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgDir, keptAside);
    }
    let pg: PGlite;
    try {
      const blob = new Blob([await readFile(file)]);
      pg = await PGlite.create(pgDir, { loadDataDir: blob });
    } catch (e) {
      // Remove what the failed load left, and put the old database back.
      rmSync(pgDir, { recursive: true, force: true });
      if (keptAside) renameSync(keptAside, pgDir);
      return {
        ok: false,
        code: 'bad-backup',
        message: `无法读取备份 ${file}：${e instanceof Error ? e.message : String(e)} (cannot load backup ${file})`,
      };
    }
    // The lock stays with us until the store closes; releasing it here is the store's close.
    const store = await embeddedStore(pg, dataDir, () => {});
    await store.close();
    return ok({ keptAside });
  } finally {
    lock.release();
  }
};
