/** Reads of the organisation: the units alive on a date, and one unit's whole history. */
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgEvents } from '../../db/schema.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import { type OrgHistory, unitHistory, unitsAsOf } from '../../../domain/org/history.js';
import { errors } from '../../errors.js';
import { loadHistory } from './history.js';

/** From the kept history (server/db/versioned.ts): no query while the organisation stands. */
export async function listUnitsAsOf(db: Db, date: IsoDate) {
  return unitsAsOf(await loadHistory(db), date);
}

/** The latest name a unit had (the name it is remembered by). */
function lastName(h: OrgHistory, id: number): string {
  const names = h.names.filter((n) => n.unitId === id).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return names.at(-1)?.name ?? h.units.find((u) => u.id === id)?.code ?? String(id);
}

export async function getUnitHistory(db: Db, id: number) {
  const h = await loadHistory(db);
  if (!h.units.some((u) => u.id === id)) throw errors.notFound('unit');
  const hist = unitHistory(h, id);
  const ref = (unitId: number) => {
    const u = h.units.find((x) => x.id === unitId)!;
    return { id: unitId, code: u.code, name: lastName(h, unitId), type: u.type, validFrom: u.validFrom, validTo: u.validTo };
  };
  const events = await db
    .select({ id: orgEvents.id, kind: orgEvents.kind, date: orgEvents.date, legalBasis: orgEvents.legalBasis, note: orgEvents.note, unitIds: orgEvents.unitIds })
    .from(orgEvents)
    .where(sql`${id} = ANY(${orgEvents.unitIds})`)
    .orderBy(desc(orgEvents.date), desc(orgEvents.id));
  return {
    ...hist.unit,
    name: lastName(h, id),
    names: hist.names.map(({ name, validFrom, validTo }) => ({ name, validFrom, validTo })),
    parents: hist.parents.map(({ parentId, validFrom, validTo }) => ({ parent: ref(parentId), validFrom, validTo })),
    children: h.parents
      .filter((p) => p.parentId === id)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || lastName(h, a.unitId).localeCompare(lastName(h, b.unitId), 'vi'))
      .map(({ unitId, validFrom, validTo }) => ({ unit: ref(unitId), validFrom, validTo })),
    cameFrom: hist.cameFrom.map((s) => ({ ...ref(s.unitId), date: s.date, kind: s.kind, depth: s.depth, viaUnitId: s.viaUnitId })),
    wentInto: hist.wentInto.map((s) => ({ ...ref(s.unitId), date: s.date, kind: s.kind, depth: s.depth, viaUnitId: s.viaUnitId })),
    events: events.map((e) => ({ ...e, units: e.unitIds.filter((u) => u !== id).map(ref) })),
  };
}
