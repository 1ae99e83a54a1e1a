/**
 * Independent reads sent at once where the handle can take them: on the pool PostgreSQL answers them on
 * several connections; a transaction has one connection, which takes one query at a time (pg queues a
 * second one and will refuse it from pg 9), so there they go one after another.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.js';

/**
 * Whether `db` is a transaction (one connection) rather than the database (a pool, or PGlite). A transaction
 * also sees its own writes before they commit: nothing read through one may be kept for others (dataCache).
 */
export const isTransaction = (db: Db | Tx) => db instanceof PgTransaction;

/** The reads' results in their order: all started at once, or in turn inside a transaction. */
export async function atOnce<T extends unknown[]>(db: Db | Tx, reads: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const list = reads as (() => PromiseLike<unknown>)[];
  if (!isTransaction(db)) return (await Promise.all(list.map((r) => r()))) as T;
  const out: unknown[] = [];
  for (const r of list) out.push(await r());
  return out as T;
}
