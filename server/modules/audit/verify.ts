/**
 * Re-computes the whole chain in id order, in pages: each event's hash from its content and the previous
 * hash, its MAC with the key kept outside the database, and the head. Against a signed checkpoint (taken
 * earlier and kept elsewhere) it also finds what the chain alone cannot: a tail cut off with the head set
 * back, or a table emptied. Events written before MACs existed (no `mac`) are counted as such; a missing MAC
 * after the first one is a break.
 */
import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, auditHead } from '../../db/schema.js';
import { canonicalJson, eventHash, GENESIS_HASH } from './chain.js';
import { macMatches, macOf } from './key.js';

export interface Checkpoint {
  lastId: number;
  lastHash: string;
  count: number;
  /** when it was taken, ISO */
  at: string;
  /** HMAC of the fields above with the audit key */
  signature: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  /** id of the first event whose content, link or MAC no longer matches (or the missing last event) */
  firstBroken: number | null;
  /** why, when not ok: content | mac | head | checkpoint */
  problem?: 'content' | 'mac' | 'head' | 'checkpoint_signature' | 'checkpoint_missing_event' | 'checkpoint_count';
  /** events from before MACs were kept */
  legacy?: number;
}

const signed = (c: Omit<Checkpoint, 'signature'>) => canonicalJson({ lastId: c.lastId, lastHash: c.lastHash, count: c.count, at: c.at });

/** The head as it is now, signed: to be downloaded and kept outside the database. */
export async function takeCheckpoint(db: Db, now = new Date()): Promise<Checkpoint> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const c = { lastId: head?.lastId ?? 0, lastHash: head?.lastHash ?? GENESIS_HASH, count: head?.count ?? 0, at: now.toISOString() };
  return { ...c, signature: macOf(signed(c)) };
}

export async function verifyAuditChain(db: Db, checkpoint?: Checkpoint, pageSize = 2000): Promise<VerifyResult> {
  if (checkpoint && !macMatches(signed(checkpoint), checkpoint.signature)) return { ok: false, events: 0, firstBroken: null, problem: 'checkpoint_signature' };
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let events = 0;
  let legacy = 0;
  let macSeen = false;
  let checkpointSeen = !checkpoint || checkpoint.count === 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(pageSize);
    for (const e of page) {
      events++;
      if (e.prevHash !== prevHash || eventHash(prevHash, e) !== e.hash) return { ok: false, events, firstBroken: e.id, problem: 'content' };
      if (e.mac === null && !macSeen) legacy++;
      else {
        macSeen = true;
        if (!macMatches(e.hash, e.mac)) return { ok: false, events, firstBroken: e.id, problem: 'mac' };
      }
      if (checkpoint && e.id === checkpoint.lastId) {
        if (e.hash !== checkpoint.lastHash || events !== checkpoint.count) return { ok: false, events, firstBroken: e.id, problem: 'checkpoint_missing_event' };
        checkpointSeen = true;
      }
      prevHash = e.hash;
      lastId = e.id;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if ((head && (head.lastHash !== prevHash || head.count !== events)) || (!head && events > 0)) {
    return { ok: false, events, firstBroken: head && head.lastId > lastId ? head.lastId : lastId, problem: 'head' };
  }
  if (checkpoint && (!checkpointSeen || events < checkpoint.count)) {
    return { ok: false, events, firstBroken: checkpointSeen ? null : checkpoint.lastId, problem: events < checkpoint.count ? 'checkpoint_count' : 'checkpoint_missing_event' };
  }
  return { ok: true, events, firstBroken: null, ...(legacy ? { legacy } : {}) };
}
