/**
 * Events cut into batches for `runBatches`: about `size` events each, a dossier's run of consecutive
 * events never cut, and with `classes` > 1 each batch kept to the lock buckets of one class (bucket mod
 * classes), so that batches of different classes hold disjoint locks and run side by side. A dossier is always
 * in the same class, so its events keep their order.
 */
import type { IncomingEvent } from './ingest.js';
import { dossierLockKey, lockBucket } from './lockKeys.js';

export class BatchBuilder<T = undefined> {
  private pending: { events: IncomingEvent[]; tags: T[] }[];

  constructor(
    private size: number,
    private classes = 1,
  ) {
    this.pending = Array.from({ length: Math.max(1, classes) }, () => ({ events: [], tags: [] }));
  }

  /** Adds an event (with a tag of the caller's, e.g. its row in a file); returns a batch when one is full. */
  add(e: IncomingEvent, tag?: T): { events: IncomingEvent[]; tags: T[] } | null {
    const c = this.classes === 1 ? 0 : lockBucket(dossierLockKey(e.sourceSystem, e.dossierCode)) % this.classes;
    let full = null;
    const b = this.pending[c];
    if (b.events.length >= this.size && b.events[b.events.length - 1].dossierCode !== e.dossierCode) {
      full = b;
      this.pending[c] = { events: [], tags: [] };
    }
    this.pending[c].events.push(e);
    this.pending[c].tags.push(tag as T);
    return full;
  }

  /** The batches not yet full, at the end. */
  rest() {
    const out = this.pending.filter((b) => b.events.length);
    this.pending = this.pending.map(() => ({ events: [], tags: [] }));
    return out;
  }
}
