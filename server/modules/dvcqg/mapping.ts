/**
 * Mapping what the portal sync sends to what the province keeps, once: a unit name (`DonViXuLy`) to a unit,
 * remembered in the plan import's aliases (table `agency_aliases`, so the plan import knows it too), and a
 * national procedure code (`MaTTHC`) to a procedure of the catalogue (its `national_code`). The records held
 * for the name or code are then applied, in the order they arrived; none is dropped.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { agencyAliases, dvcqgHeld, dvcqgSnapshots, dvcqgSources, orgUnits, procedures } from '../../db/schema.js';
import { fold, nfc } from '../../../domain/text/normalize.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadCalendar } from '../calendar/calendar.js';
import { heldItems, heldMessage, type ItemResult, processItems, summarise } from './receive.js';
import type { Source } from './sources.js';
import { publicVersion } from '../public/version.js';

/** Applies again the held records of the dossiers that wait on this reason and key, source by source. */
export async function releaseHeld(tx: Tx, actor: AuditActor, reason: 'unit' | 'procedure', key: string, now: Date) {
  const waiting = await tx.selectDistinct({ sourceId: dvcqgHeld.sourceId, code: dvcqgHeld.dossierCode }).from(dvcqgHeld).where(and(eq(dvcqgHeld.reason, reason), eq(dvcqgHeld.key, key)));
  const bySource = new Map<number, string[]>();
  for (const w of waiting) bySource.set(w.sourceId, [...(bySource.get(w.sourceId) ?? []), w.code]);
  if (bySource.size === 0) return summarise([]);
  const calendar = await loadCalendar(tx as unknown as Db);
  const all: ItemResult[] = [];
  for (const [sourceId, codes] of bySource) {
    const [source] = await tx.select().from(dvcqgSources).where(eq(dvcqgSources.id, sourceId));
    all.push(...(await releaseDossiers(tx, calendar, source, actor, codes, now)));
  }
  return summarise(all);
}

async function releaseDossiers(tx: Tx, calendar: Awaited<ReturnType<typeof loadCalendar>>, source: Source, actor: AuditActor, codes: string[], now: Date) {
  const held = await heldItems(tx, source.id, codes);
  const results = await processItems(tx, calendar, source, actor, held.map((h) => h.item), now, { releasing: new Set(held.map((h) => h.item.snapshotId!)) });
  for (const [i, r] of results.entries()) {
    const { heldId, item } = held[i];
    if (r.held) {
      await tx.update(dvcqgHeld).set({ reason: r.held.reason, key: r.held.key, text: r.held.text }).where(eq(dvcqgHeld.id, heldId));
      await tx.update(dvcqgSnapshots).set({ message: heldMessage(r.held) }).where(eq(dvcqgSnapshots.id, item.snapshotId!));
    } else {
      await tx.delete(dvcqgHeld).where(eq(dvcqgHeld.id, heldId));
      await tx
        .update(dvcqgSnapshots)
        .set({ outcome: r.outcome, errorCode: r.errors[0]?.code ?? null, message: r.errors.map((e) => e.message).join(' ') || null, events: r.events })
        .where(eq(dvcqgSnapshots.id, item.snapshotId!));
    }
  }
  return results;
}

/** A unit name mapped to a unit (remembered as an alias), and the records waiting on it applied. */
export async function mapUnitName(db: Db, actor: AuditActor, input: { text: string; unitId: number }, now: Date) {
  const text = nfc(input.text);
  const key = fold(text);
  if (!key) throw errors.badRequest('EMPTY_NAME', 'Tên đơn vị trống.', 'The name is empty.');
  return db.transaction(async (tx) => {
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
    if (!unit) throw errors.notFound('unit');
    await tx.insert(agencyAliases).values({ text, folded: key, unitId: input.unitId, createdBy: actor.id }).onConflictDoUpdate({ target: agencyAliases.folded, set: { unitId: input.unitId } });
    await recordAudit(tx, actor, { action: 'dvcqg.map.unit', entityType: 'agency_alias', entityId: key, after: { text, unitId: input.unitId } }, now);
    return releaseHeld(tx, actor, 'unit', key, now);
  });
}

/** A national procedure code given to a procedure of the catalogue, and the records waiting on it applied. */
export async function mapProcedureCode(db: Db, actor: AuditActor, input: { nationalCode: string; procedureId: number }, now: Date) {
  const code = input.nationalCode.trim();
  if (!code) throw errors.badRequest('EMPTY_CODE', 'Mã thủ tục trống.', 'The code is empty.');
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(procedures).where(eq(procedures.id, input.procedureId));
    if (!p) throw errors.notFound('procedure');
    const [other] = await tx.select({ id: procedures.id, code: procedures.code }).from(procedures).where(eq(procedures.nationalCode, code));
    if (other && other.id !== p.id) throw errors.conflict('NATIONAL_CODE_IN_USE', `Mã TTHC quốc gia ${code} đã gắn với thủ tục ${other.code}.`, `The national code ${code} is already given to ${other.code}.`);
    await tx.update(procedures).set({ nationalCode: code, updatedAt: now }).where(eq(procedures.id, p.id));
    await publicVersion.touch(tx);
    await recordAudit(tx, actor, { action: 'procedure.update', entityType: 'procedure', entityId: p.id, before: { nationalCode: p.nationalCode }, after: { nationalCode: code } }, now);
    return releaseHeld(tx, actor, 'procedure', code, now);
  });
}

/** What waits for a mapping: unit names and procedure codes, with how many dossiers and records, and a hint. */
export async function unresolved(db: Db) {
  const rows = await db
    .select({
      reason: dvcqgHeld.reason,
      key: dvcqgHeld.key,
      text: sql<string>`min(${dvcqgHeld.text})`,
      dossiers: sql<number>`count(distinct (${dvcqgHeld.sourceId}, ${dvcqgHeld.dossierCode}))::int`,
      sources: sql<number[]>`array_agg(distinct ${dvcqgHeld.sourceId})`,
    })
    .from(dvcqgHeld)
    .where(inArray(dvcqgHeld.reason, ['unit', 'procedure']))
    .groupBy(dvcqgHeld.reason, dvcqgHeld.key)
    .orderBy(dvcqgHeld.reason, dvcqgHeld.key);
  // the names the senders gave the procedures (TenTTHC, TenLinhVuc), to help find the local one
  const codes = rows.filter((r) => r.reason === 'procedure').map((r) => r.key);
  const names = new Map<string, { name: string | null; field: string | null }>();
  if (codes.length) {
    const seen = await db
      .selectDistinctOn([dvcqgSnapshots.procedureCode], { code: dvcqgSnapshots.procedureCode, name: sql<string | null>`${dvcqgSnapshots.payload}->>'TenTTHC'`, field: sql<string | null>`${dvcqgSnapshots.payload}->>'TenLinhVuc'` })
      .from(dvcqgSnapshots)
      .where(inArray(dvcqgSnapshots.procedureCode, codes))
      .orderBy(dvcqgSnapshots.procedureCode, sql`${dvcqgSnapshots.id} desc`);
    for (const s of seen) names.set(s.code!, { name: s.name, field: s.field });
  }
  return {
    units: rows.filter((r) => r.reason === 'unit').map((r) => ({ key: r.key, text: r.text, dossiers: r.dossiers, sourceIds: r.sources })),
    procedures: rows.filter((r) => r.reason === 'procedure').map((r) => ({ code: r.key, name: names.get(r.key)?.name ?? null, field: names.get(r.key)?.field ?? null, dossiers: r.dossiers, sourceIds: r.sources })),
  };
}
