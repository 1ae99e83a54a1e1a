/**
 * Results computed from the records (statistics, the periodic report's figures, a plan's figures…), kept in
 * memory while the records they were computed from stay as they were (issue 15: many readers of the same
 * figures).
 *
 * Every transaction that writes a table leaves its id in `data_changes` (a statement trigger, migration 0025;
 * sessions, the audit trail and notifications excepted). A kept result remembers the snapshot
 * (`pg_current_snapshot()`) taken before it was computed, and is served again only while every transaction
 * committed since was already visible in that snapshot — one query, whatever the result. A result computed from
 * reads that saw a newer commit than its snapshot is only thrown away sooner than needed, never served stale; a
 * write rolled back leaves nothing. Writers wait for nothing (each inserts its own key).
 *
 * The key must hold everything the result depends on besides the tables: the unit whose figures they are (the
 * caller's visibility scope — a result never holds what the key does not say who may see), the window, the
 * options, the day. Results that depend on the current instant (a window that ends today: open dossiers turn late
 * during the day) are kept at most `instantMs`.
 *
 * Only for reads through the pool (`Db`), never inside a transaction: a transaction sees its own uncommitted
 * writes, which other requests must not be served.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

interface Entry<T> {
  snapshot: string;
  value: Promise<T>;
  /** Date.now() after which the entry is not served (results that depend on the current instant) */
  until: number;
}

/** How long a result that depends on the current instant is kept (a window that ends today). */
export const INSTANT_MS = 10_000;

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[]));

export class DataCache<T> {
  private readonly kept = new Map<string, Entry<T>>();
  hits = 0;
  misses = 0;

  constructor(
    readonly name: string,
    private readonly size = 256,
  ) {}

  /**
   * The result for `key`: the kept one when no write has committed since its snapshot, otherwise `compute()`'s
   * (kept for the next callers; those asking while it runs wait for it). `instant`: the result depends on the
   * current instant, kept at most INSTANT_MS.
   */
  async get(db: Db, key: string, compute: () => Promise<T>, opts: { instant?: boolean } = {}): Promise<T> {
    const now = Date.now();
    let entry = this.kept.get(key);
    if (entry && entry.until <= now) {
      this.kept.delete(key);
      entry = undefined;
    }
    const [row] = rowsOf<{ snapshot: string; changed: boolean }>(
      await db.execute(
        entry
          ? sql`SELECT pg_current_snapshot()::text AS snapshot, EXISTS (SELECT 1 FROM data_changes WHERE xid >= pg_snapshot_xmin(${entry.snapshot}::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ${entry.snapshot}::pg_snapshot)) AS changed`
          : sql`SELECT pg_current_snapshot()::text AS snapshot, true AS changed`,
      ),
    );
    const current = this.kept.get(key);
    if (entry && !row.changed && current === entry) {
      this.hits++;
      // still true at this later snapshot: checking from it scans fewer changes next time
      entry.snapshot = row.snapshot;
      this.kept.delete(key);
      this.kept.set(key, entry);
      return entry.value;
    }
    // another request may have started the computation from a snapshot at least as new as ours
    if (current && current !== entry && current.until > now && current.snapshot === row.snapshot) return current.value;
    this.misses++;
    const fresh: Entry<T> = { snapshot: row.snapshot, value: compute(), until: opts.instant ? now + INSTANT_MS : Infinity };
    this.kept.delete(key);
    this.kept.set(key, fresh);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    fresh.value.catch(() => {
      if (this.kept.get(key) === fresh) this.kept.delete(key);
    });
    return fresh.value;
  }

  clear() {
    this.kept.clear();
  }
}
