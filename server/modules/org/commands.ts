/**
 * Organisation changes (thành lập, đổi tên, điều chuyển, giải thể, hợp nhất, chia tách). Each runs in one
 * transaction: the domain checks the rules against the history and returns mutations; they are written
 * with an org event (the legal basis) and one audit event per unit touched.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { orgEvents } from '../../db/schema.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import {
  closeUnit,
  createUnit,
  mergeUnits,
  moveUnit,
  type Mutation,
  type NewUnitSpec,
  type OrgHistory,
  renameUnit,
  splitUnit,
  type TargetSpec,
  type UnitType,
} from '../../../domain/org/history.js';
import { nfc } from '../../../domain/text/normalize.js';
import { type AuditActor, recordAudits } from '../audit/record.js';
import { loadHistory, writeMutations } from './history.js';

export type OrgChange =
  | { kind: 'create'; code: string; name: string; type: UnitType; parentId: number | null; validFrom: IsoDate; validTo: IsoDate | null }
  | { kind: 'rename'; unitId: number; name: string; date: IsoDate }
  | { kind: 'move'; unitId: number; parentId: number | null; date: IsoDate }
  | { kind: 'close'; unitId: number; date: IsoDate }
  | { kind: 'merge'; sourceIds: number[]; date: IsoDate; target: TargetSpec }
  | { kind: 'split'; sourceId: number; date: IsoDate; keepSource: boolean; targets: (TargetSpec & { childIds?: number[] })[] };

export interface ChangeMeta {
  legalBasis?: string | null;
  note?: string | null;
}

export interface ChangeResult {
  eventId: number;
  /** the units touched, with real ids */
  unitIds: number[];
  /** ids given to the units the change created, in order */
  createdIds: number[];
}

const ORG_LOCK = 7_310_002;

function cleanSpec(s: NewUnitSpec): NewUnitSpec {
  return { ...s, code: s.code.trim(), name: nfc(s.name) };
}
function cleanTarget<T extends TargetSpec>(t: T): T {
  return 'create' in t ? { ...t, create: cleanSpec(t.create) } : t;
}

function plan(h: OrgHistory, c: OrgChange, newId: () => number): Mutation[] {
  switch (c.kind) {
    case 'create':
      return createUnit(h, { ...cleanSpec(c), validFrom: c.validFrom, validTo: c.validTo }, newId);
    case 'rename':
      return renameUnit(h, c.unitId, nfc(c.name), c.date);
    case 'move':
      return moveUnit(h, c.unitId, c.parentId, c.date);
    case 'close':
      return closeUnit(h, c.unitId, c.date);
    case 'merge':
      return mergeUnits(h, { ...c, target: cleanTarget(c.target) }, newId);
    case 'split':
      return splitUnit(h, { ...c, targets: c.targets.map(cleanTarget) }, newId);
  }
}

function touched(muts: Mutation[]): number[] {
  const ids = new Set<number>();
  for (const m of muts) {
    if (m.op === 'addUnit') ids.add(m.unit.id);
    else if (m.op === 'addName' || m.op === 'addParent') ids.add(m.span.unitId);
    else if (m.op === 'addSuccession') {
      ids.add(m.succession.predecessorId);
      ids.add(m.succession.successorId);
    } else ids.add(m.unitId);
  }
  return [...ids];
}

/** What the audit trail shows of a unit: its life span, names and parents. */
function snapshot(h: OrgHistory, id: number) {
  const unit = h.units.find((u) => u.id === id);
  if (!unit) return null;
  return {
    code: unit.code,
    type: unit.type,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    names: h.names.filter((n) => n.unitId === id).map(({ name, validFrom, validTo }) => ({ name, validFrom, validTo })),
    parents: h.parents.filter((p) => p.unitId === id).map(({ parentId, validFrom, validTo }) => ({ parentId, validFrom, validTo })),
  };
}

/** `now`: when the change is recorded (the demo records the history on the days it took effect). */
export async function applyOrgChangeInTx(tx: Tx, actor: AuditActor, change: OrgChange, meta: ChangeMeta = {}, now = new Date()): Promise<ChangeResult> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ORG_LOCK})`);
  const before = await loadHistory(tx);
  let next = -1;
  const muts = plan(before, change, () => next--);
  const date = change.kind === 'create' ? change.validFrom : change.date;
  const [event] = await tx
    .insert(orgEvents)
    .values({ kind: change.kind, date, legalBasis: meta.legalBasis ?? null, note: meta.note ?? null, unitIds: [], payload: change, createdBy: actor.id, createdAt: now })
    .returning({ id: orgEvents.id });
  const { ids: idMap, after: written } = await writeMutations(tx, muts, event.id, before);
  const unitIds = touched(muts).map((id) => idMap.get(id) ?? id);
  await tx.update(orgEvents).set({ unitIds }).where(eq(orgEvents.id, event.id));
  const after = written ?? (await loadHistory(tx));
  await recordAudits(
    tx,
    actor,
    unitIds.map((id) => ({
      action: `org.${change.kind}`,
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before: snapshot(before, id),
      after: { ...snapshot(after, id), event: { id: event.id, kind: change.kind, date, legalBasis: meta.legalBasis ?? null } },
    })),
    now,
  );
  return { eventId: event.id, unitIds, createdIds: [...idMap.values()] };
}

export function applyOrgChange(db: Db, actor: AuditActor, change: OrgChange, meta: ChangeMeta = {}): Promise<ChangeResult> {
  return db.transaction((tx) => applyOrgChangeInTx(tx, actor, change, meta));
}
