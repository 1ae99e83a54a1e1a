/**
 * Data read whole and kept in memory until it changes (the organisation history, the working calendar).
 * Every change writes a new random token in the `settings` row `key`, in the change's own transaction; a read
 * asks only for the token and reloads when it is new. So a change is seen at once by every server process,
 * also inside the transaction that made it, and a change rolled back leaves no token behind.
 * Outside a transaction the token is not even asked for while the data's epoch (server/db/dataCache.ts: the
 * `settings` row is a table like the others) has not moved: one shared check for many requests.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';
import { dataEpoch, isTransaction } from './dataCache.js';
import { settings } from './schema.js';

export class Versioned<T> {
  private readonly kept = new Map<string, T>();
  /** per database: the value read at a known epoch */
  private readonly atEpoch = new WeakMap<object, { epoch: number; value: T }>();

  constructor(
    private readonly key: string,
    private readonly load: (db: Db | Tx) => Promise<T>,
    private readonly size = 32,
  ) {}

  private async token(db: Db | Tx): Promise<string | null> {
    const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, this.key));
    return (row?.value as { v?: string } | undefined)?.v ?? null;
  }

  private keep(token: string, value: T) {
    this.kept.set(token, value);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
  }

  async get(db: Db | Tx): Promise<T> {
    if (isTransaction(db)) return this.read(db, await this.token(db));
    const epoch = await dataEpoch(db as Db);
    const known = this.atEpoch.get(db);
    if (known && known.epoch === epoch) return known.value;
    const value = await this.read(db, await this.token(db));
    this.atEpoch.set(db, { epoch, value });
    return value;
  }

  private async read(db: Db | Tx, token: string | null): Promise<T> {
    const hit = token ? this.kept.get(token) : undefined;
    if (hit !== undefined) return hit;
    const value = await this.load(db);
    if (token) this.keep(token, value);
    return value;
  }

  /** Marks the data as changed; `value`, when the caller has it, is kept for the new token. */
  async touch(tx: Tx, value?: T) {
    const token = randomUUID();
    await tx.execute(sql`INSERT INTO settings (key, value) VALUES (${this.key}, jsonb_build_object('v', ${token}::text)) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
    if (value !== undefined) this.keep(token, value);
  }
}
