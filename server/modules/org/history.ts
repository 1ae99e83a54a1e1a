/** Loads the organisation history from the database and writes the domain's mutations back. */
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { Versioned } from '../../db/versioned.js';
import type { Db, Tx } from '../../db/client.js';
import { orgSuccessions, orgUnitNames, orgUnitParents, orgUnits } from '../../db/schema.js';
import { addDays, type IsoDate } from '../../../domain/org/dates.js';
import { applyMutations, type Mutation, type OrgHistory, type UnitType } from '../../../domain/org/history.js';
import { publicVersion } from '../public/version.js';

/** The history, read whole once per change of the organisation and kept (server/db/versioned.ts). */
const kept = new Versioned<OrgHistory>('org_history_version', async (db) => freeze(await readHistory(db)));

export const loadHistory = (db: Db | Tx): Promise<OrgHistory> => kept.get(db);

/** Marks the history as changed; with `after`, the history the change leaves is kept for the next read. */
/** Also the public pages' version: their rankings name the units (server/modules/public/version.ts). */
export const touchHistory = async (tx: Tx, after?: OrgHistory) => {
  await publicVersion.touch(tx);
  return kept.touch(tx, after ? freeze(after) : undefined);
};

/** Shared by every request: frozen, so that no caller can change what the others read. */
function freeze(h: OrgHistory): OrgHistory {
  return {
    units: Object.freeze(h.units) as OrgHistory['units'],
    names: Object.freeze(h.names) as OrgHistory['names'],
    parents: Object.freeze(h.parents) as OrgHistory['parents'],
    successions: Object.freeze(h.successions) as OrgHistory['successions'],
  };
}

/** The history read from the tables, without the cache. */
export async function readHistory(db: Db | Tx): Promise<OrgHistory> {
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
export async function writeMutations(tx: Tx, muts: Mutation[], eventId: number, before?: OrgHistory): Promise<{ ids: Map<number, number>; after: OrgHistory | null }> {
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
  const after = before ? applyMutations(before, muts.map((m) => withRealIds(m, real))) : null;
  if (muts.length) await touchHistory(tx, after ?? undefined);
  return { ids, after };
}

/** A mutation with the placeholder ids of new units replaced by their real ids. */
function withRealIds(m: Mutation, real: (id: number) => number): Mutation {
  switch (m.op) {
    case 'addUnit':
      return { ...m, unit: { ...m.unit, id: real(m.unit.id) } };
    case 'addName':
      return { ...m, span: { ...m.span, unitId: real(m.span.unitId) } };
    case 'addParent':
      return { ...m, span: { ...m.span, unitId: real(m.span.unitId), parentId: real(m.span.parentId) } };
    case 'addSuccession':
      return { ...m, succession: { ...m.succession, predecessorId: real(m.succession.predecessorId), successorId: real(m.succession.successorId) } };
    default:
      return { ...m, unitId: real(m.unitId) };
  }
}
