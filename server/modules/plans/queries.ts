/** Reads of plans and their tasks, with units named as they were in the plan year. */
import { atOnce } from '../../db/atOnce.js';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planAreas, plans, planTaskProducts, planTasks, planTaskUnits, taskProgress } from '../../db/schema.js';
import { AGENCY_GROUPS, type AgencyGroup } from '../../../domain/plans/agencies.js';
import { errors } from '../../errors.js';
import { listUnitsAsOf } from '../org/queries.js';
import { mustReport, pickLink, type TaskLink } from '../../../domain/plans/myTasks.js';
import { isOverdue, periodOf, type ReportState } from '../../../domain/plans/progress.js';
import { taskStates } from './status.js';
import type { DateWindow } from '../../../domain/plans/timeframe.js';
import { planTargetsOf } from './targets.js';

export async function listPlans(db: Db) {
  const rows = await db
    .select({
      id: plans.id,
      year: plans.year,
      title: plans.title,
      decisionNumber: plans.decisionNumber,
      decisionDate: plans.decisionDate,
      unitId: plans.unitId,
      // correlated subqueries name the outer columns in full: "plans"."id"
      taskCount: sql<number>`(SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = "plans"."id")`,
      budgetMillion: sql<string | null>`(SELECT sum(t.budget_million) FROM plan_tasks t WHERE t.plan_id = "plans"."id")`,
      unitName: sql<string>`(SELECT n.name FROM org_unit_names n WHERE n.unit_id = "plans"."unit_id" AND n.valid_from <= make_date("plans"."year", 1, 1) ORDER BY n.valid_from DESC LIMIT 1)`,
    })
    .from(plans)
    .orderBy(sql`${plans.year} DESC`, asc(plans.id));
  return rows.map((r) => ({ ...r, budgetMillion: r.budgetMillion === null ? null : Number(r.budgetMillion) }));
}

async function requirePlan(db: Db, id: number) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, id));
  if (!plan) throw errors.notFound('plan');
  return plan;
}

export async function getPlan(db: Db, id: number) {
  const plan = await requirePlan(db, id);
  const areas = await db.select({ id: planAreas.id, number: planAreas.number, name: planAreas.name }).from(planAreas).where(eq(planAreas.planId, id)).orderBy(asc(planAreas.number));
  return { ...plan, areas, targets: await planTargetsOf(db, id) };
}

export async function listPlanTasks(db: Db, planId: number, today: string) {
  const plan = await requirePlan(db, planId);
  const tasks = await db
    .select({ t: planTasks, areaNumber: planAreas.number, areaName: planAreas.name })
    .from(planTasks)
    .innerJoin(planAreas, eq(planAreas.id, planTasks.areaId))
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.sortKey));
  const ids = tasks.map((x) => x.t.id);
  const [products, links] = ids.length
    ? [
        await db.select().from(planTaskProducts).where(inArray(planTaskProducts.taskId, ids)).orderBy(asc(planTaskProducts.taskId), asc(planTaskProducts.seq)),
        await db.select().from(planTaskUnits).where(inArray(planTaskUnits.taskId, ids)),
      ]
    : [[], []];
  const names = await planUnitNames(db, plan.year);
  const states = await taskStates(db, ids);
  const unitsFor = (taskId: number, role: string) =>
    links
      .filter((l) => l.taskId === taskId && l.role === role)
      .map((l) => ({ id: l.unitId, name: names.get(l.unitId) ?? String(l.unitId), via: l.via }))
      .sort((a, b) => Number(a.via !== 'named') - Number(b.via !== 'named') || a.name.localeCompare(b.name, 'vi'));
  const groupNames = (g: string[]) => g.map((x) => AGENCY_GROUPS[x as AgencyGroup]?.vi ?? x);
  return tasks.map(({ t, areaNumber, areaName }) => {
    const { status } = states.get(t.id)!;
    return {
      id: t.id,
      number: t.number,
      area: areaNumber,
      areaName,
      text: t.text,
      due: t.due,
      budgetMillionVnd: t.budgetMillion === null ? null : Number(t.budgetMillion),
      leadText: t.leadText,
      coordinatingText: t.coordinatingText,
      leadGroups: groupNames(t.leadGroups),
      coordinatingGroups: groupNames(t.coordinatingGroups),
      leadUnits: unitsFor(t.id, 'lead'),
      coordinatingUnits: unitsFor(t.id, 'coordinating'),
      products: products
        .filter((p) => p.taskId === t.id)
        .map((p) => ({
          text: p.text,
          timeframeText: p.timeframeText,
          timeframeKind: p.timeframeKind,
          windows: p.windows as DateWindow[],
          due: p.due,
          recurring: p.recurring,
          budgetMillion: p.budgetMillion === null ? null : Number(p.budgetMillion),
          budgetNote: p.budgetNote,
        })),
      status,
      overdue: isOverdue(t.due, status, today),
      /** a task the unit added itself under the plan */
      ownerUnitId: t.ownerUnitId,
    };
  });
}

/** Unit names as they were in the plan year. */
export async function planUnitNames(db: Db, year: number): Promise<Map<number, string>> {
  return new Map((await listUnitsAsOf(db, `${year}-01-01`)).map((u) => [u.id, u.name]));
}

export async function planYear(db: Db, planId: number): Promise<number> {
  return (await requirePlan(db, planId)).year;
}

export async function getTask(db: Db, taskId: number, today: string) {
  const [row] = await db.select({ planId: planTasks.planId }).from(planTasks).where(eq(planTasks.id, taskId));
  if (!row) throw errors.notFound('task');
  const plan = await requirePlan(db, row.planId);
  const task = (await listPlanTasks(db, row.planId, today)).find((t) => t.id === taskId)!;
  return { ...task, plan: { id: plan.id, title: plan.title, year: plan.year, decisionNumber: plan.decisionNumber } };
}

/**
 * The tasks a unit leads or coordinates, in every plan — also those given to the units it came from
 * (Sở Tư pháp of Tây Ninh sees what Sở Tư pháp of Long An was given). One row per task: the unit's role
 * on it (lead wins over coordinating), the unit it was given to (itself or the one it came from, named as
 * in the plan year), and whether the unit reports on it in the quarter of `today`, with that report's state.
 * `unitIds`: the unit first, then the units it came from, nearest first.
 */
export async function unitTasks(db: Db, unitIds: number[], today: string) {
  if (unitIds.length === 0) return [];
  const found = await db
    .select({
      taskId: planTasks.id,
      planId: plans.id,
      planTitle: plans.title,
      year: plans.year,
      number: planTasks.number,
      text: planTasks.text,
      due: planTasks.due,
      role: planTaskUnits.role,
      via: planTaskUnits.via,
      unitId: planTaskUnits.unitId,
    })
    .from(planTaskUnits)
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(inArray(planTaskUnits.unitId, unitIds))
    .orderBy(sql`${plans.year} DESC`, asc(planTasks.sortKey));
  const byTask = new Map<number, (typeof found[number] & TaskLink)[]>();
  for (const l of found) byTask.set(l.taskId, [...(byTask.get(l.taskId) ?? []), { ...l, role: l.role as TaskLink['role'] }]);
  const rows = [...byTask.values()].map((ls) => pickLink(ls, unitIds)!);
  const taskIds = rows.map((r) => r.taskId);
  if (taskIds.length === 0) return [];
  const period = periodOf(today);
  const [states, products, reports] = await atOnce(db, [
    () => taskStates(db, taskIds),
    () => db.select({ taskId: planTaskProducts.taskId, windows: planTaskProducts.windows }).from(planTaskProducts).where(inArray(planTaskProducts.taskId, taskIds)),
    () =>
      db
        .select({ taskId: taskProgress.taskId, unitId: taskProgress.unitId, state: taskProgress.state })
        .from(taskProgress)
        .where(and(inArray(taskProgress.taskId, taskIds), inArray(taskProgress.unitId, unitIds), eq(taskProgress.period, period))),
  ]);
  const windows = new Map<number, { start: string; end: string }[]>();
  for (const p of products) windows.set(p.taskId, [...(windows.get(p.taskId) ?? []), ...(p.windows as { start: string; end: string }[])]);
  const names = new Map<number, Awaited<ReturnType<typeof listUnitsAsOf>>>();
  for (const year of new Set(rows.map((r) => r.year))) names.set(year, await listUnitsAsOf(db, `${year}-01-01`));
  return rows.map((r) => {
    const s = states.get(r.taskId)!;
    const unitStatus = s.byUnit.get(r.unitId) ?? 'not_started';
    const overdue = r.role === 'lead' && isOverdue(r.due, unitStatus, today);
    const reportState = (reports.find((x) => x.taskId === r.taskId && x.unitId === r.unitId)?.state ?? null) as ReportState | null;
    const units = names.get(r.year)!;
    const unit = units.find((u) => u.id === r.unitId);
    const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
    return {
      ...r,
      unitName: unit?.name ?? String(r.unitId),
      /** the province (or other parent) the unit belonged to in the plan year: "Sở Nội vụ" of which */
      unitParentName: parent?.name ?? null,
      /** the task was given to a unit this unit came from */
      fromPredecessor: r.unitId !== unitIds[0],
      taskStatus: s.status,
      unitStatus,
      overdue,
      period,
      reportState,
      toReport: mustReport({ period, planYear: r.year, windows: windows.get(r.taskId) ?? [], unitStatus, overdue, reportState }),
    };
  });
}
