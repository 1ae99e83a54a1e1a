/** Windows from a period key (a reporting window by default, the calendar period on request) or a range of days. */
import { parseReportingPeriod, type ReportingPeriod } from '../../../domain/periods/reporting.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import { errors } from '../../errors.js';
import { checkRange } from '../dossiers/stats.js';
import type { Window } from './registry.js';

export interface PeriodWindow extends Window {
  period: ReportingPeriod;
  /** the window's last day as the period defines it (`to` stops at today while it runs) */
  periodTo: IsoDate;
}

export function requirePeriod(key: string, calendar = false): ReportingPeriod {
  const p = parseReportingPeriod(key, { calendar });
  if (!p) throw errors.badRequest('INVALID_PERIOD', 'Kỳ phải có dạng 2026-Q3, 2026-6M, 2026-9M, 2026 hoặc 2026-03.', 'The period must look like 2026-Q3, 2026-6M, 2026-9M, 2026 or 2026-03.', { field: 'period' });
  return p;
}

export function windowOf(key: string, opts: { calendar?: boolean }, now: Date): PeriodWindow {
  const period = requirePeriod(key, opts.calendar ?? false);
  const { from, to, at } = checkRange(period.from, period.to, now);
  return { key, from, to, at, year: period.year, period, periodTo: period.to };
}

export function windowOfRange(from: IsoDate, to: IsoDate, now: Date): Window {
  const r = checkRange(from, to, now);
  return { key: null, from: r.from, to: r.to, at: r.at, year: Number(to.slice(0, 4)) };
}
