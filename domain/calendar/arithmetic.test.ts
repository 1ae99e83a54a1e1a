/**
 * The calendar's arithmetic by prefix sums gives the same instants and minutes as walking the days one by one
 * (the earlier implementation, kept here as the reference), on random instants over years with Tết, swapped
 * Saturdays and announced schedules, at period edges, on days off and across year ends.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../org/dates.js';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from './announced.js';
import { WorkingCalendar } from './workingCalendar.js';

const OFFSET = 7 * 3600_000;
const local = (d: Date) => {
  const t = new Date(d.getTime() + OFFSET);
  return { day: t.toISOString().slice(0, 10), minute: t.getUTCHours() * 60 + t.getUTCMinutes() + t.getUTCSeconds() / 60 };
};
const instant = (day: IsoDate, minute: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + minute * 60_000 - OFFSET);

/** The day-by-day walk of the first implementation. */
function walkAdd(c: WorkingCalendar, from: Date, m: number): Date {
  if (m === 0) return from;
  let { day, minute } = local(from);
  let left = m;
  for (let guard = 0; guard < 20000; guard++, day = addDays(day, 1), minute = 0) {
    if (!c.isWorkingDay(day)) continue;
    for (const [start, end] of c.hours.periods) {
      const begin = Math.max(minute, start);
      if (begin >= end) continue;
      if (left <= end - begin) return instant(day, begin + left);
      left -= end - begin;
    }
  }
  throw new RangeError('far');
}
function walkBetween(c: WorkingCalendar, a: Date, b: Date): number {
  if (b <= a) return 0;
  const A = local(a);
  const B = local(b);
  let total = 0;
  for (let day = A.day; day <= B.day; day = addDays(day, 1)) {
    if (!c.isWorkingDay(day)) continue;
    const lo = day === A.day ? A.minute : 0;
    const hi = day === B.day ? B.minute : 24 * 60;
    for (const [start, end] of c.hours.periods) total += Math.max(0, Math.min(end, hi) - Math.max(start, lo));
  }
  return total;
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('working-time arithmetic by prefix sums = walking the days', () => {
  const calendars = {
    rules: new WorkingCalendar(),
    announced: new WorkingCalendar([
      { year: 2025, replacesRules: true, daysOff: ANNOUNCED_2025.daysOff, workingWeekendDays: ANNOUNCED_2025.workingWeekendDays },
      { year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] },
    ]),
  };
  for (const [name, cal] of Object.entries(calendars)) {
    it(`${name}: 20 000 random additions and differences agree`, () => {
      const r = rng(name === 'rules' ? 1 : 2);
      const t0 = Date.parse('2023-12-20T00:00:00+07:00');
      const span = Date.parse('2027-02-01T00:00:00+07:00') - t0;
      for (let i = 0; i < 20_000; i++) {
        // instants at whole minutes, half of them on a period's edge
        const base = t0 + Math.floor(r() * span / 60_000) * 60_000;
        const edges = ['07:30', '11:30', '13:00', '17:00', '00:00', '12:00'];
        const from = r() < 0.5 ? new Date(base) : new Date(`${local(new Date(base)).day}T${edges[Math.floor(r() * edges.length)]}:00+07:00`);
        const m = r() < 0.1 ? 0 : r() < 0.5 ? Math.floor(r() * 480 * 3) : Math.floor(r() * 480 * 60);
        expect(cal.addWorkingMinutes(from, m).getTime(), `${from.toISOString()} + ${m}`).toBe(walkAdd(cal, from, m).getTime());
        const to = new Date(from.getTime() + Math.floor(r() * 200 * 86_400_000));
        expect(cal.workingMinutesBetween(from, to), `${from.toISOString()} → ${to.toISOString()}`).toBe(walkBetween(cal, from, to));
      }
    });
  }

  for (const [name, cal] of Object.entries(calendars)) {
    it(`${name}: whether an instant is working time agrees with its date and minute read as text`, () => {
      const r = rng(name === 'rules' ? 3 : 4);
      const t0 = Date.parse('2023-12-20T00:00:00+07:00');
      const span = Date.parse('2027-02-01T00:00:00+07:00') - t0;
      const edges = ['07:29:59', '07:30:00', '11:29:59', '11:30:00', '12:59:59', '13:00:00', '16:59:59', '17:00:00', '00:00:00', '23:59:59'];
      for (let i = 0; i < 20_000; i++) {
        const base = new Date(t0 + Math.floor(r() * span));
        const d = r() < 0.5 ? base : new Date(`${local(base).day}T${edges[Math.floor(r() * edges.length)]}.${String(Math.floor(r() * 1000)).padStart(3, '0')}+07:00`);
        const { day, minute } = local(d);
        const expected = cal.isWorkingDay(day) && cal.hours.periods.some(([start, end]) => minute >= start && minute < end);
        expect(cal.isWorkingTime(d), d.toISOString()).toBe(expected);
      }
    });
  }

  it.each([
    // from, working days, due — Tết 2026 (14/2–22/2 off), a deadline ending at 17:00 stays on that day
    ['2026-02-13T09:00:00+07:00', 1, '2026-02-23T09:00:00+07:00'],
    ['2026-02-12T17:00:00+07:00', 1, '2026-02-13T17:00:00+07:00'],
    ['2025-04-25T09:00:00+07:00', 1, '2025-04-26T09:00:00+07:00'], // Saturday 26/4/2025 worked in exchange
    ['2025-12-31T15:00:00+07:00', 2, '2026-01-05T15:00:00+07:00'], // 1/1/2026 off, a weekend
  ])('%s + %s working days = %s (announced)', (from, days, due) => {
    const d = calendars.announced.addWorkingDays(new Date(from), days);
    expect(d.getTime()).toBe(new Date(due).getTime());
  });
});
