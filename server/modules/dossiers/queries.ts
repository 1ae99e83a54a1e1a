/** Reads of dossiers: the detail with its timeline and outcome, and the public lookup (no personal data). */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dossierEvents, dossiers, orgUnitNames, procedures } from '../../db/schema.js';
import { effectiveDeadline, outcome, STATUS, stateFromJson } from '../../../domain/dossiers/lifecycle.js';
import { toVietnamIso } from '../../../domain/calendar/workingCalendar.js';
import { errors } from '../../errors.js';
import { loadCalendar } from '../calendar/calendar.js';
import { batchedByKey, namedStatement, textArray } from '../../db/prepared.js';

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

/**
 * What a citizen may see: status, appointment and history of the dossier, nothing about people. One query
 * (the dossier, its procedure's name and its events together): the lookup answers a province's phones.
 */
/**
 * The lookup's one statement, prepared once per database (server/db/prepared.ts), for the codes asked for in
 * the same turn of the event loop together: per code its latest dossier as one JSON text (null: none).
 */
const LOOKUP = `
  SELECT c.code, (SELECT row_to_json(x)::text FROM (
    SELECT d.code, d.status, d.received_at, d.appointment, d.end_at, p.name AS procedure,
           coalesce((SELECT json_agg(json_build_object('kind', e.kind, 'at', e.at) ORDER BY e.at, e.id) FROM dossier_events e WHERE e.dossier_id = d.id), '[]'::json) AS history
      FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
     WHERE d.code = c.code
     ORDER BY d.received_at DESC NULLS LAST
     LIMIT 1) x)
    FROM unnest($1::text[]) AS c(code)`;
const lookups = new WeakMap<Db, (code: string) => Promise<string | undefined>>();

function lookupOf(db: Db) {
  let one = lookups.get(db);
  if (!one) {
    const run = namedStatement(db, 'public_dossier_lookup', LOOKUP, 1);
    one = batchedByKey(async (codes) => {
      const found = new Map<string, string>();
      for (const [code, json] of await run([textArray(codes)])) if (json) found.set(code!, json);
      return found;
    });
    lookups.set(db, one);
  }
  return one;
}

export async function publicLookup(db: Db, code: string) {
  const json = await lookupOf(db)(code);
  if (!json) throw errors.notFound('dossier');
  const row = JSON.parse(json) as { code: string; status: keyof typeof STATUS; received_at: string | null; appointment: string | null; end_at: string | null; procedure: string | null; history: { kind: string; at: string }[] };
  const iso = (d: string | null) => (d === null ? null : toVietnamIso(new Date(d)));
  return {
    code: row.code,
    procedure: row.procedure ?? null,
    status: row.status,
    statusCode: STATUS[row.status],
    receivedAt: iso(row.received_at),
    appointment: iso(row.appointment),
    endAt: iso(row.end_at),
    history: row.history.map((h) => ({ kind: h.kind, at: toVietnamIso(new Date(h.at)) })),
  };
}
