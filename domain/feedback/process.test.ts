import { describe, expect, it } from 'vitest';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from '../calendar/announced.js';
import { WorkingCalendar } from '../calendar/workingCalendar.js';
import { DomainError } from '../errors.js';
import {
  allowed, applyEvent, clock, contribution, DEFAULT_LIMITS, EVENTS, type FeedbackEvent, type FeedbackEventKind, type FeedbackStateName, lateAt, onTimeRate,
  PARTIES, replay, STATES, timeLeftText, trackingCode,
} from './process.js';

const cal = new WorkingCalendar([ANNOUNCED_2025, { year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] }]);
const L = DEFAULT_LIMITS;
const t = (s: string) => new Date(`${s}+07:00`);
const ev = (kind: FeedbackEventKind, at: string, unitId?: number): FeedbackEvent => ({ kind, at: t(at), unitId });
const iso = (d: Date | null) => (d ? new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19) : null);

const REC = ev('received', '2026-03-02T09:00:00');
const ACC = ev('accepted', '2026-03-02T10:00:00', 1);

describe('deadline of the current step (working days: Tết, weekends, swapped Saturdays, stopped clock)', () => {
  // name, events, expected state, expected deadline of the current step (local time) or null
  const cases: [string, FeedbackEvent[], FeedbackStateName, string | null][] = [
    ['classification: 5 working days from receipt', [REC], 'received', '2026-03-09T09:00:00'],
    ['classification over a weekend (Fri 16:00)', [ev('received', '2026-03-06T16:00:00')], 'received', '2026-03-13T16:00:00'],
    ['classification across Tết 2026 (off 14–22/2)', [ev('received', '2026-02-12T10:00:00')], 'received', '2026-02-26T10:00:00'],
    ['classification with a swapped Saturday (26/4/2025 worked) and 30/4–4/5 off', [ev('received', '2025-04-24T10:00:00')], 'received', '2025-05-05T10:00:00'],
    ['received after hours: the time starts next morning', [ev('received', '2026-03-06T19:00:00')], 'received', '2026-03-13T17:00:00'],
    ['handling: 15 working days from receipt', [REC, ACC], 'assigned', '2026-03-23T09:00:00'],
    ['handling across Tết: received 12/2/2026', [ev('received', '2026-02-12T10:00:00'), ev('accepted', '2026-02-12T11:00:00', 1)], 'assigned', '2026-03-12T10:00:00'],
    ['a transfer restarts the 15 days', [REC, ACC, ev('transferred', '2026-03-16T09:00:00', 2)], 'assigned', '2026-04-06T09:00:00'],
    ['waiting for information: the clock is stopped', [REC, ACC, ev('info_requested', '2026-03-09T09:00:00')], 'info_requested', null],
    ['information received: the wait (5 working days) moves the deadline', [REC, ACC, ev('info_requested', '2026-03-09T09:00:00'), ev('info_received', '2026-03-16T09:00:00')], 'assigned', '2026-03-30T09:00:00'],
    ['a wait over a weekend counts working time only (Fri 16:00 → Mon 8:30 = 2 h)', [REC, ACC, ev('info_requested', '2026-03-06T16:00:00'), ev('info_received', '2026-03-09T08:30:00')], 'assigned', '2026-03-23T11:00:00'],
    ['a wait across Tết counts nothing of Tết', [ev('received', '2026-02-02T09:00:00'), ev('accepted', '2026-02-02T10:00:00', 1), ev('info_requested', '2026-02-13T16:00:00'), ev('info_received', '2026-02-23T08:30:00')], 'assigned', '2026-03-02T11:00:00'],
    ['draft answer waiting for approval: the handling deadline still runs', [REC, ACC, ev('answered', '2026-03-20T09:00:00')], 'answered', '2026-03-23T09:00:00'],
    ['approved: 2 working days to publish (Fri 15:00 → Tue 15:00)', [REC, ACC, ev('answered', '2026-03-26T09:00:00'), ev('approved', '2026-03-27T15:00:00')], 'approved', '2026-03-31T15:00:00'],
    ['published: nothing more is due', [REC, ACC, ev('answered', '2026-03-26T09:00:00'), ev('approved', '2026-03-27T15:00:00'), ev('published', '2026-03-30T09:00:00')], 'published', null],
  ];
  it.each(cases)('%s', (_n, events, state, deadline) => {
    const s = replay(events, L, cal);
    expect(s.state).toBe(state);
    expect(iso(clock(s, L, cal, s.lastEventAt).deadline)).toBe(deadline);
  });

  it('time limits are data: a ministry’s 3 / 5 / 10 days', () => {
    const own = { ...L, refuseDays: 3, handleDays: 10 };
    const s = replay([REC, ACC], own, cal);
    expect(iso(clock(s, own, cal, s.lastEventAt).deadline)).toBe('2026-03-16T09:00:00');
    expect(replay([REC, ev('refused', '2026-03-05T09:00:00')], own, cal).closedLate).toBe(false);
    expect(replay([REC, ev('refused', '2026-03-05T09:00:00')], L, cal).closedLate).toBe(true);
  });
});

describe('on time or late when the handling ends', () => {
  const cases: [string, FeedbackEvent[], boolean][] = [
    ['refused within 2 working days', [REC, ev('refused', '2026-03-04T09:00:00')], false],
    ['refused one minute after 2 working days', [REC, ev('refused', '2026-03-04T09:01:00')], true],
    ['refused across Tết within 2 working days (12/2 → 23/2)', [ev('received', '2026-02-12T10:00:00'), ev('refused', '2026-02-23T10:00:00')], false],
    ['refused on a swapped Saturday (26/4/2025), within 2 days', [ev('received', '2025-04-24T10:00:00'), ev('refused', '2025-04-26T10:00:00')], false],
    ['forwarded outside competence within 5 working days', [REC, ev('forwarded_outside', '2026-03-09T09:00:00')], false],
    ['forwarded outside competence on day 6', [REC, ev('forwarded_outside', '2026-03-10T08:00:00')], true],
    ['conduct forwarded within 5 days', [REC, ev('forwarded_conduct', '2026-03-03T09:00:00')], false],
    ['answer approved at the deadline', [REC, ACC, ev('answered', '2026-03-20T09:00:00'), ev('approved', '2026-03-23T09:00:00')], false],
    ['answer approved one minute past the deadline', [REC, ACC, ev('answered', '2026-03-20T09:00:00'), ev('approved', '2026-03-23T09:01:00')], true],
    ['the stopped clock moves the deadline', [REC, ACC, ev('info_requested', '2026-03-09T09:00:00'), ev('info_received', '2026-03-16T09:00:00'), ev('answered', '2026-03-27T09:00:00'), ev('approved', '2026-03-30T09:00:00')], false],
    ['…but not further than the wait', [REC, ACC, ev('info_requested', '2026-03-09T09:00:00'), ev('info_received', '2026-03-16T09:00:00'), ev('answered', '2026-03-27T09:00:00'), ev('approved', '2026-03-30T09:01:00')], true],
    ['information asked for after the deadline: the wait cannot undo the delay', [REC, ACC, ev('info_requested', '2026-03-24T09:00:00'), ev('info_received', '2026-03-25T09:00:00'), ev('answered', '2026-03-25T10:00:00'), ev('approved', '2026-03-25T11:00:00')], true],
    ['a transfer within time: 15 days again at the new unit', [REC, ACC, ev('transferred', '2026-03-16T09:00:00', 2), ev('answered', '2026-04-03T09:00:00'), ev('approved', '2026-04-06T09:00:00')], false],
    ['a transfer after the deadline keeps the delay', [REC, ACC, ev('transferred', '2026-03-24T09:00:00', 2), ev('answered', '2026-03-25T09:00:00'), ev('approved', '2026-03-25T10:00:00')], true],
    ['returned draft, answered again, approved in time', [REC, ACC, ev('answered', '2026-03-10T09:00:00'), ev('answer_returned', '2026-03-11T09:00:00'), ev('answered', '2026-03-12T09:00:00'), ev('approved', '2026-03-13T09:00:00')], false],
  ];
  it.each(cases)('%s', (_n, events, late) => {
    const s = replay(events, L, cal);
    expect(s.closedAt).not.toBeNull();
    expect(s.closedLate).toBe(late);
  });
});

describe('overdue at the instant, time used and left', () => {
  const assigned = replay([REC, ACC], L, cal); // deadline Mon 23/3/2026 09:00
  const cases: [string, string, boolean, string][] = [
    ['the next day', '2026-03-03T09:00:00', false, 'còn 14 ngày'],
    ['Wednesday before, 15:00', '2026-03-18T15:00:00', false, 'còn 2 ngày 3 giờ'],
    ['Friday before, 14:00', '2026-03-20T14:00:00', false, 'còn 4 giờ 30 phút'],
    ['a Saturday: no working time passes', '2026-03-21T10:00:00', false, 'còn 1 giờ 30 phút'],
    ['exactly at the deadline', '2026-03-23T09:00:00', false, 'còn 0 phút'],
    ['one second after', '2026-03-23T09:00:01', true, 'quá 0 phút'],
    ['a day and a quarter after', '2026-03-24T13:00:00', true, 'quá 1 ngày 2 giờ'],
  ];
  it.each(cases)('%s', (_n, at, overdue, text) => {
    const c = clock(assigned, L, cal, t(at));
    expect(c.overdue).toBe(overdue);
    expect(timeLeftText(c.leftMinutes!, cal)).toBe(text);
  });

  it('the time used counts working time since receipt, pauses excluded', () => {
    expect(clock(assigned, L, cal, t('2026-03-03T09:00:00')).usedMinutes).toBe(480);
    const paused = replay([REC, ACC, ev('info_requested', '2026-03-04T09:00:00')], L, cal);
    const c = clock(paused, L, cal, t('2026-04-30T09:00:00'));
    expect(c).toMatchObject({ stopped: true, overdue: false, deadline: null, usedMinutes: 960, leftMinutes: 13 * 480 });
    const resumed = applyEvent(paused, ev('info_received', '2026-03-06T09:00:00'), L, cal);
    expect(clock(resumed, L, cal, t('2026-03-09T09:00:00')).usedMinutes).toBe(3 * 480);
  });

  it('a paused item asked after the deadline stays overdue', () => {
    const s = replay([REC, ACC, ev('info_requested', '2026-03-24T09:00:00')], L, cal);
    expect(clock(s, L, cal, t('2026-03-25T09:00:00')).overdue).toBe(true);
    expect(iso(lateAt(s, L, cal))).toBe('2026-03-23T09:00:00');
  });

  it('English text', () => {
    expect(timeLeftText(2 * 480 + 180, cal, 'en')).toBe('2 days 3 hours left');
    expect(timeLeftText(-90, cal, 'en')).toBe('1 hour 30 min overdue');
  });
});

describe('state machine: every event × state × party', () => {
  // For each event, the states it may follow and, per state, who may make it: desk, officer, head, citizen.
  const TABLE: Record<FeedbackEventKind, Partial<Record<FeedbackStateName | 'none', string>>> = {
    received: { none: 'YYYY' },
    refused: { received: 'YYYn' },
    forwarded_conduct: { received: 'YYYn' },
    forwarded_outside: { received: 'YYYn' },
    accepted: { received: 'YYYn' },
    transferred: { assigned: 'YYYn' },
    info_requested: { assigned: 'nYYn' },
    info_received: { info_requested: 'YYYY' },
    answered: { assigned: 'nYYn' },
    answer_returned: { answered: 'nnYn' },
    approved: { answered: 'nnYn' },
    published: { approved: 'YnYn' },
  };
  const rows = EVENTS.flatMap((kind) =>
    (['none', ...STATES] as const).flatMap((state) => PARTIES.map((party, i) => ({ kind, state, party, ok: (TABLE[kind][state] ?? 'nnnn')[i] === 'Y' }))),
  );
  it('covers every combination', () => expect(rows).toHaveLength(EVENTS.length * (STATES.length + 1) * PARTIES.length));
  it.each(rows)('$kind from $state by $party → $ok', ({ kind, state, party, ok }) => {
    expect(allowed(state === 'none' ? null : state, kind, party)).toBe(ok);
  });

  // every refused transition is refused by applyEvent too
  const reach: Record<FeedbackStateName, FeedbackEvent[]> = {
    received: [REC],
    refused: [REC, ev('refused', '2026-03-02T11:00:00')],
    forwarded_conduct: [REC, ev('forwarded_conduct', '2026-03-02T11:00:00')],
    forwarded_outside: [REC, ev('forwarded_outside', '2026-03-02T11:00:00')],
    assigned: [REC, ACC],
    info_requested: [REC, ACC, ev('info_requested', '2026-03-02T11:00:00')],
    answered: [REC, ACC, ev('answered', '2026-03-02T11:00:00')],
    approved: [REC, ACC, ev('answered', '2026-03-02T11:00:00'), ev('approved', '2026-03-02T11:00:00')],
    published: [REC, ACC, ev('answered', '2026-03-02T11:00:00'), ev('approved', '2026-03-02T11:00:00'), ev('published', '2026-03-02T11:00:00')],
  };
  const pairs = STATES.flatMap((state) => EVENTS.map((kind) => ({ state, kind, ok: TABLE[kind][state] !== undefined })));
  it.each(pairs)('$kind after $state: applied → $ok', ({ state, kind, ok }) => {
    const s = replay(reach[state], L, cal);
    const next = () => applyEvent(s, ev(kind, '2026-03-02T14:00:00', kind === 'transferred' ? 2 : 1), L, cal);
    if (ok) expect(next().state).toBeTypeOf('string');
    else expect(next).toThrow(DomainError);
  });

  it('events out of order, a transfer to the same unit and an assignment without unit are refused', () => {
    const s = replay([REC, ACC], L, cal);
    expect(() => applyEvent(s, ev('answered', '2026-03-01T09:00:00'), L, cal)).toThrow(/earlier/);
    expect(() => applyEvent(s, ev('transferred', '2026-03-03T09:00:00', 1), L, cal)).toThrow(/already/);
    expect(() => applyEvent(replay([REC], L, cal), ev('accepted', '2026-03-03T09:00:00'), L, cal)).toThrow(/unit/);
  });
});

describe('counters, on-time rate, tracking code', () => {
  it('an open overdue item adds late_start on its deadline day; closing it late adds late_end', () => {
    const open = replay([REC, ACC], L, cal);
    expect(contribution(open, { channel: 'web', field: null }, L, cal).map((c) => `${c.counter}@${c.day}`)).toEqual(['received@2026-03-02', 'lateStart@2026-03-23']);
    const closed = replay([REC, ACC, ev('answered', '2026-03-24T09:00:00'), ev('approved', '2026-03-24T10:00:00')], L, cal);
    expect(contribution(closed, { channel: 'web', field: null }, L, cal).map((c) => `${c.counter}@${c.day}`)).toEqual(['received@2026-03-02', 'late@2026-03-24', 'lateStart@2026-03-23', 'lateEnd@2026-03-24']);
    const inTime = replay([REC, ev('refused', '2026-03-03T09:00:00')], L, cal);
    expect(contribution(inTime, { channel: 'web', field: null }, L, cal).map((c) => c.counter)).toEqual(['received', 'onTime']);
  });

  const rates: [number, number, number, number | null][] = [
    [0, 0, 0, null],
    [8, 2, 0, 0.8],
    [8, 0, 2, 0.8], // open overdue items count as late
    [3, 1, 0, 0.75],
  ];
  it.each(rates)('on time %i, late %i, open late %i → %s', (onTime, late, openLate, rate) => expect(onTimeRate({ onTime, late, openLate })).toBe(rate));

  it('tracking codes', () => {
    expect(trackingCode('2026-12-02', 12)).toBe('PAKN.20261202.0012');
    expect(trackingCode('2026-12-02', 12345)).toBe('PAKN.20261202.12345');
  });
});
