/** Loads the organisation history from the database and writes the domain's mutations back. */
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { orgSuccessions, orgUnitNames, orgUnitParents, orgUnits } from '../../db/schema.js';
import { addDays, type IsoDate } from '../../../domain/org/dates.js';
import type { Mutation, OrgHistory, UnitType } from '../../../domain/org/history.js';

export async function loadHistory(db: Db | Tx): Promise<OrgHistory> {
  // one after the other: inside a transaction they share one connection
  const units = await db.select({ id: orgUnits.id, code: orgUnits.code, type: orgUnits.type, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo }).from(orgUnits);
  const names = await db.select({ unitId: orgUnitNames.unitId, name: orgUnitNames.name, validFrom: orgUnitNames.validFrom, validTo: orgUnitNames.validTo }).from(orgUnitNames);
  const parents = await db.select({ unitId: orgUnitParents.unitId, parentId: orgUnitParents.parentId, validFrom: orgUnitParents.validFrom, validTo: orgUnitParents.validTo }).from(orgUnitParents);
  const successions = await db.select({ predecessorId: orgSuccessions.predecessorId, successorId: orgSuccessions.successorId, date: orgSuccessions.date, kind: orgSuccessions.kind }).from(orgSuccessions);
  return {
    units: units.map((u) => ({ ...u, type: u.type as UnitType })),
    names,
    parents,
    successions: successions.map((s) => ({ ...s, kind: s.kind as 'merge' | 'split' })),
  };
}

/** Only the spans alive on `date`: enough for `unitsAsOf`, without reading the whole history. */
export async function loadHistoryOn(db: Db, date: IsoDate): Promise<OrgHistory> {
  const alive = (t: typeof orgUnits | typeof orgUnitNames | typeof orgUnitParents) =>
    and(lte(t.validFrom, date), or(isNull(t.validTo), gte(t.validTo, date)));
  // one after the other: callers may pass a transaction, whose single connection takes one query at a time
  const units = await db.select({ id: orgUnits.id, code: orgUnits.code, type: orgUnits.type, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo }).from(orgUnits).where(alive(orgUnits));
  const names = await db.select({ unitId: orgUnitNames.unitId, name: orgUnitNames.name, validFrom: orgUnitNames.validFrom, validTo: orgUnitNames.validTo }).from(orgUnitNames).where(alive(orgUnitNames));
  const parents = await db.select({ unitId: orgUnitParents.unitId, parentId: orgUnitParents.parentId, validFrom: orgUnitParents.validFrom, validTo: orgUnitParents.validTo }).from(orgUnitParents).where(alive(orgUnitParents));
  return { units: units.map((u) => ({ ...u, type: u.type as UnitType })), names, parents, successions: [] };
}

/**
 * Performs the mutations in order. New units come with placeholder ids from the domain; the returned map
 * gives their real ids.
 */
export async function writeMutations(tx: Tx, muts: Mutation[], eventId: number): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  const real = (id: number) => ids.get(id) ?? id;
  // the span of a unit alive on the day after `validTo` is the one a change ends
  const endOn = (t: typeof orgUnitNames | typeof orgUnitParents, unitId: number, validTo: IsoDate) => {
    const day = addDays(validTo, 1);
    return tx
      .update(t)
      .set({ validTo })
      .where(and(eq(t.unitId, real(unitId)), lte(t.validFrom, day), or(isNull(t.validTo), gte(t.validTo, day))));
  };
  for (const m of muts) {
    switch (m.op) {
      case 'addUnit': {
        const { id: placeholder, ...unit } = m.unit;
        const [row] = await tx.insert(orgUnits).values(unit).returning({ id: orgUnits.id });
        ids.set(placeholder, row.id);
        break;
      }
      case 'endUnit': {
        const day = addDays(m.validTo, 1);
        await tx
          .update(orgUnits)
          .set({ validTo: m.validTo })
          .where(and(eq(orgUnits.id, real(m.unitId)), lte(orgUnits.validFrom, day), or(isNull(orgUnits.validTo), gte(orgUnits.validTo, day))));
        break;
      }
      case 'addName':
        await tx.insert(orgUnitNames).values({ ...m.span, unitId: real(m.span.unitId) });
        break;
      case 'endName':
        await endOn(orgUnitNames, m.unitId, m.validTo);
        break;
      case 'addParent':
        await tx.insert(orgUnitParents).values({ ...m.span, unitId: real(m.span.unitId), parentId: real(m.span.parentId) });
        break;
      case 'endParent':
        await endOn(orgUnitParents, m.unitId, m.validTo);
        break;
      case 'addSuccession':
        await tx.insert(orgSuccessions).values({
          ...m.succession,
          predecessorId: real(m.succession.predecessorId),
          successorId: real(m.succession.successorId),
          eventId,
        });
        break;
    }
  }
  return ids;
}
