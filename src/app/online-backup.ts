/**
 * Use case: a backup of the embedded database while the server runs (下载备份 on the admin page, and
 * `jixiao admin backup` when a server holds the data folder). The running server is the database's only
 * owner, so the backup is taken through its open store, never by a second opener. The whole database
 * is in it, so only an admin of a top-level jurisdiction (one with nothing above) may take it.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failure, type Result } from '../core/result.ts';
import { forbidden, needRole } from './access.ts';
import type { EmbeddedStore, Store, User } from './store.ts';

const isEmbedded = (store: Store): store is EmbeddedStore => store.kind === 'pglite' && 'backupTo' in store;

export const onlineBackup = async (store: Store, actor: User): Promise<Result<Uint8Array>> => {
  const refused = needRole(actor, ['admin']);
  if (refused) return refused;
  const own = actor.jurisdictionId ? await store.org.getJurisdiction(actor.jurisdictionId) : null;
  if (!own || own.parentId !== null)
    return forbidden(
      '备份包含全部数据，只有最上级地区的管理员可以下载',
      'a backup holds everything: only an admin of a top-level jurisdiction may take it',
    );
  if (!isEmbedded(store))
    return failure(
      'backup-unsupported',
      '使用 PostgreSQL 时请用 pg_dump 备份数据库',
      'with PostgreSQL, back up with pg_dump',
    );
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-backup-'));
  try {
    const file = join(dir, 'backup.tar.gz');
    await store.backupTo(file);
    const bytes = new Uint8Array(await readFile(file));
    await store.audit.append({
      actorId: actor.id,
      action: 'backup.download',
      targetType: 'database',
      targetId: 'embedded',
      detail: { bytes: bytes.byteLength },
    });
    return { ok: true, value: bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** `jixiao-backup-20240506-1430.tar.gz`, in Beijing time. */
export const backupFileName = (now = new Date()): string =>
  `jixiao-backup-${new Date(now.getTime() + 8 * 3600_000)
    .toISOString()
    .slice(0, 16)
    .replace(/[-:]/g, '')
    .replace('T', '-')}.tar.gz`;
