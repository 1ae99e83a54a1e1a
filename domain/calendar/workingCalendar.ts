/**
 * Working days and working time for dossier deadlines.
 *
 * Days off come from two sources. The rules (Labour Code 2019, art. 112) give a default calendar: 1/1;
 * Tết Nguyên đán, 5 days (by default the last day of the lunar year and the first four of the new one);
 * Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 and one adjacent day; and, where a holiday falls on the
 * weekly rest day, a compensatory day on the next working day. The government's yearly announcement
 * (days off, Saturdays worked in exchange), recorded by an administrator, replaces the rule-based days
 * off of that year entirely. Working hours default to 7:30–11:30 and 13:00–17:00, Monday to Friday.
 *
 * Instants are `Date`s; business time is Vietnamese local time (UTC+7, no daylight saving).
 */
import { addDays, type IsoDate } from '../org/dates.js';
import { fromLunar, tet } from './lunar.js';

export interface DayOff {
  date: IsoDate;
  name: string;
  source: 'rule' | 'compensation' | 'announced';
}

/** A year's schedule as the government announced it. */
export interface AnnouncedYear {
  year: number;
  /** true (default): the announcement lists every day off of the year; false: its days are added to the rules */
  replacesRules?: boolean;
  daysOff: { date: IsoDate; name: string }[];
  /** weekend days worked in exchange for a bridging day off */
  workingWeekendDays: IsoDate[];
  source?: string | null;
}

export interface WorkingHours {
  /** minutes after local midnight, e.g. 7:30 → 450 */
  periods: [number, number][];
  /** 0 = Sunday … 6 = Saturday */
  weekdays: number[];
}

export const DEFAULT_HOURS: WorkingHours = {
  periods: [
    [7 * 60 + 30, 11 * 60 + 30],
    [13 * 60, 17 * 60],
  ],
  weekdays: [1, 2, 3, 4, 5],
};

export const weekday = (d: IsoDate) => new Date(`${d}T00:00:00Z`).getUTCDay();

export interface RuleOptions {
  /** Vietnamese Culture Day 24/11, from Resolution 30/NQ-CP (2026), pending the law: on by default from 2026 */
  cultureDay?: boolean;
}

/** The days off of `year` by the rules alone, with compensation for holidays on a rest day. */
export function ruleDaysOff(year: number, hours: WorkingHours = DEFAULT_HOURS, opts: RuleOptions = {}): DayOff[] {
  const holidays: { date: IsoDate; name: string }[] = [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }];
  // Tết of this lunar year, and of the next one when its eve falls in this Gregorian year
  for (const ly of [year, year + 1]) {
    const first = tet(ly);
    const days = [-1, 0, 1, 2, 3].map((k) => addDays(first, k));
    const names = ['Tết Nguyên đán (cuối năm)', 'Tết Nguyên đán (mùng 1)', 'Tết Nguyên đán (mùng 2)', 'Tết Nguyên đán (mùng 3)', 'Tết Nguyên đán (mùng 4)'];
    days.forEach((d, i) => d.startsWith(String(year)) && holidays.push({ date: d, name: names[i] }));
  }
  holidays.push({ date: fromLunar({ year, month: 3, day: 10, leap: false })!, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  holidays.push({ date: `${year}-04-30`, name: 'Ngày Giải phóng miền Nam' }, { date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động' });
  // 2/9 and the adjacent day that joins it to a weekend (the government names it each year)
  const sep2 = `${year}-09-02`;
  const w = weekday(sep2);
  const adjacent = w === 2 || w === 5 || w === 6 ? `${year}-09-01` : `${year}-09-03`;
  holidays.push({ date: sep2, name: 'Quốc khánh' }, { date: adjacent, name: 'Quốc khánh (ngày liền kề)' });
  if (opts.cultureDay ?? year >= 2026) holidays.push({ date: `${year}-11-24`, name: 'Ngày Văn hóa Việt Nam' });

  holidays.sort((a, b) => a.date.localeCompare(b.date));
  const off = new Map<IsoDate, DayOff>(holidays.map((h) => [h.date, { ...h, source: 'rule' as const }]));
  // a holiday on a rest day is made up on the next working day that is not itself a holiday
  for (const h of holidays) {
    if (hours.weekdays.includes(weekday(h.date))) continue;
    let d = addDays(h.date, 1);
    while (!hours.weekdays.includes(weekday(d)) || off.has(d)) d = addDays(d, 1);
    off.set(d, { date: d, name: `Nghỉ bù ${h.name}`, source: 'compensation' });
  }
  return [...off.values()].filter((d) => d.date.startsWith(String(year))).sort((a, b) => a.date.localeCompare(b.date));
}

/** The calendar the system works with: rules for years without an announcement, the announcement otherwise. */
export class WorkingCalendar {
  private readonly years = new Map<number, { off: Map<IsoDate, DayOff>; worked: Set<IsoDate> }>();

  constructor(
    private readonly announced: AnnouncedYear[] = [],
    readonly hours: WorkingHours = DEFAULT_HOURS,
    private readonly opts: RuleOptions = {},
  ) {}

  private year(y: number) {
    let cached = this.years.get(y);
    if (!cached) {
      const a = this.announced.find((x) => x.year === y);
      const announced = (a?.daysOff ?? []).map((d) => ({ ...d, source: 'announced' as const }));
      const off = a && a.replacesRules !== false ? announced : [...ruleDaysOff(y, this.hours, this.opts), ...announced];
      cached = { off: new Map(off.map((d) => [d.date, d])), worked: new Set(a?.workingWeekendDays ?? []) };
      this.years.set(y, cached);
    }
    return cached;
  }

  announcement(y: number): AnnouncedYear | undefined {
    return this.announced.find((x) => x.year === y);
  }

  daysOff(y: number): DayOff[] {
    return [...this.year(y).off.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  workingWeekendDays(y: number): IsoDate[] {
    return [...this.year(y).worked].sort();
  }

  isWorkingDay(d: IsoDate): boolean {
    const y = this.year(Number(d.slice(0, 4)));
    if (y.worked.has(d)) return true;
    return this.hours.weekdays.includes(weekday(d)) && !y.off.has(d);
  }

  /**
   * Working minutes before each day, from a first day on (`cum[i]`: the days first … first + i − 1), grown as
   * needed: additions and differences of working time look days up instead of walking them, with days as
   * numbers (days since 1970-01-01 at UTC+7), never strings.
   */
  private first = 0;
  private cum: number[] | null = null;
  private perDayCache = -1;

  private ensure(i: number) {
    if (this.cum === null) {
      this.first = i - 400;
      this.cum = [0];
      this.perDayCache = this.minutesPerDay();
    } else if (i < this.first) {
      const last = this.first + this.cum.length - 1;
      this.first = i - 400;
      this.cum = [0];
      this.ensure(last);
    }
    const cum = this.cum!;
    while (this.first + cum.length - 1 <= i) {
      const d = this.first + cum.length - 1;
      cum.push(cum[cum.length - 1] + (this.isWorkingDay(dayOf(d)) ? this.perDayCache : 0));
    }
  }

  /** Working minutes of the whole days [a, b) (day numbers). */
  private fullDays(a: number, b: number): number {
    if (b <= a) return 0;
    this.ensure(b);
    if (a < this.first) this.ensure(a);
    return this.cum![b - this.first] - this.cum![a - this.first];
  }

  private workingIdx(i: number): boolean {
    return this.fullDays(i, i + 1) > 0;
  }

  /** The instant `workingMinutes` of working time after `from` (a deadline ends a period: 17:00, not 7:30 next day). */
  addWorkingMinutes(from: Date, workingMinutes: number): Date {
    if (workingMinutes < 0) throw new RangeError('negative working time');
    if (workingMinutes === 0) return from;
    const t = from.getTime() + OFFSET_MS;
    const day = Math.floor(t / DAY_MS);
    const minute = Math.floor((t - day * DAY_MS) / 1000) / 60; // whole seconds, as instants are kept
    const periods = this.hours.periods;
    let left = workingMinutes;
    // the rest of the first day
    if (this.workingIdx(day)) {
      for (const [start, end] of periods) {
        const begin = Math.max(minute, start);
        if (begin >= end) continue;
        if (left <= end - begin) return at(day, begin + left);
        left -= end - begin;
      }
    }
    // whole days after it: the first day with enough working time up to its end (binary search on the sums)
    const start = day + 1;
    const perDay = this.minutesPerDay();
    if (perDay === 0) throw new RangeError('working time too far ahead');
    let hi = start + Math.ceil(left / perDay) * 2 + 30;
    while (this.fullDays(start, hi + 1) < left) {
      hi = start + (hi - start) * 2 + 1;
      if (hi - start > 20_000) throw new RangeError('working time too far ahead');
    }
    let lo = start;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.fullDays(start, mid + 1) >= left) hi = mid;
      else lo = mid + 1;
    }
    left -= this.fullDays(start, lo);
    for (const [s0, e0] of periods) {
      if (left <= e0 - s0) return at(lo, s0 + left);
      left -= e0 - s0;
    }
    throw new RangeError('working time arithmetic');
  }

  /** Whether `d` falls in working hours on a working day. */
  isWorkingTime(d: Date): boolean {
    // the day as a number and the minute of it (whole seconds), as addWorkingMinutes: no date strings
    const t = d.getTime() + OFFSET_MS;
    const day = Math.floor(t / DAY_MS);
    const minute = Math.floor((t - day * DAY_MS) / 1000) / 60;
    return this.hours.periods.some(([start, end]) => minute >= start && minute < end) && this.workingIdx(day);
  }

  /** `from` if it is working time, else the start of the next working period. */
  nextWorkingTime(from: Date): Date {
    if (this.isWorkingTime(from)) return from;
    return new Date(this.addWorkingMinutes(from, 1).getTime() - 60_000);
  }

  addWorkingDays(from: Date, days: number): Date {
    return this.addWorkingMinutes(from, days * this.minutesPerDay());
  }

  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingMinutes(from, Math.round(hours * 60));
  }

  minutesPerDay(): number {
    return this.hours.periods.reduce((s, [a, b]) => s + b - a, 0);
  }

  /** Working minutes between two instants (0 if `b` is not after `a`). */
  workingMinutesBetween(a: Date, b: Date): number {
    if (b <= a) return 0;
    const ta = a.getTime() + OFFSET_MS;
    const tb = b.getTime() + OFFSET_MS;
    const da = Math.floor(ta / DAY_MS);
    const db = Math.floor(tb / DAY_MS);
    const ma = Math.floor((ta - da * DAY_MS) / 1000) / 60;
    const mb = Math.floor((tb - db * DAY_MS) / 1000) / 60;
    const within = (day: number, lo: number, hi: number) => {
      if (!this.workingIdx(day)) return 0;
      let total = 0;
      for (const [start, end] of this.hours.periods) total += Math.max(0, Math.min(end, hi) - Math.max(start, lo));
      return total;
    };
    if (da === db) return within(da, ma, mb);
    return within(da, ma, 24 * 60) + this.fullDays(da + 1, db) + within(db, 0, mb);
  }

  /** "2 ngày 3 giờ": working minutes as working days, hours and minutes. */
  split(minutes: number): { days: number; hours: number; minutes: number } {
    const perDay = this.minutesPerDay();
    const whole = Math.floor(minutes);
    return { days: Math.floor(whole / perDay), hours: Math.floor((whole % perDay) / 60), minutes: whole % 60 };
  }
}

const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The date of a day number (days since 1970-01-01), and the instant of a minute of that day at UTC+7. */
const dayOf = (i: number): IsoDate => new Date(i * DAY_MS).toISOString().slice(0, 10);
const at = (day: number, minute: number) => new Date(day * DAY_MS + minute * 60_000 - OFFSET_MS);

function instant(day: IsoDate, minute: number): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + minute * 60_000 - OFFSET_MS);
}

/** An instant as ISO 8601 with the +07:00 offset, e.g. 2026-02-24T10:00:00+07:00. */
export function toVietnamIso(d: Date): string {
  const t = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${t.slice(0, 19)}+07:00`;
}
