/**
 * Reporting periods of the CCHC report (Decree 09/2019/NĐ-CP, REFERENCE.md §4 and §12). A report states the
 * window its figures cover, which is not the calendar period: the data cut-off runs from the 15th of the month
 * before to the 14th of the period's last month.
 *
 *   key        kind     reporting window                 calendar period
 *   2026-03    month    15/02/2026 – 14/03/2026          01/03 – 31/03
 *   2026-Q1    quarter  15/12/2025 – 14/03/2026          01/01 – 31/03
 *   2026-Q3    quarter  15/06/2026 – 14/09/2026          01/07 – 30/09   (the quarter alone)
 *   2026-6M    half     15/12/2025 – 14/06/2026          01/01 – 30/06
 *   2026-9M    nine     15/12/2025 – 14/09/2026          01/01 – 30/09
 *   2026       year     15/12/2025 – 14/12/2026          01/01 – 31/12
 *
 * The report is due by a day of the period's last month (the 20th by default; a provincial rule, so a
 * setting), e.g. the Q1 report by 20/03.
 */
import { addDays, type IsoDate } from '../org/dates.js';

export type ReportingKind = 'month' | 'quarter' | 'half' | 'nine' | 'year';

export interface ReportingPeriod {
  key: string;
  kind: ReportingKind;
  year: number;
  /** the first and last day the figures cover */
  from: IsoDate;
  to: IsoDate;
  /** true: the calendar period; false: the reporting window */
  calendar: boolean;
  /** the month (1–12) the period ends in: its report is due in that month */
  lastMonth: number;
}

/** The periods whose report goes to the Ministry of Home Affairs (REFERENCE.md §4). */
export const MINISTRY_REPORT_KINDS = ['quarter-1', 'half', 'quarter-3', 'year'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;
/** The last day of month `m` of year `y` (leap years included). */
const lastDay = (y: number, m: number): IsoDate => addDays(m === 12 ? day(y + 1, 1, 1) : day(y, m + 1, 1), -1);
/** The 15th of the month before month `m` of year `y` (the 15th of December of the year before for January). */
const fifteenthBefore = (y: number, m: number): IsoDate => (m === 1 ? day(y - 1, 12, 15) : day(y, m - 1, 15));

/** The period a key names (`2026-03`, `2026-Q1`…`Q4`, `2026-6M`, `2026-9M`, `2026`), or null. */
export function parseReportingPeriod(key: string, opts: { calendar?: boolean } = {}): ReportingPeriod | null {
  const calendar = opts.calendar ?? false;
  let m = /^(\d{4})$/.exec(key);
  const make = (kind: ReportingKind, year: number, firstMonth: number, lastMonth: number): ReportingPeriod => ({
    key,
    kind,
    year,
    calendar,
    lastMonth,
    from: calendar ? day(year, firstMonth, 1) : fifteenthBefore(year, firstMonth),
    to: calendar ? lastDay(year, lastMonth) : day(year, lastMonth, 14),
  });
  if (m) return make('year', Number(m[1]), 1, 12);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return make('quarter', Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-6M$/.exec(key);
  if (m) return make('half', Number(m[1]), 1, 6);
  m = /^(\d{4})-9M$/.exec(key);
  if (m) return make('nine', Number(m[1]), 1, 9);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return make('month', Number(m[1]), Number(m[2]), Number(m[2]));
  return null;
}

/** The day the period's report is due: `dueDay` of its last month (capped at the month's last day). */
export function reportDueDate(p: ReportingPeriod, dueDay = 20): IsoDate {
  const last = lastDay(p.year, p.lastMonth);
  const wanted = day(p.year, p.lastMonth, Math.min(Math.max(1, Math.trunc(dueDay)), 31));
  return wanted > last ? last : wanted;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý I/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026", "Tháng 3/2026". */
export function reportingLabel(p: ReportingPeriod, lang: 'vi' | 'en' = 'vi'): string {
  const q = Math.ceil(p.lastMonth / 3);
  if (lang === 'en') {
    return { month: `${p.year}-${pad(p.lastMonth)}`, quarter: `Q${q} ${p.year}`, half: `First half of ${p.year}`, nine: `Nine months of ${p.year}`, year: `Year ${p.year}` }[p.kind];
  }
  return { month: `Tháng ${p.lastMonth}/${p.year}`, quarter: `Quý ${ROMAN[q - 1]}/${p.year}`, half: `6 tháng đầu năm ${p.year}`, nine: `9 tháng năm ${p.year}`, year: `Năm ${p.year}` }[p.kind];
}

/** The keys of the reports sent to the Ministry in a year: Q1, 6 months, Q3 (the quarter alone), year. */
export function ministryReportKeys(year: number): string[] {
  return [`${year}-Q1`, `${year}-6M`, `${year}-Q3`, `${year}`];
}

/** The reporting period a day falls in, of a kind (the window containing it). */
export function reportingPeriodOn(date: IsoDate, kind: 'quarter' | 'year'): ReportingPeriod {
  const [y, m, d] = date.split('-').map(Number);
  // from the 15th the window is the next month's
  let month = d >= 15 ? m + 1 : m;
  let year = y;
  if (month === 13) {
    month = 1;
    year += 1;
  }
  const key = kind === 'year' ? `${year}` : `${year}-Q${Math.ceil(month / 3)}`;
  return parseReportingPeriod(key)!;
}
