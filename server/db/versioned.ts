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
import { dataEpoch } from './dataCache.js';
import { isTransaction } from './atOnce.js';
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

/**
 * A version of data that many anonymous readers are shown as it is (the public pages' published ranking, the
 * procedures list): a random token in the settings row `key`, written by each change in its own transaction as
 * `Versioned` does, but read at most once per `recheckMs` (concurrent readers share one read), so a cached
 * answer costs no query. The process that makes a change sees it at once: for a few seconds after a `touch`
 * the token is read on every call (the change's transaction may not have committed yet); another server
 * process sees it within `recheckMs`.
 */
export class VersionToken {
  /** per database handle (tests open many in one process) */
  private readonly seen = new WeakMap<object, { known: { token: string; at: number } | null; reading: Promise<string> | null; readingSince: number }>();
  /** the last change made in this process (any handle) */
  private touchedAt = 0;

  constructor(
    private readonly key: string,
    private readonly recheckMs = 1000,
  ) {}

  private of(db: object) {
    let s = this.seen.get(db);
    if (!s) this.seen.set(db, (s = { known: null, reading: null, readingSince: 0 }));
    return s;
  }

  async current(db: Db, now = Date.now()): Promise<string> {
    const s = this.of(db);
    if (s.known && now - s.known.at < this.recheckMs && s.known.at > this.touchedAt) return s.known.token;
    // a read begun before a change of this process is not shared with later callers
    if (!s.reading || s.readingSince <= this.touchedAt) {
      const started = now;
      const reading = db
        .select({ value: settings.value })
        .from(settings)
        .where(eq(settings.key, this.key))
        .then(([row]) => {
          const token = (row?.value as { v?: string } | undefined)?.v ?? 'none';
          // no memo while a change made by this process may still be committing
          s.known = started - this.touchedAt > 5000 ? { token, at: started } : null;
          return token;
        })
        .finally(() => s.reading === reading && (s.reading = null));
      s.reading = reading;
      s.readingSince = started;
    }
    return s.reading;
  }

  /** Marks the data as changed, in the change's transaction. */
  async touch(tx: Tx) {
    this.touchedAt = Date.now();
    await tx.execute(sql`INSERT INTO settings (key, value) VALUES (${this.key}, jsonb_build_object('v', ${randomUUID()}::text)) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  }
}
