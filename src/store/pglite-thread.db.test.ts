/** The contract on the embedded adapter with PGlite in a worker thread (what `jixiao serve` runs), and its folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../test/support/store-contract/contract.ts';
import { unwrap } from '../../test/support/store-contract/fixture.ts';
import { embeddedStore, openEmbeddedStore } from './pglite.ts';
import { PgliteThread } from './pglite-thread.ts';

storeContract('PGlite (embedded, worker thread)', async () => {
  const pg = await PgliteThread.start({ dataDir: null });
  const store = await embeddedStore(pg, null, () => {});
  return { store, exec: (sql) => pg.exec(sql), cleanup: () => store.close() };
});

describe('embedded data folder, worker thread', () => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-thread-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps what was written after a restart, holds the lock, and backs up while open', async () => {
    const dir = join(root, 'data');
    const first = unwrap(await openEmbeddedStore({ dataDir: dir, thread: true }));
    const id = unwrap(await first.org.createJurisdiction({ name: '线程省', level: 'province' }, null)).id;
    expect(await openEmbeddedStore({ dataDir: dir, thread: true })).toMatchObject({
      ok: false,
      code: 'data-dir-locked',
    });
    expect((await first.backupTo(join(root, 'backup.tar.gz'))).bytes).toBeGreaterThan(1000);
    await first.close();
    const again = unwrap(await openEmbeddedStore({ dataDir: dir, thread: true }));
    try {
      expect((await again.org.getJurisdiction(id))?.name).toBe('线程省');
    } finally {
      await again.close();
    }
  }, 120_000);

  it('reports a failed statement with the database error, and the thread keeps answering', async () => {
    const pg = await PgliteThread.start({ dataDir: null });
    try {
      await expect(pg.query('select * from no_such_table')).rejects.toMatchObject({
        message: expect.stringContaining('no_such_table'),
        code: '42P01',
      });
      await expect(
        pg.transaction(async (tx) => {
          await tx.query('create table t (x int)');
          throw new Error('give up');
        }),
      ).rejects.toThrow('give up');
      await expect(pg.query('select * from t')).rejects.toMatchObject({ code: '42P01' });
      expect((await pg.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pg.close();
    }
  }, 60_000);

  it('fails every call at once when the thread has ended, instead of waiting for an answer that never comes', async () => {
    const pg = await PgliteThread.start({ dataDir: null });
    // What a crash of the thread looks like from here: the worker is gone.
    const worker = (pg as unknown as { worker: import('node:worker_threads').Worker }).worker;
    const ended = new Promise((r) => worker.once('exit', r));
    await worker.terminate();
    await ended;
    const never = new Promise((r) => setTimeout(() => r('no answer'), 5_000).unref());
    await expect(Promise.race([pg.query('select 1'), never])).rejects.toThrow('PGlite 线程已退出');
    await expect(Promise.race([pg.transaction(async () => 1), never])).rejects.toThrow('PGlite 线程已退出');
    await pg.close();
  }, 120_000);
});
