import { describe, expect, it } from 'vitest';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from '../calendar/announced.js';
import { WorkingCalendar } from '../calendar/workingCalendar.js';
import { DomainError } from '../errors.js';
import { applyEvent, type DossierEvent, type EventKind, outcome, replay, STATUS, stateFromJson, stateToJson } from './lifecycle.js';

const calendar = new WorkingCalendar([ANNOUNCED_2025, { year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] }]);
const DAY = 480;
const ctx = { calendar, limitMinutes: 3 * DAY };
const t = (s: string) => new Date(`${s}+07:00`);
const ev = (kind: EventKind, at: string, extra: Partial<DossierEvent> = {}): DossierEvent => ({ kind, at: t(at), ...extra });

// received Mon 2/3/2026 09:00 with a 3-working-day limit: appointment Thu 5/3 09:00
const RECEIVED = ev('received', '2026-03-02T09:00:00', { channel: 'online' });

describe('status and outcome of a dossier', () => {
  const cases: [string, DossierEvent[], keyof typeof STATUS, string, string][] = [
    // name, events, status, outcome, reference instant
    ['processed and returned a day early', [RECEIVED, ev('processed', '2026-03-04T10:00:00'), ev('result_returned', '2026-03-04T15:00:00')], 'returned', 'early', '2026-03-31T17:00:00'],
    ['processed on the appointment day before its hour', [RECEIVED, ev('processed', '2026-03-05T08:30:00')], 'processed', 'on_time', '2026-03-31T17:00:00'],
    ['processed exactly at the appointment', [RECEIVED, ev('processed', '2026-03-05T09:00:00')], 'processed', 'on_time', '2026-03-31T17:00:00'],
    ['processed one minute late', [RECEIVED, ev('processed', '2026-03-05T09:01:00')], 'processed', 'late', '2026-03-31T17:00:00'],
    ['returned without a processed event', [RECEIVED, ev('result_returned', '2026-03-03T10:00:00')], 'returned', 'early', '2026-03-31T17:00:00'],
    ['a supplement wait moves the deadline', [RECEIVED, ev('supplement_requested', '2026-03-03T09:00:00'), ev('supplement_received', '2026-03-06T09:00:00'), ev('processed', '2026-03-10T08:00:00')], 'processed', 'on_time', '2026-03-31T17:00:00'],
    ['…but not past the moved deadline', [RECEIVED, ev('supplement_requested', '2026-03-03T09:00:00'), ev('supplement_received', '2026-03-06T09:00:00'), ev('processed', '2026-03-10T10:00:00')], 'processed', 'late', '2026-03-31T17:00:00'],
    ['a supplement asked for after the deadline does not undo the delay', [RECEIVED, ev('supplement_requested', '2026-03-06T09:00:00'), ev('supplement_received', '2026-03-09T09:00:00'), ev('processed', '2026-03-09T10:00:00')], 'processed', 'late', '2026-03-31T17:00:00'],
    ['a supplement asked for with no working time left (after 17:00 on the appointment day)', [ev('received', '2026-03-02T17:00:00'), ev('supplement_requested', '2026-03-05T17:30:00'), ev('supplement_received', '2026-03-06T08:00:00'), ev('processed', '2026-03-06T08:10:00')], 'processed', 'late', '2026-03-31T17:00:00'],
    ['a second supplement request makes it late', [RECEIVED, ev('supplement_requested', '2026-03-02T10:00:00'), ev('supplement_received', '2026-03-02T11:00:00'), ev('supplement_requested', '2026-03-02T14:00:00'), ev('supplement_received', '2026-03-02T15:00:00'), ev('processed', '2026-03-03T09:00:00')], 'processed', 'late', '2026-03-31T17:00:00'],
    ['an apology before the deadline sets a new appointment', [RECEIVED, ev('apology', '2026-03-04T16:00:00', { appointment: t('2026-03-10T09:00:00') }), ev('processed', '2026-03-09T16:00:00')], 'processed', 'early', '2026-03-31T17:00:00'],
    ['in progress, within its deadline at the reference instant', [RECEIVED, ev('transferred', '2026-03-02T10:00:00')], 'processing', 'in_progress_on_time', '2026-03-04T17:00:00'],
    ['in progress, past its deadline at the reference instant', [RECEIVED, ev('transferred', '2026-03-02T10:00:00')], 'processing', 'in_progress_late', '2026-03-05T10:00:00'],
    ['waiting for a supplement: the wait does not count', [RECEIVED, ev('supplement_requested', '2026-03-03T09:00:00')], 'supplement', 'in_progress_on_time', '2026-03-20T17:00:00'],
    ['financial obligation, then processed', [RECEIVED, ev('financial_requested', '2026-03-02T11:00:00'), ev('financial_fulfilled', '2026-03-03T09:00:00'), ev('processed', '2026-03-04T09:00:00')], 'processed', 'early', '2026-03-31T17:00:00'],
    ['withdrawn by the citizen', [RECEIVED, ev('withdrawn', '2026-03-03T09:00:00')], 'withdrawn', 'withdrawn', '2026-03-31T17:00:00'],
    ['stopped late', [RECEIVED, ev('stopped', '2026-03-06T09:00:00')], 'stopped', 'late', '2026-03-31T17:00:00'],
    ['refused at receipt (online, never received)', [ev('registered', '2026-03-02T08:00:00', { channel: 'online' }), ev('refused', '2026-03-02T10:00:00')], 'refused', 'on_time', '2026-03-31T17:00:00'],
    ['received across Tết 2026', [ev('received', '2026-02-12T10:00:00'), ev('processed', '2026-02-24T09:00:00')], 'processed', 'on_time', '2026-03-31T17:00:00'],
    ['received across Tết 2026, processed the next morning', [ev('received', '2026-02-12T10:00:00'), ev('processed', '2026-02-25T08:00:00')], 'processed', 'late', '2026-03-31T17:00:00'],
  ];
  it.each(cases)('%s: stored as JSON.stringify stores it, read back the same', (_name, events) => {
    // every prefix of the events, so that states with open and closed pauses, appointments moved etc. are all met
    for (let n = 1; n <= events.length; n++) {
      const s = replay(events.slice(0, n), ctx);
      const text = stateToJson(s);
      expect(text).toBe(JSON.stringify(s));
      expect(stateFromJson(JSON.parse(text))).toEqual(s);
    }
  });
  it('stateToJson leaves absent fields out, keeps nulls, writes no NaN', () => {
    const s = { ...replay([RECEIVED], ctx), lateSince: undefined, supplementMinutes: Number.NaN };
    expect(stateToJson(s)).toBe(JSON.stringify(s));
    expect(stateToJson(s)).not.toContain('lateSince');
    expect(stateToJson(s)).toContain('"pausedSince":null');
  });

  it.each(cases)('%s', (_name, events, status, expected, ref) => {
    const s = replay(events, ctx);
    expect(s.status).toBe(status);
    expect(outcome(s, t(ref), calendar).outcome).toBe(expected);
  });

  it('the appointment is computed from the limit across Tết, or taken as given', () => {
    expect(replay([ev('received', '2026-02-12T10:00:00')], ctx).appointment!.toISOString()).toBe(t('2026-02-24T10:00:00').toISOString());
    const given = t('2026-03-20T16:00:00');
    expect(replay([ev('received', '2026-03-02T09:00:00', { appointment: given })], ctx).appointment).toEqual(given);
  });

  it('says how late, in working time', () => {
    const s = replay([RECEIVED, ev('processed', '2026-03-09T12:00:00')], ctx); // deadline Thu 5/3 09:00
    const o = outcome(s, t('2026-03-31T17:00:00'), calendar);
    expect(calendar.split(o.lateMinutes)).toEqual({ days: 2, hours: 2, minutes: 30 });
  });

  it('counts the supplement wait in working minutes only', () => {
    const s = replay([RECEIVED, ev('supplement_requested', '2026-03-06T16:00:00'), ev('supplement_received', '2026-03-09T08:30:00')], ctx);
    expect(s.supplementMinutes).toBe(120); // Fri 16:00–17:00 and Mon 7:30–8:30
  });

  it.each([
    ['an event earlier than the last one', [RECEIVED, ev('processed', '2026-03-01T09:00:00')], 'OUT_OF_ORDER'],
    ['processed twice', [RECEIVED, ev('processed', '2026-03-03T09:00:00'), ev('processed', '2026-03-03T10:00:00')], 'INVALID_TRANSITION'],
    ['received twice', [RECEIVED, RECEIVED], 'INVALID_TRANSITION'],
    ['a supplement received without a request', [RECEIVED, ev('supplement_received', '2026-03-03T09:00:00')], 'INVALID_TRANSITION'],
    ['processing before receipt', [ev('processed', '2026-03-03T09:00:00')], 'INVALID_TRANSITION'],
    ['an apology after the deadline', [RECEIVED, ev('apology', '2026-03-06T09:00:00', { appointment: t('2026-03-12T09:00:00') })], 'APOLOGY_AFTER_DEADLINE'],
    ['an apology with an earlier appointment', [RECEIVED, ev('apology', '2026-03-03T09:00:00', { appointment: t('2026-03-04T09:00:00') })], 'INVALID_APPOINTMENT'],
    ['an appointment before the receipt', [ev('received', '2026-03-02T09:00:00', { appointment: t('2026-03-01T09:00:00') })], 'INVALID_APPOINTMENT'],
  ] as [string, DossierEvent[], string][])('refuses %s', (_n, events, code) => {
    let err: unknown;
    try {
      replay(events, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(code);
  });

  it('needs an appointment or a time limit', () => {
    expect(() => applyEvent(null, RECEIVED, { calendar, limitMinutes: null })).toThrow(DomainError);
  });
});
