/**
 * Working-time arithmetic: additions (N working days / minutes from an instant) and differences (working minutes
 * between two instants) per second, by prefix sums (the calendar's) and by walking the days (the earlier way).
 *   npm run bench:calendar
 */
import { addDays } from '../domain/org/dates.js';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from '../domain/calendar/announced.js';
import { WorkingCalendar } from '../domain/calendar/workingCalendar.js';

const cal = new WorkingCalendar([
  { year: 2025, replacesRules: true, daysOff: ANNOUNCED_2025.daysOff, workingWeekendDays: ANNOUNCED_2025.workingWeekendDays },
  { year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] },
]);
const OFFSET = 7 * 3600_000;
function walkAdd(from: Date, m: number): Date {
  const t = new Date(from.getTime() + OFFSET);
  let day = t.toISOString().slice(0, 10);
  let minute = t.getUTCHours() * 60 + t.getUTCMinutes();
  let left = m;
  for (;; day = addDays(day, 1), minute = 0) {
    if (!cal.isWorkingDay(day)) continue;
    for (const [start, end] of cal.hours.periods) {
      const begin = Math.max(minute, start);
      if (begin >= end) continue;
      if (left <= end - begin) return new Date(Date.parse(`${day}T00:00:00Z`) + (begin + left) * 60_000 - OFFSET);
      left -= end - begin;
    }
  }
}

const N = 1_000_000;
const base = Date.parse('2025-01-02T08:00:00+07:00');
const froms = Array.from({ length: 4096 }, (_, i) => new Date(base + ((i * 7919) % 600) * 86_400_000 + ((i * 31) % 600) * 60_000));
const amounts = Array.from({ length: 4096 }, (_, i) => ((i * 104729) % 30) * 480 + ((i * 13) % 480));

function rate(label: string, n: number, f: (i: number) => unknown) {
  for (let i = 0; i < 10_000; i++) f(i);
  const t = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const s = (performance.now() - t) / 1000;
  const perSecond = Math.round(n / s);
  console.log(`${label}: ${perSecond.toLocaleString('en')} /s`);
  return perSecond;
}

const result = {
  addPrefix: rate('add working minutes (prefix sums)', N, (i) => cal.addWorkingMinutes(froms[i & 4095], amounts[i & 4095])),
  addWalk: rate('add working minutes (walking the days)', N / 20, (i) => walkAdd(froms[i & 4095], amounts[i & 4095])),
  between: rate('working minutes between (prefix sums)', N, (i) => cal.workingMinutesBetween(froms[i & 4095], froms[(i + 1) & 4095])),
};
console.log(JSON.stringify(result));
