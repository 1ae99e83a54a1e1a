/**
 * The standard one-stop report of a unit for a period, composed from sums of the daily counters
 * (summary.ts): `before` = days before the period, `upTo` = days up to its last day, `within` = its days.
 */
import { ratePercent } from '../numbers/rate.js';
import type { Counters } from './summary.js';

export interface OneStopReport {
  carriedOver: number;
  received: number;
  receivedOnline: number;
  receivedCounter: number;
  /** processed, returned or stopped in the period */
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  /** refused after receipt; of which after the deadline */
  refused: number;
  refusedLate: number;
  withdrawn: number;
  /** refused before receipt (status 3), outside the balance */
  notAccepted: number;
  inProgress: number;
  inProgressOnTime: number;
  inProgressLate: number;
  /** (early + on time) ÷ resolved, percent with two decimals; null when nothing was resolved */
  onTimeRate: number | null;
  lateRate: number | null;
  /** received online ÷ received */
  onlineRate: number | null;
}

const ended = (c: Counters) => c.early + c.onTime + c.late + c.refused + c.withdrawn;
const received = (c: Counters) => c.receivedOnline + c.receivedCounter;

export function composeReport(before: Counters, upTo: Counters, within: Counters): OneStopReport {
  const resolved = within.early + within.onTime + within.late;
  const inProgress = received(upTo) - ended(upTo);
  const inProgressLate = upTo.lateStart - upTo.lateEnd;
  return {
    carriedOver: received(before) - ended(before),
    received: received(within),
    receivedOnline: within.receivedOnline,
    receivedCounter: within.receivedCounter,
    resolved,
    early: within.early,
    onTime: within.onTime,
    late: within.late,
    refused: within.refused,
    refusedLate: within.refusedLate,
    withdrawn: within.withdrawn,
    notAccepted: within.notAccepted,
    inProgress,
    inProgressOnTime: inProgress - inProgressLate,
    inProgressLate,
    onTimeRate: ratePercent(within.early + within.onTime, resolved),
    lateRate: ratePercent(within.late, resolved),
    onlineRate: ratePercent(within.receivedOnline, received(within)),
  };
}

/** The figures of the report whose dossiers can be listed (drill-down). */
export const CATEGORIES = ['received', 'resolved', 'early', 'on_time', 'late', 'refused', 'withdrawn', 'not_accepted', 'in_progress', 'in_progress_on_time', 'in_progress_late', 'carried_over'] as const;
export type Category = (typeof CATEGORIES)[number];
