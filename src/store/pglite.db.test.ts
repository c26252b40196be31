/** The contract on the embedded adapter (in memory), plus what only a data folder has: lock, backup, restore. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../test/support/store-contract/contract.ts';
import { unwrap } from '../../test/support/store-contract/fixture.ts';
import { backupDataDir, restoreDataDir } from './backup.ts';
import { LOCK_FILE } from './lock-file.ts';
import { type EmbeddedStore, embeddedStore, openEmbeddedStore } from './pglite.ts';

storeContract('PGlite (embedded)', async () => {
  const pg = await PGlite.create();
  const store = await embeddedStore(pg, null, () => {});
  return { store, exec: (sql) => pg.exec(sql), cleanup: () => store.close() };
});

describe('embedded data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-store-'));
  const dir = join(root, 'data');
  let store: EmbeddedStore;
  let departmentId: string;

  beforeAll(async () => {
    store = unwrap(await openEmbeddedStore({ dataDir: dir }));
    const county = unwrap(await store.org.createJurisdiction({ name: '备份省', level: 'province' }, null));
    departmentId = unwrap(
      await store.org.createDepartment({ name: '备份局', jurisdictionId: county.id }, null),
    ).id;
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('holds a lock file with its pid and refuses a second opener, in Chinese and English', async () => {
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    const second = await openEmbeddedStore({ dataDir: dir });
    expect(second).toMatchObject({ ok: false, code: 'data-dir-locked', pid: process.pid });
    expect(!second.ok && second.message).toMatch(/正被进程 \d+ 使用.*in use by process \d+/);
    expect(await backupDataDir(dir, join(root, 'x.tar.gz'))).toMatchObject({ code: 'data-dir-locked' });
  });

  it('backs up while open, and restores into a fresh folder or beside the old database', async () => {
    const file = join(root, 'backup.tar.gz');
    expect((await store.backupTo(file)).bytes).toBeGreaterThan(1000);
    const other = join(root, 'restored');
    expect(unwrap(await restoreDataDir(other, file))).toEqual({ keptAside: null });
    expect(await restoreDataDir(other, file)).toMatchObject({ ok: false, code: 'data-dir-not-empty' });
    const again = unwrap(await restoreDataDir(other, file, { replace: true }));
    expect(again.keptAside && existsSync(again.keptAside)).toBe(true);
    const restored = unwrap(await openEmbeddedStore({ dataDir: other }));
    try {
      expect((await restored.org.getDepartment(departmentId))?.name).toBe('备份局');
    } finally {
      await restored.close();
    }
    expect(existsSync(join(other, LOCK_FILE))).toBe(false);
    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    expect(await restoreDataDir(join(root, 'junk'), junk)).toMatchObject({ ok: false, code: 'bad-backup' });
  }, 60_000);
});
