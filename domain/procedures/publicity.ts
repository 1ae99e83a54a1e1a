/**
 * Publicity of procedures (Decision 766, criteria 1.1 and 1.2, REFERENCE.md §8), from the catalogue's dates:
 * - announced on time: the announcing decision is dated no later than 5 working days before the legal basis
 *   takes effect (the rule for provinces; `leadDays` configurable);
 * - published on time: the procedure is published (on the national database / the portal) within 5 working
 *   days after the announcing decision.
 * Working days from the province's calendar (domain/calendar). A procedure without the dates has no data.
 */
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { addDays, type IsoDate } from '../org/dates.js';

/** The working day `n` working days before `date` (not counting `date` itself). */
export function workingDaysBefore(cal: Pick<WorkingCalendar, 'isWorkingDay'>, date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let k = 0; k < n; ) {
    d = addDays(d, -1);
    if (cal.isWorkingDay(d)) k++;
  }
  return d;
}

/** The working day `n` working days after `date` (not counting `date` itself). */
export function workingDaysAfter(cal: Pick<WorkingCalendar, 'isWorkingDay'>, date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let k = 0; k < n; ) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) k++;
  }
  return d;
}

export interface PublicityDates {
  decisionDate: IsoDate | null;
  effectiveDate: IsoDate | null;
  publishedDate: IsoDate | null;
}

/** null: the dates needed are not recorded (no data). */
export function announcedOnTime(cal: Pick<WorkingCalendar, 'isWorkingDay'>, p: PublicityDates, leadDays = 5): boolean | null {
  if (!p.decisionDate || !p.effectiveDate) return null;
  return p.decisionDate <= workingDaysBefore(cal, p.effectiveDate, leadDays);
}

export function publishedOnTime(cal: Pick<WorkingCalendar, 'isWorkingDay'>, p: PublicityDates, withinDays = 5): boolean | null {
  if (!p.decisionDate || !p.publishedDate) return null;
  return p.publishedDate <= workingDaysAfter(cal, p.decisionDate, withinDays);
}
