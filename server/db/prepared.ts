/**
 * A named statement for the hottest reads (the citizen's dossier lookup): parsed and planned once per
 * connection, then only bound and executed. Drizzle's `.prepare()` does not do that on PGlite (every query is
 * parsed and planned again, and planning asks the file system for each relation's size), and raw SQL has no
 * `.prepare()` at all. Parameters and columns are text (rows of strings, e.g. `row_to_json(x)::text`).
 * - PostgreSQL (node-postgres pool): `{ name, text, values }`: each connection of the pool prepares it on its
 *   first use.
 * - PGlite: Parse once, then Bind/Execute/Sync through `execProtocol`, under the same two locks `query()` takes
 *   (no transaction of another request in between; @electric-sql/pglite is pinned, these are its own methods).
 */
import { protocol, type PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Db } from './client.js';

type Run = (values: string[]) => Promise<(string | null)[][]>;

interface PGliteLocks {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** `text`'s parameters are text ($1::text …); each row is its columns as text. */
export function namedStatement(db: Db, name: string, text: string, parameters: number): Run {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client && typeof (client as PGlite).execProtocol === 'function') return pgliteStatement(client as PGlite, name, text, parameters);
  const pool = client as pg.Pool;
  return async (values) => (await pool.query<string[]>({ name, text, values, rowMode: 'array' })).rows;
}

function pgliteStatement(client: PGlite, name: string, text: string, parameters: number): Run {
  const { serialize } = protocol;
  const parse = serialize.parse({ name, text, types: Array(parameters).fill(25) });
  let prepared = false;
  const once = (values: string[]) =>
    (client as unknown as PGliteLocks)._runExclusiveTransaction(() =>
      client.runExclusive(async () => {
        const run = [serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()];
        const r = await client.execProtocol(concat(prepared ? run : [parse, ...run]), { syncToFs: false });
        prepared = true;
        const rows: (string | null)[][] = [];
        for (const m of r.messages) if (m.name === 'dataRow') rows.push((m as unknown as { fields: (string | null)[] }).fields);
        return rows;
      }),
    );
  return async (values) => {
    try {
      return await once(values);
    } catch (e) {
      const code = (e as { code?: string }).code;
      // the statement is gone (a reset connection) or was made by a call that failed later: once more
      if (code !== '26000' && code !== '42P05') throw e;
      prepared = code === '42P05';
      return once(values);
    }
  };
}

/** A PostgreSQL array literal of texts ('{"a","b"}'), for a `$1::text[]` parameter. */
export const textArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/**
 * Keys asked for in the same turn of the event loop, read together: one statement for all of them (at most
 * `max` a statement). Under load many lookups arrive in one turn, and one round trip answers them all (each
 * request still costs at most one query, usually a fraction of one); alone, a key waits for nothing but the
 * end of the turn.
 */
export function batchedByKey<T>(read: (keys: string[]) => Promise<Map<string, T>>, max = 64) {
  let waiting = new Map<string, { resolve: (v: T | undefined) => void; reject: (e: unknown) => void }[]>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const all = waiting;
    waiting = new Map();
    const keys = [...all.keys()];
    for (let i = 0; i < keys.length; i += max) {
      const part = keys.slice(i, i + max);
      read(part).then(
        (found) => {
          for (const k of part) for (const w of all.get(k)!) w.resolve(found.get(k));
        },
        (e) => {
          for (const k of part) for (const w of all.get(k)!) w.reject(e);
        },
      );
    }
  };
  return (key: string) =>
    new Promise<T | undefined>((resolve, reject) => {
      const list = waiting.get(key);
      if (list) list.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
