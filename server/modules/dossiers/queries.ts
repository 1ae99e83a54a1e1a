/** Reads of dossiers: the detail with its timeline and outcome, and the public lookup (no personal data). */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dossierEvents, dossiers, orgUnitNames, procedures } from '../../db/schema.js';
import { effectiveDeadline, outcome, STATUS, stateFromJson } from '../../../domain/dossiers/lifecycle.js';
import { toVietnamIso } from '../../../domain/calendar/workingCalendar.js';
import { errors } from '../../errors.js';
import { loadCalendar } from '../calendar/calendar.js';


async function detail(db: Db, row: typeof dossiers.$inferSelect, now: Date) {
  const calendar = await loadCalendar(db);
  const [proc] = await db.select().from(procedures).where(eq(procedures.id, row.procedureId));
  const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, row.id)).orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
  // the receiving unit under the name it had on the day it received the dossier (else its latest name)
  const [unit] = await db.select({ name: orgUnitNames.name }).from(orgUnitNames).where(eq(orgUnitNames.unitId, row.unitId)).orderBy(sql`${orgUnitNames.validFrom} <= coalesce(${row.receivedOn}::date, current_date) desc`, desc(orgUnitNames.validFrom)).limit(1);
  const state = stateFromJson(row.state as Record<string, unknown>);
  const o = outcome(state, now, calendar);
  const deadline = effectiveDeadline(state, state.endAt ?? now, calendar);
  const iso = (d: Date | null) => (d ? toVietnamIso(d) : null);
  return {
    id: row.id,
    code: row.code,
    sourceSystem: row.sourceSystem,
    unitId: row.unitId,
    unitName: unit?.name ?? null,
    procedure: proc ? { code: proc.code, name: proc.name, field: proc.field } : null,
    status: state.status,
    statusCode: STATUS[state.status],
    channel: state.channel,
    receivedAt: iso(state.receivedAt),
    appointment: iso(state.appointment),
    deadline: iso(deadline),
    endAt: iso(state.endAt),
    outcome: o.outcome,
    late: o.lateMinutes ? calendar.split(o.lateMinutes) : null,
    supplementRequests: state.supplementRequests,
    events: events.map((e) => ({ kind: e.kind, at: toVietnamIso(e.at), appointment: iso(e.appointment) })),
  };
}

export async function getDossier(db: Db, id: number, now = new Date()) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) throw errors.notFound('dossier');
  return detail(db, row, now);
}

/** What a citizen may see: status, appointment and history of the dossier, nothing about people. */
export async function publicLookup(db: Db, code: string, now = new Date()) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  if (!row) throw errors.notFound('dossier');
  const d = await detail(db, row, now);
  return { code: d.code, procedure: d.procedure?.name ?? null, status: d.status, statusCode: d.statusCode, receivedAt: d.receivedAt, appointment: d.appointment, endAt: d.endAt, history: d.events.map((e) => ({ kind: e.kind, at: e.at })) };
}
