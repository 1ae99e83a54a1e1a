/** Task statuses from accepted reports, and the figures built on them (completion, budgets, follow-up). */
import { atOnce } from '../../db/atOnce.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planAreas, planTasks, planTaskUnits, taskProgress } from '../../db/schema.js';
import { completion, followUpBucket, isOverdue, type TaskStatus, taskStatus } from '../../../domain/plans/progress.js';
import { formatMilli } from '../../../domain/plans/planTable.js';

export interface TaskState {
  status: TaskStatus;
  /** the latest accepted status of each unit that reported */
  byUnit: Map<number, TaskStatus>;
  leadUnitIds: number[];
}

/** For each task of a plan: its status, and each reporting unit's latest accepted status. */
export async function taskStates(db: Db, taskIds: number[]): Promise<Map<number, TaskState>> {
  const out = new Map<number, TaskState>();
  if (taskIds.length === 0) return out;
  // independent reads, sent at once (in turn inside a transaction: atOnce)
  const [leads, accepted] = await atOnce(db, [
    () =>
      db
        .select({ taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId })
        .from(planTaskUnits)
        .where(and(inArray(planTaskUnits.taskId, taskIds), eq(planTaskUnits.role, 'lead'))),
    () =>
      db
        .select({ taskId: taskProgress.taskId, unitId: taskProgress.unitId, status: taskProgress.status })
        .from(taskProgress)
        .where(and(inArray(taskProgress.taskId, taskIds), eq(taskProgress.state, 'accepted')))
        .orderBy(asc(taskProgress.period)),
  ]);
  for (const id of taskIds) out.set(id, { status: 'not_started', byUnit: new Map(), leadUnitIds: [] });
  for (const l of leads) out.get(l.taskId)!.leadUnitIds.push(l.unitId);
  for (const a of accepted) out.get(a.taskId)!.byUnit.set(a.unitId, a.status as TaskStatus); // later periods overwrite
  for (const s of out.values()) s.status = taskStatus(s.leadUnitIds, s.byUnit);
  return out;
}

export async function planFigures(db: Db, planId: number, names: Map<number, string>) {
  const tasks = await db
    .select({ id: planTasks.id, due: planTasks.due, budget: planTasks.budgetMillion, areaNumber: planAreas.number, areaName: planAreas.name, own: planTasks.ownerUnitId })
    .from(planTasks)
    .innerJoin(planAreas, eq(planAreas.id, planTasks.areaId))
    .where(eq(planTasks.planId, planId));
  const states = await taskStates(db, tasks.map((t) => t.id));
  const named = await db
    .select({ taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId })
    .from(planTaskUnits)
    .where(and(inArray(planTaskUnits.taskId, tasks.length ? tasks.map((t) => t.id) : [-1]), eq(planTaskUnits.role, 'lead'), eq(planTaskUnits.via, 'named')));
  const milli = (b: string | null) => (b === null ? 0 : Math.round(Number(b) * 1000));
  const areas = new Map<number, { area: number; name: string; statuses: TaskStatus[]; milli: number }>();
  // the province's figures count the province's tasks; a unit's own tasks count for that unit only
  const provincial = tasks.filter((t) => t.own === null);
  for (const t of provincial) {
    const a = areas.get(t.areaNumber) ?? { area: t.areaNumber, name: t.areaName, statuses: [], milli: 0 };
    a.statuses.push(states.get(t.id)!.status);
    a.milli += milli(t.budget);
    areas.set(t.areaNumber, a);
  }
  // per unit: the tasks it leads (by name or through a group), with its own latest accepted status
  const units = new Map<number, { statuses: TaskStatus[]; milli: number }>();
  for (const t of tasks) {
    const s = states.get(t.id)!;
    for (const u of s.leadUnitIds) {
      const e = units.get(u) ?? { statuses: [], milli: 0 };
      e.statuses.push(s.byUnit.get(u) ?? 'not_started');
      units.set(u, e);
    }
  }
  for (const n of named) {
    const t = tasks.find((x) => x.id === n.taskId)!;
    const namedCount = named.filter((x) => x.taskId === n.taskId).length;
    units.get(n.unitId)!.milli += Math.round(milli(t.budget) / namedCount); // a shared budget is split evenly
  }
  const all = provincial.map((t) => states.get(t.id)!.status);
  return {
    overall: { ...completion(all), budgetMillion: Number(formatMilli(provincial.reduce((s, t) => s + milli(t.budget), 0))) },
    byArea: [...areas.values()].sort((a, b) => a.area - b.area).map((a) => ({ area: a.area, name: a.name, ...completion(a.statuses), budgetMillion: Number(formatMilli(a.milli)) })),
    byUnit: [...units]
      .map(([unitId, e]) => ({ unitId, name: names.get(unitId) ?? String(unitId), ...completion(e.statuses), budgetMillion: Number(formatMilli(e.milli)) }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi')),
    byStatus: Object.fromEntries((['not_started', 'in_progress', 'done', 'not_applicable'] as const).map((s) => [s, all.filter((x) => x === s).length])),
  };
}

/** What each lead unit has due within 7 / 3 / 1 days, and what is overdue, on `today`. */
/** A task in a follow-up list: due soon or overdue, for one of its lead units. */
export interface FollowUpItem {
  taskId: number;
  number: string;
  text: string;
  due: string | null;
  unitId: number;
  unitName: string;
  status: TaskStatus;
  overdue: boolean;
}

export async function followUp(db: Db, planId: number, today: string, unitId: number | null, names: Map<number, string>) {
  const tasks = await db.select({ id: planTasks.id, number: planTasks.number, text: planTasks.text, due: planTasks.due }).from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.sortKey));
  const states = await taskStates(db, tasks.map((t) => t.id));
  const out: Record<'overdue' | 'due1' | 'due3' | 'due7', FollowUpItem[]> = { overdue: [], due1: [], due3: [], due7: [] };
  for (const t of tasks) {
    const s = states.get(t.id)!;
    for (const u of s.leadUnitIds) {
      if (unitId !== null && u !== unitId) continue;
      const status = s.byUnit.get(u) ?? 'not_started';
      const bucket = followUpBucket(t.due, status, today);
      if (bucket) out[bucket].push({ taskId: t.id, number: t.number, text: t.text, due: t.due, unitId: u, unitName: names.get(u) ?? String(u), status, overdue: isOverdue(t.due, status, today) });
    }
  }
  return out;
}
