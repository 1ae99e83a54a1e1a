/**
 * Results computed from the records (statistics, the periodic report's figures, a plan's figures…), kept in
 * memory while the records they were computed from stay as they were (issue 15: many readers of the same
 * figures).
 *
 * Every transaction that writes a table leaves its id in `data_changes` (a statement trigger, migration 0025;
 * sessions, the audit trail and notifications excepted). The process knows the data's *epoch*: a check takes
 * `pg_current_snapshot()` and asks whether any transaction committed since the previous check's snapshot was
 * invisible in it; if so the epoch moves on. A result is kept with the epoch of a check that began before it
 * was computed, and served while a check begun after the request still gives that epoch. A result whose reads
 * saw a newer commit is only thrown away sooner than needed, never served stale; a write rolled back leaves
 * nothing; writers wait for nothing (each inserts its own key). Checks are shared: requests that arrive while
 * one runs wait for the next one, so under load a check costs one query for many requests.
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
import type { Db, Tx } from './client.js';
import { isTransaction } from './atOnce.js';

/** How long a result that depends on the current instant is kept (a window that ends today). */
export const INSTANT_MS = 10_000;

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[]));


/**
 * `data_changes` is pruned as it goes: every PRUNE_MS a check deletes the rows of transactions that had ended
 * before a snapshot this process took at least PRUNE_MS earlier. That is safe for every process sharing the
 * database: one whose previous check came after that snapshot sees those transactions in it (they would not
 * count), and one whose previous check is older than STALE_MS (< PRUNE_MS) counts the data as changed without
 * asking.
 */
export const PRUNE_MS = 10 * 60_000;
export const STALE_MS = 5 * 60_000;

/** The epoch of one database, checked by one query at a time. */
export class DataVersion {
  private snapshot: string | null = null;
  private snapshotAt = 0;
  private prune: { snapshot: string; at: number } | null = null;
  private epoch = 0;
  private running: Promise<number> | null = null;
  private next: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The epoch as a check begun after this call finds it. */
  current(): Promise<number> {
    if (!this.running) return this.start();
    // the running check may have taken its snapshot before a commit this caller already saw: wait for the next
    this.next ??= this.running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.next = null;
      return this.running ?? this.start();
    });
    return this.next;
  }

  private start(): Promise<number> {
    const run = this.check().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async check(): Promise<number> {
    const now = this.clock();
    // a previous snapshot older than STALE_MS: the rows that would tell may have been pruned since
    const previous = this.snapshot && now - this.snapshotAt < STALE_MS ? this.snapshot : null;
    const [row] = rowsOf<{ snapshot: string; changed: boolean }>(
      await this.db.execute(
        previous
          ? sql`SELECT pg_current_snapshot()::text AS snapshot, EXISTS (SELECT 1 FROM data_changes WHERE xid >= pg_snapshot_xmin(${previous}::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ${previous}::pg_snapshot)) AS changed`
          : sql`SELECT pg_current_snapshot()::text AS snapshot, true AS changed`,
      ),
    );
    // checks run one at a time, so `previous` is still the latest snapshot
    if (row.changed) this.epoch++;
    this.snapshot = row.snapshot;
    this.snapshotAt = now;
    if (!this.prune) this.prune = { snapshot: row.snapshot, at: now };
    else if (now - this.prune.at >= PRUNE_MS) {
      await this.db.execute(sql`DELETE FROM data_changes WHERE xid < pg_snapshot_xmin(${this.prune.snapshot}::pg_snapshot)`);
      this.prune = { snapshot: row.snapshot, at: now };
    }
    return this.epoch;
  }
}

const versions = new WeakMap<object, DataVersion>();

/** The data's epoch of `db` as a check begun now finds it: the same number means no table has changed. */
export function dataEpoch(db: Db): Promise<number> {
  let v = versions.get(db);
  if (!v) versions.set(db, (v = new DataVersion(db)));
  return v.current();
}

interface Entry<T> {
  epoch: number;
  value: Promise<T>;
  /** Date.now() after which the entry is not served (results that depend on the current instant) */
  until: number;
}

export class DataCache<T> {
  /** per database (tests open several in one process) */
  private readonly kept = new WeakMap<object, Map<string, Entry<T>>>();
  hits = 0;
  misses = 0;

  constructor(
    readonly name: string,
    private readonly size = 256,
  ) {}

  /**
   * The result for `key`: the kept one when no table has changed since it was computed, otherwise
   * `compute()`'s (kept for the next callers; those asking while it runs at the same epoch wait for it).
   * `instant`: the result depends on the current instant, kept at most INSTANT_MS.
   */
  async get(db: Db, key: string, compute: () => Promise<T>, opts: { instant?: boolean } = {}): Promise<T> {
    if (isTransaction(db)) return compute();
    const epoch = await dataEpoch(db);
    let kept = this.kept.get(db);
    if (!kept) this.kept.set(db, (kept = new Map()));
    const now = Date.now();
    const entry = kept.get(key);
    if (entry && entry.epoch === epoch && entry.until > now) {
      this.hits++;
      kept.delete(key);
      kept.set(key, entry);
      return entry.value;
    }
    this.misses++;
    const fresh: Entry<T> = { epoch, value: compute(), until: opts.instant ? now + INSTANT_MS : Infinity };
    kept.delete(key);
    kept.set(key, fresh);
    if (kept.size > this.size) kept.delete(kept.keys().next().value!);
    const map = kept;
    fresh.value.catch(() => {
      if (map.get(key) === fresh) map.delete(key);
    });
    return fresh.value;
  }
}
