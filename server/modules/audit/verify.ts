/** Re-computes the whole chain in id order, in pages, and compares it with the stored hashes and head. */
import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, auditHead } from '../../db/schema.js';
import { eventHash, GENESIS_HASH } from './chain.js';

export interface VerifyResult {
  ok: boolean;
  events: number;
  /** id of the first event whose content or link no longer matches (or the missing last event) */
  firstBroken: number | null;
}

export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let events = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(pageSize);
    for (const e of page) {
      events++;
      if (e.prevHash !== prevHash || eventHash(prevHash, e) !== e.hash) {
        return { ok: false, events, firstBroken: e.id };
      }
      prevHash = e.hash;
      lastId = e.id;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (head && (head.lastHash !== prevHash || head.count !== events)) {
    return { ok: false, events, firstBroken: head.lastId > lastId ? head.lastId : lastId };
  }
  if (!head && events > 0) return { ok: false, events, firstBroken: lastId };
  return { ok: true, events, firstBroken: null };
}
