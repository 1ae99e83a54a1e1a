/**
 * Demo dossiers: a year and a half of one-stop dossiers in the sample procedures, sent through the real
 * ingest path as a one-stop system would. Before 1/7/2025 they go to Long An's units (the departments and
 * the communes that were merged), after it to Tây Ninh's, so the statistics show units across the reform.
 * Each unit has its own share of late dossiers, so the ranking is not flat. Labelled: source system "demo-*".
 */
import type { Db } from '../db/client.js';
import { orgUnits, procedures } from '../db/schema.js';
import { limitMinutes } from '../../domain/procedures/procedure.js';
import { toVietnamIso } from '../../domain/calendar/workingCalendar.js';
import type { AuditActor } from '../modules/audit/record.js';
import { loadCalendar } from '../modules/calendar/calendar.js';
import { type IncomingEvent, ingestInBatches } from '../modules/dossiers/ingest.js';
import { generateDossier, receiptInstant, rng, toIncoming } from './dossierGen.js';

const REFORM = new Date('2025-07-01T00:00:00+07:00');
const DEPARTMENTS = ['STP', 'STC', 'SXD', 'SNV', 'SYT', 'SGDDT', 'SKHCN'];
/** Tây Ninh's communes after the reform, and the Long An communes each came from */
const COMMUNES: [string, string[]][] = [
  ['TN.PLONGAN', ['LA.TANAN.P1', 'LA.TANAN.P2', 'LA.TANAN.P3']],
  ['TN.PKHANHHAU', ['LA.TANAN.KH', 'LA.TANAN.HTP']],
  ['TN.PKIENTUONG', ['LA.KIENTUONG.P1', 'LA.KIENTUONG.TT']],
  ['TN.XBENLUC', ['LA.BENLUC.TT', 'LA.BENLUC.TD']],
  ['TN.XCANGIUOC', ['LA.CANGIUOC.TT', 'LA.CANGIUOC.PL']],
];

/**
 * Units whose one-stop systems send the Decision 766 facts (synced, payment, digitisation, electronic result):
 * the others send none, so their 766 criteria 1.3, 3.4 and 4.x stay "no data".
 */
const FACT_UNITS = new Set(['TN.STC', 'TN.STP', 'TN.PLONGAN']);

function withFacts(events: IncomingEvent[], r: ReturnType<typeof rng>) {
  const first = events[0];
  first.syncedToPortal = r.next() < 0.96;
  first.digitised = r.next() < 0.85;
  first.reusedData = r.next() < 0.55;
  // about a third of the dossiers carry a fee or charge; of those, most are paid online
  if (r.next() < 0.35) first.paidOnline = r.next() < 0.7;
  const returned = events.find((e) => e.kind === 'result_returned');
  if (returned) returned.electronicResult = r.next() < 0.75;
}

/** `from` / `until`: another stretch of time than the last year and a half (e.g. Long An's 2023, for its Q3 report). */
export async function loadDemoDossiers(db: Db, actor: AuditActor, opts: { count?: number; now?: Date; from?: Date; until?: Date; seed?: number } = {}) {
  const now = opts.now ?? new Date();
  const count = opts.count ?? 3000;
  const calendar = await loadCalendar(db);
  const units = new Map((await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.id, u.code]));
  const codes = new Set(units.values());
  const procs = (await db.select().from(procedures)).filter((p) => p.code.startsWith('MAU.'));
  if (procs.length === 0) return 0;
  const r = rng(opts.seed ?? 766);
  const lateBias = new Map<string, number>();
  const bias = (unit: string) => {
    const key = unit.replace(/^LA\./, 'TN.');
    if (!lateBias.has(key)) lateBias.set(key, 0.005 + r.next() * 0.12);
    return lateBias.get(key)!;
  };
  const start = opts.from ?? new Date(Date.UTC(now.getUTCFullYear() - 1, 5, 1) - 7 * 3600_000);
  const until = opts.until ?? new Date(now.getTime() - 60_000);
  // the 766 facts on part of the units, from their own random stream (the other figures stay as they were)
  const facts = rng((opts.seed ?? 766) + 1);
  const events: IncomingEvent[] = [];
  const seq = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const p = r.pick(procs);
    const limit = limitMinutes({ value: Number(p.limitValue), unit: p.limitUnit as 'day' | 'hour' }, calendar.minutesPerDay());
    const ctx = { calendar, limitMinutes: limit };
    const at = receiptInstant(r, start.getTime(), until.getTime() - 3600_000, ctx);
    let unit: string;
    if (p.level === 'commune') {
      const [now2, before] = r.pick(COMMUNES);
      unit = at < REFORM ? r.pick(before) : now2;
    } else {
      const agency = p.agencyUnitId ? units.get(p.agencyUnitId) : undefined;
      unit = agency?.startsWith('TN.') ? agency : `TN.${r.pick(DEPARTMENTS)}`;
      if (at < REFORM) unit = unit.replace(/^TN\./, 'LA.');
    }
    if (!codes.has(unit)) continue;
    const evs = generateDossier(r, at, until, ctx, bias(unit));
    if (evs.length === 0) continue;
    const day = toVietnamIso(at).slice(2, 10).replace(/-/g, '');
    const n = (seq.get(`${unit}${day}`) ?? 0) + 1;
    seq.set(`${unit}${day}`, n);
    const dossierCode = `${unit.replace(/\./g, '-')}-${day}-${String(n).padStart(4, '0')}`;
    const sourceSystem = p.level === 'commune' ? 'demo-motcua-xa' : 'demo-igate';
    const incoming = toIncoming(evs, { sourceSystem, dossierCode, procedureCode: p.code, unitCode: unit });
    if (FACT_UNITS.has(unit)) withFacts(incoming, facts);
    events.push(...incoming);
  }
  // in receipt order, in batches, as a one-stop system would send them
  await ingestInBatches(db, actor, events, now);
  return events.length;
}
