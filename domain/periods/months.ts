/** Ranges of days cut at month boundaries, for counters kept per month beside counters kept per day. */
import { addDays, type IsoDate } from '../org/dates.js';

/** [from, to] as the whole months inside it (first days, or none) and the days before and after them. */
export function splitIntoMonths(from: IsoDate, to: IsoDate): { months: { from: IsoDate; to: IsoDate } | null; days: { from: IsoDate; to: IsoDate }[] } {
  const firstFull = from.endsWith('-01') ? from : nextMonth(from);
  const afterTo = addDays(to, 1);
  const endFull = afterTo.endsWith('-01') ? afterTo : `${afterTo.slice(0, 7)}-01`; // first day after the last whole month
  if (firstFull >= endFull) return { months: null, days: [{ from, to }] };
  const days: { from: IsoDate; to: IsoDate }[] = [];
  if (from < firstFull) days.push({ from, to: addDays(firstFull, -1) });
  if (endFull <= to) days.push({ from: endFull, to });
  return { months: { from: firstFull, to: addDays(endFull, -1).slice(0, 7) + '-01' }, days };
}
const nextMonth = (d: IsoDate) => {
  const y = Number(d.slice(0, 4));
  const mo = Number(d.slice(5, 7));
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

