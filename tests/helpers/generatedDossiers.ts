/**
 * Generated one-stop dossiers sent through the event API, for tests that compare figures with their records:
 * each dossier picks a procedure and the unit it went to before and after the reform of 1/7/2025, is
 * received in working hours between `from` and `to`, and runs (as the demo's do) until `until`.
 */
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { WorkingCalendar } from '../../domain/calendar/workingCalendar.js';
import type { DossierEvent } from '../../domain/dossiers/lifecycle.js';
import { limitMinutes } from '../../domain/procedures/procedure.js';
import { loadCalendar } from '../../server/modules/calendar/calendar.js';
import type { Database } from '../../server/db/client.js';
import { generateDossier, receiptInstant, rng, toIncoming } from '../../server/seed/dossierGen.js';
import { as, type Session } from './app.js';

export const vnInstant = (s: string) => new Date(`${s}+07:00`);

export interface GeneratedDossier {
  code: string;
  unit: string;
  procedure: string;
  events: DossierEvent[];
  ctx: { calendar: WorkingCalendar; limitMinutes: number };
}

export interface Generation {
  seed: number;
  count: number;
  /** [procedure code, unit code before 1/7/2025, unit code after] */
  plan: [string, string, string][];
  from: string;
  to: string;
  until: string;
  lateBias: number;
  prefix: string;
}

/** Generates the dossiers and posts their events in batches of about 800; returns them and the batches sent. */
export async function sendGeneratedDossiers(app: FastifyInstance, database: Database, admin: Session, apiKey: string, g: Generation) {
  const calendar = await loadCalendar(database.db);
  const procs = (await as(app, admin).get('/api/procedures?limit=100')).json().items as { code: string; limit: { value: number; unit: 'day' | 'hour' } }[];
  const byCode = new Map(procs.map((p) => [p.code, p]));
  const r = rng(g.seed);
  const dossiers: GeneratedDossier[] = [];
  const batches: object[][] = [];
  let events: object[] = [];
  for (let i = 0; i < g.count; i++) {
    const [procedure, before, after] = r.pick(g.plan);
    const p = byCode.get(procedure)!;
    const ctx = { calendar, limitMinutes: limitMinutes(p.limit, calendar.minutesPerDay()) };
    const at = receiptInstant(r, vnInstant(g.from).getTime(), vnInstant(g.to).getTime(), ctx);
    const unit = at < vnInstant('2025-07-01T00:00:00') ? before : after;
    const evs = generateDossier(r, at, vnInstant(g.until), ctx, g.lateBias);
    if (!evs.length) continue;
    const code = `${g.prefix}${i}`;
    dossiers.push({ code, unit, procedure, events: evs, ctx });
    events.push(...toIncoming(evs, { sourceSystem: 'gen', dossierCode: code, procedureCode: procedure, unitCode: unit }));
    if (events.length > 800) {
      batches.push(events);
      events = [];
    }
  }
  batches.push(events);
  for (const b of batches) {
    const res = await app.inject({ method: 'POST', url: '/api/dossiers/events', payload: b, headers: { 'x-api-key': apiKey } });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { dossiers, batches };
}
