/**
 * The worker thread of `pglite-thread.ts`: holds the PGlite database and answers its messages, so that
 * PostgreSQL's work (WebAssembly) runs beside the thread that serves HTTP. Plain JavaScript, so that it
 * starts the same under tsx, vitest and the CLI bundle.
 *
 * In: `{ id, op: 'query', sql, params, rowMode, tx }`, `{ id, op: 'exec', sql }`, `{ id, op: 'begin' }`,
 * `{ id, op: 'commit' | 'rollback', tx }`, `{ id, op: 'dump' }`, `{ id, op: 'close' }`.
 * Out: `{ id, value }` or `{ id, error: { message, ...fields } }`; first `{ ready: true }`,
 * `{ restart: true }` (start a new worker) or `{ failed: { message } }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { namedQueries } from './pglite-named.mjs';

/**
 * Types answered as the database's text: those drizzle keeps as text (timestamps, dates, intervals,
 * numeric[] and their arrays), and json and jsonb, which drizzle's columns parse from a string. A
 * document then crosses to the caller's thread as one string (copied at once), not as an object tree
 * that this thread parses and the structured clone walks twice (out here, in there): reading a county's
 * report documents for the bureau's views took ~1.4 ms of this thread's time per 28 KB document.
 */
const AS_TEXT = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182, 114, 3802];
const parsers = Object.fromEntries(AS_TEXT.map((t) => [t, (v) => v]));

/**
 * The database, or null when the folder's shared buffers had to be set: then the caller starts a new
 * worker on it, which also lets go of the memory initdb took (about 500 MB a thread does not give back).
 */
const open = async ({ dataDir, loadFrom, sharedBuffers }) => {
  const options = loadFrom ? { loadDataDir: new Blob([loadFrom]) } : {};
  const pg = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  if (dataDir && sharedBuffers) {
    const [row] = (await pg.query('show shared_buffers')).rows;
    if (row?.shared_buffers !== sharedBuffers) {
      await pg.exec(`alter system set shared_buffers = '${sharedBuffers}'`);
      await pg.close();
      return null;
    }
  }
  return pg;
};

const errorOf = (e) => {
  if (!(e instanceof Error)) return { message: String(e) };
  const fields = {};
  for (const [k, v] of Object.entries(e))
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { ...fields, name: e.name, message: e.message };
};

const plain = (r) => ({
  rows: r.rows,
  affectedRows: r.affectedRows,
  fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
});

let pg;
try {
  pg = await open(workerData);
} catch (e) {
  parentPort.postMessage({ failed: errorOf(e) });
  process.exit(1);
}
if (pg === null) {
  parentPort.postMessage({ restart: true });
  process.exit(0);
}

/** Queries outside a transaction: repeated texts as named statements (pglite-named.mjs). */
const query = namedQueries(pg);

/** Open transactions by id: PGlite's own transaction (it holds the database until it ends). */
const transactions = new Map();
let nextTx = 1;

const begin = () =>
  new Promise((resolve, reject) => {
    const id = nextTx++;
    let finish;
    const done = new Promise((res, rej) => {
      finish = { commit: res, rollback: rej };
    });
    done.catch(() => {});
    let started = false;
    const ended = pg.transaction(async (tx) => {
      started = true;
      transactions.set(id, { tx, finish, ended });
      resolve(id);
      await done;
    });
    ended.catch((e) => {
      if (!started) reject(e);
    });
  });

const end = async (id, commit) => {
  const t = transactions.get(id);
  if (!t) throw new Error(`no transaction ${id}`);
  transactions.delete(id);
  if (commit) t.finish.commit();
  else t.finish.rollback(new Error('rollback'));
  if (commit) await t.ended;
  else await t.ended.catch(() => {});
};

const handle = async (m) => {
  switch (m.op) {
    case 'query': {
      const options = { rowMode: m.rowMode, parsers };
      if (!m.tx) return plain(await query(m.sql, m.params, options));
      const on = transactions.get(m.tx)?.tx;
      if (!on) throw new Error(`no transaction ${m.tx}`);
      return plain(await on.query(m.sql, m.params, options));
    }
    case 'exec':
      return (await pg.exec(m.sql)).map(plain);
    case 'begin':
      return begin();
    case 'commit':
      return end(m.tx, true);
    case 'rollback':
      return end(m.tx, false);
    case 'dump':
      return new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    case 'close':
      await pg.close();
      return null;
    default:
      throw new Error(`unknown message ${m.op}`);
  }
};

/**
 * Every message gets its answer: a value that cannot be sent (postMessage throws) is answered as an
 * error, instead of an unhandled rejection that would end the thread with the caller still waiting.
 */
const answer = (id, value) => {
  try {
    parentPort.postMessage({ id, value });
  } catch (e) {
    parentPort.postMessage({ id, error: errorOf(e) });
  }
};

parentPort.on('message', (m) => {
  handle(m).then(
    (value) => answer(m.id, value),
    (e) => parentPort.postMessage({ id: m.id, error: errorOf(e) }),
  );
});
parentPort.postMessage({ ready: true });
