/**
 * Replay: a source's dossiers derived again from the snapshots kept for them (in arrival order, each with its
 * arrival time), after a rule of the derivation or of the lifecycle changed. Each dossier's events, state and
 * counter contribution are taken away and the records fed again through the receiver, in batches of
 * dossiers, one transaction each; dossiers still held are left as they are.
 */
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { dossierEvents, dossiers, dvcqgHeld, dvcqgSnapshots } from '../../db/schema.js';
import { contributionDelta } from '../../../domain/dossiers/summary.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadCalendar } from '../calendar/calendar.js';
import { DailyDeltas, storedSummary } from '../dossiers/counters.js';
import { dossierLockKey, lockDossiers } from '../dossiers/ingest.js';
import { type Item, processItems, type SyncService } from './receive.js';
import type { Source } from './sources.js';

const BATCH = 200;

const eventKey = (e: { kind: string; at: Date; appointment: Date | null }) => `${e.kind}@${e.at.toISOString()}@${e.appointment?.toISOString() ?? ''}`;

async function eventsOf(tx: Tx, source: Source, codes: string[]) {
  const rows = await tx
    .select({ code: dossiers.code, kind: dossierEvents.kind, at: dossierEvents.at, appointment: dossierEvents.appointment })
    .from(dossierEvents)
    .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
    .where(and(eq(dossiers.sourceSystem, source.code), inArray(dossiers.code, codes)))
    .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.code, [...(m.get(r.code) ?? []), eventKey(r)]);
  return m;
}

export async function replaySource(db: Db, actor: AuditActor, source: Source, now: Date) {
  const calendar = await loadCalendar(db);
  const held = new Set((await db.selectDistinct({ code: dvcqgHeld.dossierCode }).from(dvcqgHeld).where(eq(dvcqgHeld.sourceId, source.id))).map((r) => r.code));
  const all = (await db.selectDistinct({ code: dvcqgSnapshots.dossierCode }).from(dvcqgSnapshots).where(and(eq(dvcqgSnapshots.sourceId, source.id), notInArray(dvcqgSnapshots.outcome, ['held'])))).map((r) => r.code).filter((c) => c && !held.has(c)).sort();
  const totals = { dossiers: 0, changed: 0, refusedRecords: 0 };
  for (let i = 0; i < all.length; i += BATCH) {
    const codes = all.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      await lockDossiers(tx, codes.map((c) => dossierLockKey(source.code, c)));
      const before = await eventsOf(tx, source, codes);
      // take the dossiers away: their counters, events and rows
      const rows = await tx.select().from(dossiers).where(and(eq(dossiers.sourceSystem, source.code), inArray(dossiers.code, codes)));
      const deltas = new DailyDeltas();
      for (const r of rows) deltas.add(r.unitId, r.procedureId, contributionDelta(storedSummary(r), null));
      await deltas.write(tx);
      if (rows.length) {
        await tx.delete(dossierEvents).where(inArray(dossierEvents.dossierId, rows.map((r) => r.id)));
        await tx.delete(dossiers).where(inArray(dossiers.id, rows.map((r) => r.id)));
      }
      const kept = await tx
        .select({ id: dvcqgSnapshots.id, service: dvcqgSnapshots.service, payload: dvcqgSnapshots.payload, arrivedAt: dvcqgSnapshots.arrivedAt })
        .from(dvcqgSnapshots)
        .where(and(eq(dvcqgSnapshots.sourceId, source.id), inArray(dvcqgSnapshots.dossierCode, codes)))
        .orderBy(asc(dvcqgSnapshots.id));
      const items: Item[] = kept.map((k) => ({ service: k.service as SyncService, raw: k.payload, arrivedAt: k.arrivedAt, snapshotId: k.id }));
      const results = await processItems(tx, calendar, source, actor, items, now, { fresh: true });
      for (const [j, r] of results.entries()) {
        await tx
          .update(dvcqgSnapshots)
          .set({ outcome: r.outcome, errorCode: r.errors[0]?.code ?? null, message: r.errors.map((e) => e.message).join(' ') || null, events: r.events })
          .where(eq(dvcqgSnapshots.id, items[j].snapshotId!));
        if (r.held) await tx.insert(dvcqgHeld).values({ snapshotId: items[j].snapshotId!, sourceId: source.id, dossierCode: r.code, reason: r.held.reason, key: r.held.key, text: r.held.text });
      }
      const after = await eventsOf(tx, source, codes);
      for (const c of codes) if ((before.get(c) ?? []).join('|') !== (after.get(c) ?? []).join('|')) totals.changed++;
      totals.dossiers += codes.length;
      totals.refusedRecords += results.filter((r) => r.outcome === 'refused').length;
    });
  }
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'dvcqg.replay', entityType: 'dvcqg_source', entityId: source.id, after: totals }, now));
  return totals;
}
