/**
 * What one dossier adds to the daily counters that the statistics are read from.
 *
 * The one-stop report for a period [from, to] (all dates Vietnamese local days) needs, per unit and
 * procedure: dossiers carried over, received (online / counter), ended in the period by kind, and those
 * still in progress at the period's end, within or past their deadline. Every figure is a sum of daily
 * counters over days ≤ `to` (or < `from`), so a request never reads the dossiers themselves:
 *
 *   in progress at the end of `to`  = Σ received − Σ ended                      (days ≤ to)
 *   … of which past their deadline  = Σ lateStart − Σ lateEnd                    (days ≤ to)
 *   carried over into `from`        = Σ received − Σ ended                      (days < from)
 *
 * `lateFrom` is the first day at whose end the dossier, still open, is past its deadline; it is counted
 * once as `lateStart`, and the day the dossier ends as `lateEnd`. When events change a dossier, its old
 * contribution is taken away and the new one added (see `contributionDelta`).
 */
import { type IsoDate, vietnamDateOf } from '../org/dates.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { type DossierState, effectiveDeadline, outcome } from './lifecycle.js';

export const COUNTERS = [
  'receivedOnline',
  'receivedCounter',
  'early',
  'onTime',
  'late',
  'refused',
  'refusedLate',
  'withdrawn',
  'notAccepted',
  'lateStart',
  'lateEnd',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters => {
  const c = {} as Counters;
  for (const k of COUNTERS) c[k] = 0;
  return c;
};

/** How a dossier ended: finished (by timing), refused after receipt (by timing), withdrawn, or not accepted. */
export type Result = 'early' | 'on_time' | 'late' | 'refused' | 'refused_late' | 'withdrawn' | 'not_accepted';

export interface DossierSummary {
  receivedOn: IsoDate | null;
  channel: 'online' | 'counter' | null;
  endedOn: IsoDate | null;
  result: Result | null;
  lateFrom: IsoDate | null;
  /** the instant of `lateFrom`: an open dossier due later today is not late yet */
  lateAt: Date | null;
}

/** The first instant from which the dossier counts as past its deadline, if it ever does while open. */
function lateInstant(s: DossierState, calendar: WorkingCalendar): Date | null {
  const candidates: Date[] = [];
  if (s.lateSince) candidates.push(s.lateSince);
  // waiting for the citizen with time left: the deadline moves with the wait, it cannot pass
  if (!(s.pausedSince && !s.endAt) && s.appointment) {
    candidates.push(effectiveDeadline(s, s.endAt ?? s.lastEventAt, calendar)!);
  }
  const first = candidates.sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  if (!first) return null;
  // late before it ended, or never late at all
  return s.endAt && first >= s.endAt ? null : first;
}

export function summarize(s: DossierState, calendar: WorkingCalendar): DossierSummary {
  const day = (d: Date | null) => (d ? vietnamDateOf(d) : null);
  if (!s.receivedAt) {
    // registered online and refused before receipt; or withdrawn before receipt (not a dossier of the report)
    const notAccepted = s.status === 'refused';
    return { receivedOn: null, channel: s.channel, endedOn: notAccepted ? day(s.endAt) : null, result: notAccepted ? 'not_accepted' : null, lateFrom: null, lateAt: null };
  }
  let result: Result | null = null;
  if (s.endAt) {
    if (s.status === 'withdrawn') result = 'withdrawn';
    else {
      const o = outcome(s, s.endAt, calendar).outcome;
      if (s.status === 'refused') result = o === 'late' ? 'refused_late' : 'refused';
      else result = o === 'late' ? 'late' : o === 'early' ? 'early' : 'on_time';
    }
  }
  const lateAt = lateInstant(s, calendar);
  return { receivedOn: day(s.receivedAt), channel: s.channel, endedOn: day(s.endAt), result, lateFrom: day(lateAt), lateAt };
}

const RESULT_COUNTER: Record<Result, Counter[]> = {
  early: ['early'],
  on_time: ['onTime'],
  late: ['late'],
  refused: ['refused'],
  refused_late: ['refused', 'refusedLate'],
  withdrawn: ['withdrawn'],
  not_accepted: ['notAccepted'],
};

/** The (day, counter, +1) entries of one dossier. */
export function contribution(s: DossierSummary | null): [IsoDate, Counter, number][] {
  if (!s) return [];
  const out: [IsoDate, Counter, number][] = [];
  if (s.receivedOn) out.push([s.receivedOn, s.channel === 'online' ? 'receivedOnline' : 'receivedCounter', 1]);
  if (s.result && s.endedOn) for (const c of RESULT_COUNTER[s.result]) out.push([s.endedOn, c, 1]);
  if (s.lateFrom && s.receivedOn) {
    out.push([s.lateFrom, 'lateStart', 1]);
    if (s.endedOn) out.push([s.endedOn, 'lateEnd', 1]);
  }
  return out;
}

/** What changes in the daily counters when a dossier goes from `before` to `after`, by day; zeros left out. */
export function contributionDelta(before: DossierSummary | null, after: DossierSummary | null): Map<IsoDate, Partial<Counters>> {
  const byDay = new Map<IsoDate, Partial<Counters>>();
  const add = (entries: [IsoDate, Counter, number][], sign: number) => {
    for (const [d, c, n] of entries) {
      const row = byDay.get(d) ?? {};
      row[c] = (row[c] ?? 0) + sign * n;
      byDay.set(d, row);
    }
  };
  add(contribution(before), -1);
  add(contribution(after), 1);
  for (const [d, row] of byDay) {
    for (const c of Object.keys(row) as Counter[]) if (row[c] === 0) delete row[c];
    if (Object.keys(row).length === 0) byDay.delete(d);
  }
  return byDay;
}
