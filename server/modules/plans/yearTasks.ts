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

/** The year's tasks with their lead links, owners and accepted reports by `asOf`: of the units given, or all (null). */
async function readYearTasks(db: Db, unitIds: number[] | null, year: number, asOf: IsoDate, all = false) {
  const endOfDay = new Date(`${asOf}T23:59:59.999+07:00`);
  const rows = await db
    .selectDistinct({ id: planTasks.id, planId: planTasks.planId, number: planTasks.number, text: planTasks.text, due: planTasks.due, sortKey: planTasks.sortKey, ownerUnitId: planTasks.ownerUnitId })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .leftJoin(planTaskUnits, and(eq(planTaskUnits.taskId, planTasks.id), eq(planTaskUnits.role, 'lead')))
    .where(
      and(
        eq(plans.year, year),
        all ? undefined : unitIds === null ? isNull(planTasks.ownerUnitId) : or(inArray(planTaskUnits.unitId, unitIds), inArray(planTasks.ownerUnitId, unitIds)),
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
  return { rows, leadsOf, latest, asOf };
}

type Read = Awaited<ReturnType<typeof readYearTasks>>;

/** The count of the read tasks for `unitIds` (null: the province's own tasks), as the year-tasks page shows it. */
function countFor(r: Read, unitIds: number[] | null) {
  const inScope = unitIds ? new Set(unitIds) : null;
  const mine = r.rows.filter((t) => (inScope ? (r.leadsOf.get(t.id) ?? []).some((u) => inScope.has(u)) || (t.ownerUnitId !== null && inScope.has(t.ownerUnitId)) : t.ownerUnitId === null));
  const tasks: YearTask[] = mine.map((t) => {
    const all = r.leadsOf.get(t.id) ?? [];
    // a unit's view: its own lead links (a task it owns has none: then whoever reported)
    const considered = inScope ? all.filter((u) => inScope.has(u)) : all;
    const status = taskStatus(considered, r.latest.get(t.id) ?? new Map());
    return { id: t.id, planId: t.planId, number: t.number, text: t.text, due: t.due, status, overdue: isOverdue(t.due, status, r.asOf) };
  });
  const c = completion(tasks.map((t) => t.status));
  return { tasks, done: c.done, total: c.total, percent: c.percent, overdue: tasks.filter((t) => t.overdue).length, dueBy: tasks.filter((t) => t.due !== null && t.due <= r.asOf && t.status !== 'not_applicable').length };
}

/** `unitIds` null: the province (its own tasks); otherwise the tasks the units lead and their own. */
export async function yearTasks(db: Db, unitIds: number[] | null, year: number, asOf: IsoDate) {
  return countFor(await readYearTasks(db, unitIds, year, asOf), unitIds);
}

/** The same for each of many units (each over its own scope), from one read of the year's tasks. */
export async function yearTasksOfUnits(db: Db, scopes: Map<number, number[]>, year: number, asOf: IsoDate) {
  const r = await readYearTasks(db, null, year, asOf, true);
  return new Map([...scopes].map(([id, ids]) => [id, countFor(r, ids)]));
}
