/**
 * The plan tasks of a year as the periodic report counts them, as they stood on a day: the province's own
 * tasks of the year's plans (a unit's: the tasks it — or a unit it came from — leads, and its own), each done
 * when its lead units' latest report accepted and submitted by that day says so ("43/43 nhiệm vụ hoàn
 * thành"). Tasks not applicable are left out of the count.
 */
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planTasks, planTaskUnits, plans, taskProgress } from '../../db/schema.js';
import { completion, isOverdue, type TaskStatus, taskStatus } from '../../../domain/plans/progress.js';
import type { IsoDate } from '../../../domain/org/dates.js';

export interface YearTask {
  id: number;
  planId: number;
  number: string;
  text: string;
  due: IsoDate | null;
  status: TaskStatus;
  overdue: boolean;
}

/** `unitIds` null: the province (its own tasks); otherwise the tasks the units lead and their own. */
export async function yearTasks(db: Db, unitIds: number[] | null, year: number, asOf: IsoDate) {
  const endOfDay = new Date(`${asOf}T23:59:59.999+07:00`);
  const rows = await db
    .selectDistinct({ id: planTasks.id, planId: planTasks.planId, number: planTasks.number, text: planTasks.text, due: planTasks.due, sortKey: planTasks.sortKey })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .leftJoin(planTaskUnits, and(eq(planTaskUnits.taskId, planTasks.id), eq(planTaskUnits.role, 'lead')))
    .where(
      and(
        eq(plans.year, year),
        unitIds === null ? isNull(planTasks.ownerUnitId) : or(inArray(planTaskUnits.unitId, unitIds), inArray(planTasks.ownerUnitId, unitIds)),
      ),
    )
    .orderBy(asc(planTasks.planId), asc(planTasks.sortKey));
  const ids = rows.map((r) => r.id);
  const leads = ids.length ? await db.select({ taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId }).from(planTaskUnits).where(and(inArray(planTaskUnits.taskId, ids), eq(planTaskUnits.role, 'lead'))) : [];
  const accepted = ids.length
    ? await db
        .select({ taskId: taskProgress.taskId, unitId: taskProgress.unitId, status: taskProgress.status })
        .from(taskProgress)
        .where(and(inArray(taskProgress.taskId, ids), eq(taskProgress.state, 'accepted'), lte(taskProgress.submittedAt, endOfDay)))
        .orderBy(asc(taskProgress.period))
    : [];
  const leadsOf = new Map<number, number[]>();
  for (const l of leads) leadsOf.set(l.taskId, [...(leadsOf.get(l.taskId) ?? []), l.unitId]);
  const latest = new Map<number, Map<number, TaskStatus>>();
  for (const a of accepted) {
    const m = latest.get(a.taskId) ?? new Map<number, TaskStatus>();
    m.set(a.unitId, a.status as TaskStatus); // later periods overwrite
    latest.set(a.taskId, m);
  }
  const inScope = unitIds ? new Set(unitIds) : null;
  const tasks: YearTask[] = rows.map((r) => {
    const all = leadsOf.get(r.id) ?? [];
    // a unit's view: its own lead links (a task it owns has none: then whoever reported)
    const considered = inScope ? all.filter((u) => inScope.has(u)) : all;
    const status = taskStatus(considered, latest.get(r.id) ?? new Map());
    return { id: r.id, planId: r.planId, number: r.number, text: r.text, due: r.due, status, overdue: isOverdue(r.due, status, asOf) };
  });
  const c = completion(tasks.map((t) => t.status));
  return { tasks, done: c.done, total: c.total, percent: c.percent, overdue: tasks.filter((t) => t.overdue).length, dueBy: tasks.filter((t) => t.due !== null && t.due <= asOf && t.status !== 'not_applicable').length };
}
