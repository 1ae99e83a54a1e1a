/**
 * Independent reads (server/db/atOnce.ts): started together on the database handle, one after another inside a
 * transaction, whose single connection takes one query at a time; the results in the reads' order either way.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atOnce, isTransaction } from '../../server/db/atOnce.js';
import type { Database } from '../../server/db/client.js';
import { bareDatabase, ENGINES } from '../helpers/app.js';

describe.each(ENGINES)('independent reads on %s', (engine) => {
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database, close } = await bareDatabase(engine));
  }, 120_000);
  afterAll(() => close());

  /** three reads that note how many are in flight when each starts */
  function reads(db: Parameters<typeof atOnce>[0]) {
    let inFlight = 0;
    const most = { n: 0 };
    const read = (k: number) => async () => {
      most.n = Math.max(most.n, ++inFlight);
      const r = (await db.execute(sql`SELECT ${k}::int AS k, pg_sleep(0.01)`)) as unknown as { rows: { k: number }[] };
      inFlight--;
      return r.rows[0].k;
    };
    return { list: [read(1), read(2), read(3)] as const, most };
  }

  it('on the database: all started before any ends, results in order', async () => {
    const { list, most } = reads(database.db);
    expect(isTransaction(database.db)).toBe(false);
    expect(await atOnce(database.db, [...list])).toEqual([1, 2, 3]);
    expect(most.n).toBe(3);
  });

  it('inside a transaction: one at a time on its connection, results in order', async () => {
    const out = await database.db.transaction(async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      const { list, most } = reads(tx);
      const r = await atOnce(tx, [...list]);
      return { r, most: most.n };
    });
    expect(out).toEqual({ r: [1, 2, 3], most: 1 });
  });

  it('a read that fails fails the whole, inside a transaction as outside', async () => {
    const bad = () => database.db.execute(sql`SELECT 1/0`);
    await expect(atOnce(database.db, [bad, () => database.db.execute(sql`SELECT 1`)])).rejects.toThrow(/Failed query: SELECT 1\/0/);
    await expect(database.db.transaction((tx) => atOnce(tx, [() => tx.execute(sql`SELECT 1`), () => tx.execute(sql`SELECT 1/0`)]))).rejects.toThrow(/Failed query: SELECT 1\/0/);
  });
});
