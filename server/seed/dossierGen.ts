/**
 * Realistic random dossiers for tests and benchmarks: each one a valid sequence of events (checked by the
 * domain as it is built), received in working hours mostly, some online, some needing a supplement, some
 * refused, withdrawn, stopped, a few late, some still open.
 */
import { applyEvent, type Context, type DossierEvent, type DossierState, type EventKind } from '../../domain/dossiers/lifecycle.js';
import { toVietnamIso } from '../../domain/calendar/workingCalendar.js';
import type { IncomingEvent } from '../modules/dossiers/ingest.js';

/** A small deterministic generator (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}
export type Rng = ReturnType<typeof rng>;

const MINUTE = 60_000;

/**
 * Events of one dossier received at `receivedAt`, none later than `until`. `lateBias` (0–1) raises the
 * share of dossiers that take longer than their limit.
 */
export function generateDossier(r: Rng, receivedAt: Date, until: Date, ctx: Context, lateBias = 0.05): DossierEvent[] {
  const events: DossierEvent[] = [];
  let s: DossierState | null = null;
  // the office acts in working hours (the citizen's own steps, online, may come at any time)
  const CITIZEN: EventKind[] = ['registered', 'withdrawn', 'financial_fulfilled'];
  const push = (given: DossierEvent): boolean => {
    const e = CITIZEN.includes(given.kind) || (given.kind === 'supplement_received' && online) ? given : { ...given, at: ctx.calendar.nextWorkingTime(given.at) };
    if (e.at > until) return false;
    try {
      s = applyEvent(s, e, ctx);
      events.push(e);
      return true;
    } catch {
      return false;
    }
  };
  const online = r.next() < 0.45;
  let t = receivedAt.getTime();
  if (online) push({ kind: 'registered', at: new Date(receivedAt.getTime() - r.int(5, 600) * MINUTE), channel: 'online' });
  if (online && r.next() < 0.02) {
    push({ kind: r.next() < 0.7 ? 'refused' : 'withdrawn', at: receivedAt });
    return events;
  }
  if (!push({ kind: 'received', at: receivedAt, channel: online ? 'online' : 'counter' })) return events;
  const limit = ctx.limitMinutes ?? 3 * 480;
  t = events[events.length - 1].at.getTime();
  const step = (maxWorkingShare: number) => {
    // a working-time step of up to `maxWorkingShare` of the limit, converted through the calendar
    const minutes = Math.max(1, Math.round(r.next() * maxWorkingShare * limit));
    t = ctx.calendar.nextWorkingTime(new Date(Math.max(t + MINUTE, ctx.calendar.addWorkingMinutes(new Date(t), minutes).getTime() + r.int(-30, 30) * MINUTE))).getTime();
    return new Date(t);
  };
  if (r.next() < 0.3) push({ kind: 'transferred', at: step(0.1) });
  const supplements = r.next() < 0.15 ? (r.next() < 0.15 ? 2 : 1) : 0;
  for (let i = 0; i < supplements; i++) {
    push({ kind: 'supplement_requested', at: step(0.5) });
    // the citizen takes some days; sometimes never comes back
    if (r.next() < 0.1) return events;
    t += r.int(1, 10) * 24 * 60 * MINUTE;
    if (!online) t = ctx.calendar.nextWorkingTime(new Date(t)).getTime();
    push({ kind: 'supplement_received', at: new Date(t) });
  }
  if (r.next() < 0.05) push({ kind: 'financial_requested', at: step(0.2) }) && push({ kind: 'financial_fulfilled', at: step(0.2) });
  if (r.next() < 0.03 && s) {
    const st = s as DossierState;
    const at = step(0.3);
    if (st.appointment) push({ kind: 'apology', at, appointment: ctx.calendar.addWorkingMinutes(st.appointment, r.int(1, 5) * 480) });
  }
  const endRoll = r.next();
  const kind: EventKind = endRoll < 0.03 ? 'withdrawn' : endRoll < 0.05 ? 'refused' : endRoll < 0.06 ? 'stopped' : 'processed';
  const share = r.next() < lateBias ? 1.0 + r.next() : r.next() * 0.95;
  const end = step(share);
  if (!push({ kind, at: end })) return events;
  if (kind === 'processed' && r.next() < 0.9) push({ kind: 'result_returned', at: new Date(end.getTime() + r.int(10, 3 * 24 * 60) * MINUTE) });
  return events;
}

/** A receipt instant between `from` and `to` in office hours on a working day (dossiers are received by staff). */
export function receiptInstant(r: Rng, fromMs: number, toMs: number, ctx: Context): Date {
  for (;;) {
    const d = new Date(Math.floor((fromMs + r.next() * (toMs - fromMs)) / MINUTE) * MINUTE);
    if (ctx.calendar.isWorkingTime(d)) return d;
  }
}

/** A generated dossier's events as a one-stop system sends them: procedure and unit on the first event. */
export function toIncoming(events: DossierEvent[], d: { sourceSystem: string; dossierCode: string; procedureCode: string; unitCode: string }): IncomingEvent[] {
  return events.map((e, k) => ({
    sourceSystem: d.sourceSystem,
    dossierCode: d.dossierCode,
    procedureCode: k === 0 ? d.procedureCode : null,
    unitCode: k === 0 ? d.unitCode : null,
    kind: e.kind,
    at: toVietnamIso(e.at),
    channel: e.channel ?? null,
    appointment: e.appointment ? toVietnamIso(e.appointment) : null,
  }));
}
