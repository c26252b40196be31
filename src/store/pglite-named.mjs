/**
 * Named (prepared) statements on PGlite, which itself sends every query as an unnamed statement: parse,
 * describe, bind, describe, execute and sync, each a call into the WebAssembly, and the statement planned
 * anew each time. A query text seen a second time is parsed once as a named statement; from then on each
 * run is one call (bind, describe, execute) and a sync, and PostgreSQL keeps its plan (a generic plan
 * after five runs when it is no dearer, as for any prepared statement). The texts kept are bounded
 * (`MAX_NAMED`, the least recently used one deallocated first).
 *
 * Uses PGlite's exported protocol helpers (`protocol.serialize`, `parse.parseResults`) and its
 * `_runExclusiveTransaction` / `_runExclusiveQuery` locks, as its own `query` does (written against
 * PGlite 0.5; the store's contract suite runs through it). Plain JavaScript: the worker thread imports it.
 */
import { parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Query texts kept as named statements at most. */
export const MAX_NAMED = 200;
/** Texts counted before they are named, at most (then the count starts again). */
const MAX_SEEN = 2_000;

const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * `query(text, params, options)` with PGlite's answer (`{ rows, fields, affectedRows }`), for queries
 * outside a transaction (a transaction's queries go through its own `query`).
 */
export const namedQueries = (pg) => {
  /** text → { name, types } in order of use (the least recently used first). */
  const named = new Map();
  const seen = new Map();
  let next = 1;
  const quiet = { syncToFs: false };

  const statementOf = async (text) => {
    const hit = named.get(text);
    if (hit) {
      named.delete(text);
      named.set(text, hit);
      return hit;
    }
    if (named.size >= MAX_NAMED) {
      const [oldText, old] = named.entries().next().value;
      named.delete(oldText);
      await pg.execProtocolStream(
        concat([serialize.close({ type: 'S', name: old.name }), serialize.sync()]),
        quiet,
      );
    }
    const name = `jixiao_${next++}`;
    await pg.execProtocolStream(serialize.parse({ name, text }), quiet);
    const types = parse.parseDescribeStatementResults(
      await pg.execProtocolStream(serialize.describe({ type: 'S', name }), quiet),
    );
    const st = { name, types };
    named.set(text, st);
    return st;
  };

  const run = (text, params, options) =>
    pg._runExclusiveTransaction(() =>
      pg._runExclusiveQuery(async () => {
        const messages = [];
        try {
          const { name, types } = await statementOf(text);
          const values = params.map((v, i) => {
            if (v === null || v === undefined) return null;
            const s = pg.serializers[types[i]];
            return s ? s(v) : v.toString();
          });
          messages.push(
            ...(await pg.execProtocolStream(
              concat([
                serialize.bind({ statement: name, values }),
                serialize.describe({ type: 'P' }),
                serialize.execute({}),
              ]),
              quiet,
            )),
          );
        } catch (e) {
          // As PGlite's own query says which query failed. (A text whose parse failed is not kept.)
          throw Object.assign(e, { query: text, params });
        } finally {
          messages.push(...(await pg.execProtocolStream(serialize.sync(), quiet)));
        }
        if (!pg.isInTransaction()) await pg.syncToFs();
        return parse.parseResults(messages, pg.parsers, options)[0];
      }),
    );

  return async (text, params = [], options = {}) => {
    if (!named.has(text)) {
      const n = (seen.get(text) ?? 0) + 1;
      if (seen.size >= MAX_SEEN) seen.clear();
      seen.set(text, n);
      if (n < 2) return pg.query(text, params, options);
      seen.delete(text);
    }
    return run(text, params, options);
  };
};
