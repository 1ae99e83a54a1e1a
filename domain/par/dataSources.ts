/**
 * Figures from the province's own data that computed criteria are scored on. Dossier rates come from the
 * one-stop statistics (domain/dossiers/report.ts); the plan figure is defined here.
 */
import type { IsoDate } from '../org/dates.js';
import { ratePercent } from '../numbers/rate.js';
import type { ItemData } from './assessment.js';

export interface LedTask {
  due: IsoDate | null;
  /** the day the unit's first accepted "done" report was submitted, if any */
  doneOn: IsoDate | null;
  notApplicable: boolean;
}

/**
 * Share of the plan tasks a unit leads that were done on time: tasks due by `asOf` (tasks without a due date
 * and tasks not applicable to the unit are left out), done when a report saying "done" submitted on or before
 * the due date was accepted. No such task: no data.
 */
export function tasksOnTime(tasks: LedTask[], asOf: IsoDate): ItemData {
  const counted = tasks.filter((t) => !t.notApplicable && t.due !== null && t.due <= asOf);
  const onTime = counted.filter((t) => t.doneOn !== null && t.doneOn <= t.due!).length;
  return { percent: ratePercent(onTime, counted.length), numerator: onTime, denominator: counted.length };
}
