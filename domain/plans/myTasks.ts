/**
 * "Nhiệm vụ của đơn vị": the tasks a unit is given, also through the units it came from. A unit is named
 * on a task once per role, but may be named as lead and again as coordinator through a group ("các sở,
 * ban, ngành tỉnh"), and each unit it came from may be named too: the unit sees one row per task, with
 * the role that matters most and the unit it was given to.
 */
import type { IsoDate } from '../org/dates.js';
import type { ReportState, TaskStatus } from './progress.js';

export interface TaskLink {
  unitId: number;
  role: 'lead' | 'coordinating';
  /** 'named' or the group the unit came in through */
  via: string;
}

/**
 * The one link a task is shown by: lead before coordinating, named before a group, then the unit
 * earlier in `unitIds` (the unit itself first, then the units it came from, nearest first).
 */
export function pickLink<L extends TaskLink>(links: L[], unitIds: number[]): L | null {
  const rank = (l: L) => [l.role === 'lead' ? 0 : 1, l.via === 'named' ? 0 : 1, unitIds.indexOf(l.unitId) < 0 ? unitIds.length : unitIds.indexOf(l.unitId)];
  let best: L | null = null;
  for (const l of links) {
    if (!best) {
      best = l;
      continue;
    }
    const [a, b] = [rank(l), rank(best)];
    const i = a.findIndex((x, k) => x !== b[k]);
    if (i >= 0 && a[i] < b[i]) best = l;
  }
  return best;
}

/** The first and last day of a quarter "2026-Q3". */
export function quarterSpan(period: string): { start: IsoDate; end: IsoDate } {
  const [y, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  const end = [`${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`][q - 1];
  return { start: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, end };
}

export interface ReportDueInput {
  /** the quarter being reported, "2026-Q3" */
  period: string;
  planYear: number;
  /** the windows of the task's product lines (none when set by another body or conditional) */
  windows: { start: IsoDate; end: IsoDate }[];
  /** the unit's latest accepted status */
  unitStatus: TaskStatus;
  overdue: boolean;
  /** the unit's report for `period`, if it has one */
  reportState: ReportState | null;
}

/**
 * Whether the unit reports on the task this quarter: it already has a report for the quarter, or it has
 * not finished and the task's time falls in the quarter, the task has no dates of its own in this plan
 * year, or the task is overdue. Reports are made for the plan year's quarters (and the quarter before it).
 */
export function mustReport(x: ReportDueInput): boolean {
  const periodYear = Number(x.period.slice(0, 4));
  if (x.planYear !== periodYear && x.planYear !== periodYear + 1) return false;
  if (x.reportState !== null) return true;
  if (x.unitStatus === 'done' || x.unitStatus === 'not_applicable') return false;
  const q = quarterSpan(x.period);
  if (x.windows.some((w) => w.start <= q.end && q.start <= w.end)) return true;
  return x.planYear === periodYear && (x.windows.length === 0 || x.overdue);
}
