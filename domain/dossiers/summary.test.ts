import { describe, expect, it } from 'vitest';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from '../calendar/announced.js';
import { WorkingCalendar } from '../calendar/workingCalendar.js';
import { addDays } from '../org/dates.js';
import { applyEvent, type DossierEvent, type DossierState, type EventKind } from './lifecycle.js';
import { composeReport } from './report.js';
import { contributionDelta, type Counter, type Counters, summarize, zeroCounters } from './summary.js';
import { generateDossier, receiptInstant, rng } from '../../server/seed/dossierGen.js';
import { bruteForceReport } from '../../tests/helpers/bruteForce.js';

const calendar = new WorkingCalendar([ANNOUNCED_2025, { year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] }]);
const ctx = { calendar, limitMinutes: 3 * 480 };
const t = (s: string) => new Date(`${s}+07:00`);
const ev = (kind: EventKind, at: string, extra: Partial<DossierEvent> = {}): DossierEvent => ({ kind, at: t(at), ...extra });
const RECEIVED = ev('received', '2026-03-02T09:00:00', { channel: 'online' });

describe('what a dossier adds to the daily counters', () => {
  const cases: [string, DossierEvent[], object][] = [
    ['early: received Mon, processed Wed (appointment Thu 5/3)', [RECEIVED, ev('processed', '2026-03-04T10:00:00')], { receivedOn: '2026-03-02', endedOn: '2026-03-04', result: 'early', lateFrom: null }],
    ['open, within its deadline: late from the appointment day', [RECEIVED], { endedOn: null, result: null, lateFrom: '2026-03-05' }],
    ['late: the late days start at the appointment day', [RECEIVED, ev('processed', '2026-03-06T09:00:00')], { result: 'late', lateFrom: '2026-03-05' }],
    ['on time on the appointment day: never late', [RECEIVED, ev('processed', '2026-03-05T08:00:00')], { result: 'on_time', lateFrom: null }],
    ['waiting for a supplement with time left: cannot become late', [RECEIVED, ev('supplement_requested', '2026-03-03T09:00:00')], { result: null, lateFrom: null }],
    ['the wait ends: the deadline moves by it', [RECEIVED, ev('supplement_requested', '2026-03-03T09:00:00'), ev('supplement_received', '2026-03-06T09:00:00')], { lateFrom: '2026-03-10' }],
    ['a supplement asked for after the deadline: late from the deadline, whatever the wait', [RECEIVED, ev('supplement_requested', '2026-03-06T09:00:00'), ev('supplement_received', '2026-03-20T09:00:00'), ev('processed', '2026-03-20T10:00:00')], { result: 'late', lateFrom: '2026-03-05' }],
    ['a second supplement request: late from that day', [RECEIVED, ev('supplement_requested', '2026-03-02T10:00:00'), ev('supplement_received', '2026-03-02T11:00:00'), ev('supplement_requested', '2026-03-03T14:00:00')], { lateFrom: '2026-03-03' }],
    ['an apology moves the late day', [RECEIVED, ev('apology', '2026-03-04T16:00:00', { appointment: t('2026-03-10T09:00:00') })], { lateFrom: '2026-03-10' }],
    ['refused after receipt, in time', [RECEIVED, ev('refused', '2026-03-03T09:00:00')], { result: 'refused', lateFrom: null }],
    ['refused after receipt, after the deadline', [RECEIVED, ev('refused', '2026-03-09T09:00:00')], { result: 'refused_late', lateFrom: '2026-03-05' }],
    ['withdrawn', [RECEIVED, ev('withdrawn', '2026-03-03T09:00:00')], { result: 'withdrawn', endedOn: '2026-03-03' }],
    ['refused before receipt: not accepted', [ev('registered', '2026-03-01T20:00:00', { channel: 'online' }), ev('refused', '2026-03-02T08:00:00')], { receivedOn: null, result: 'not_accepted', endedOn: '2026-03-02' }],
    ['registered only: not in the report', [ev('registered', '2026-03-01T20:00:00', { channel: 'online' })], { receivedOn: null, result: null, endedOn: null }],
    ['received at 16:00 on 31/12/2025, 3 days across the year end: appointment Tue 6/1 16:00', [ev('received', '2025-12-31T16:00:00'), ev('processed', '2026-01-07T08:00:00')], { receivedOn: '2025-12-31', result: 'late', lateFrom: '2026-01-06' }],
  ];
  it.each(cases)('%s', (_n, events, expected) => {
    let s: DossierState | null = null;
    for (const e of events) s = applyEvent(s, e, ctx);
    expect(summarize(s!, calendar)).toMatchObject(expected);
  });

  it('a change takes the old contribution away and adds the new one', () => {
    const open = summarize(applyEvent(null, RECEIVED, ctx), calendar);
    const done = summarize(applyEvent(applyEvent(null, RECEIVED, ctx), ev('processed', '2026-03-06T09:00:00'), ctx), calendar);
    expect(Object.fromEntries(contributionDelta(open, done))).toEqual({ '2026-03-06': { late: 1, lateEnd: 1 } });
    expect(Object.fromEntries(contributionDelta(null, open))).toEqual({ '2026-03-02': { receivedOnline: 1 }, '2026-03-05': { lateStart: 1 } });
    expect(contributionDelta(done, done).size).toBe(0);
  });
});

describe('daily counters agree with replaying every dossier (generated data)', () => {
  const r = rng(20260322);
  const dossiers: { events: DossierEvent[]; ctx: typeof ctx }[] = [];
  const counters = new Map<string, Counters>();
  const until = t('2026-06-30T23:59:00');
  for (let i = 0; i < 3000; i++) {
    const limit = r.pick([480, 3 * 480, 5 * 480, 15 * 480, 4 * 60]);
    const c = { calendar, limitMinutes: limit };
    const events = generateDossier(r, receiptInstant(r, t('2025-11-01T00:00:00').getTime(), t('2026-06-20T00:00:00').getTime(), c), until, c, 0.15);
    dossiers.push({ events, ctx: c });
    // applied one event at a time, as ingest would
    let s: DossierState | null = null;
    for (const e of events) {
      const before = s ? summarize(s, calendar) : null;
      s = applyEvent(s, e, c);
      for (const [day, delta] of contributionDelta(before, summarize(s, calendar))) {
        const row = counters.get(day) ?? zeroCounters();
        for (const [k, v] of Object.entries(delta)) row[k as Counter] += v;
        counters.set(day, row);
      }
    }
  }
  const sum = (pred: (d: string) => boolean) => {
    const total = zeroCounters();
    for (const [d, row] of counters) if (pred(d)) for (const k of Object.keys(total) as Counter[]) total[k] += row[k];
    return total;
  };
  const periods: [string, string][] = [
    ['2025-11-01', '2025-11-30'],
    ['2026-01-01', '2026-03-31'],
    ['2026-02-13', '2026-02-23'], // around Tết
    ['2026-03-05', '2026-03-05'],
    ['2026-04-01', '2026-06-30'],
    ['2025-01-01', '2025-06-30'], // before any dossier: empty
    ['2026-07-01', '2026-07-31'], // after the last event
    // and random ones
    ...Array.from({ length: 15 }, (): [string, string] => {
      const a = addDays('2025-11-01', r.int(0, 240));
      return [a, addDays(a, r.int(0, 60))];
    }),
  ];
  it.each(periods)('%s – %s', (from, to) => {
    const report = composeReport(sum((d) => d < from), sum((d) => d <= to), sum((d) => d >= from && d <= to));
    const brute = bruteForceReport(dossiers, from, to);
    const { onTimeRate: _a, lateRate: _b, onlineRate: _c, ...counts } = report;
    expect(counts).toEqual(brute);
  });
  it('the generated data has every kind of case', () => {
    const all = bruteForceReport(dossiers, '2025-01-01', '2026-12-31');
    for (const k of ['early', 'onTime', 'late', 'refused', 'withdrawn', 'notAccepted', 'inProgress'] as const) expect(all[k]).toBeGreaterThan(0);
    const mid = bruteForceReport(dossiers, '2026-03-01', '2026-03-31');
    expect(mid.inProgressLate).toBeGreaterThan(0);
    expect(mid.carriedOver).toBeGreaterThan(0);
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
  });
});
