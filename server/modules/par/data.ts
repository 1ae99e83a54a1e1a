/** The figures computed criteria are scored on, read from the plans and the one-stop statistics. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planTasks, planTaskUnits, plans, taskProgress } from '../../db/schema.js';
import type { ItemData } from '../../../domain/par/assessment.js';
import { type LedTask, tasksOnTime } from '../../../domain/par/dataSources.js';
import type { DataSource } from '../../../domain/par/scoring.js';
import { type IsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import { checkRange, oneStopReport, resolveScope } from '../dossiers/stats.js';
import { figuresOf } from '../feedback/counters.js';
import { satisfactionIndex } from '../surveys/satisfaction.js';

/** The round's year, up to `now` when the year is not over. */
export function assessedPeriod(year: number, now: Date) {
  return checkRange(`${year}-01-01`, `${year}-12-31`, now);
}

async function planTaskFigures(db: Db, unitIds: number[], year: number, asOf: IsoDate): Promise<ItemData> {
  const led = await db
    .select({ taskId: planTasks.id, due: planTasks.due })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .innerJoin(planTaskUnits, eq(planTaskUnits.taskId, planTasks.id))
    .where(and(eq(plans.year, year), eq(planTaskUnits.role, 'lead'), inArray(planTaskUnits.unitId, unitIds)));
  const ids = [...new Set(led.map((t) => t.taskId))];
  const reports = ids.length
    ? await db
        .select({ taskId: taskProgress.taskId, status: taskProgress.status, submittedAt: taskProgress.submittedAt })
        .from(taskProgress)
        .where(and(inArray(taskProgress.taskId, ids), inArray(taskProgress.unitId, unitIds), eq(taskProgress.state, 'accepted')))
        .orderBy(asc(taskProgress.period))
    : [];
  const tasks = new Map<number, LedTask>();
  for (const t of led) tasks.set(t.taskId, { due: t.due, doneOn: null, notApplicable: false });
  for (const r of reports) {
    const t = tasks.get(r.taskId)!;
    t.notApplicable = r.status === 'not_applicable'; // the latest accepted report decides
    if (r.status === 'done' && t.doneOn === null && r.submittedAt) t.doneOn = vietnamDateOf(r.submittedAt);
  }
  return tasksOnTime([...tasks.values()], asOf);
}

/** The figure behind a computed item for a unit (its predecessors' records included) in the round's year. */
export async function itemData(db: Db, source: DataSource, unitId: number, year: number, now: Date): Promise<ItemData> {
  const scope = await resolveScope(db, unitId);
  const { from, to, at } = assessedPeriod(year, now);
  if (source === 'plan_tasks_on_time') return planTaskFigures(db, scope.unitIds!, year, to);
  if (source === 'feedback_on_time') {
    // open items past their deadline count as late (the rate of Decision 766, criterion 5.2)
    const f = await figuresOf(db, scope.unitIds, from, to, at ?? new Date(`${to}T23:59:59.999+07:00`));
    const judged = f.onTime + f.late + f.openLate;
    return { percent: judged ? Math.round((f.onTime * 10000) / judged) / 100 : null, numerator: f.onTime, denominator: judged };
  }
  if (source === 'satisfaction_index') {
    // the overall index of the year's answers (no questionnaire in use or no answer: no data)
    const s = await satisfactionIndex(db, scope.unitIds, from, to).catch(() => null);
    return { percent: s?.overall.index ?? null, numerator: s?.responses ?? 0, denominator: s?.responses ?? 0 };
  }
  const r = await oneStopReport(db, scope, from, to, at);
  if (source === 'dossiers_on_time') return { percent: r.onTimeRate, numerator: r.early + r.onTime, denominator: r.resolved };
  return { percent: r.onlineRate, numerator: r.receivedOnline, denominator: r.received };
}
