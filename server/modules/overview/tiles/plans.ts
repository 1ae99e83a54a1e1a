/** Plan tasks of the window's year done by its last day, and overdue: the year-tasks page's figures (yearTasks). */
import { yearTasks, yearTasksOfUnits } from '../../plans/yearTasks.js';
import { isProvinceScope } from '../../org/scope.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

const tasksOf = (ctx: OverviewContext, unitIds: number[] | null) => yearTasks(ctx.db, unitIds, ctx.w.year, ctx.w.to);
const mine = async (ctx: OverviewContext) => ctx.memo('yearTasks', async () => tasksOf(ctx, (await isProvinceScope(ctx.scope)) ? null : ctx.scope.unitIds));
const link = (ctx: OverviewContext, unitId: number, status?: string) => `/plans/year-tasks?${q({ unit: unitId, year: ctx.w.year, to: ctx.w.to, status })}`;

/** every ranked unit's tasks: one read of the year's tasks, counted per unit's scope as yearTasks counts it */
const each = (ctx: OverviewContext) => ctx.memo('yearTasksEach', () => yearTasksOfUnits(ctx.db, new Map(ctx.units.map((u) => [u.id, ctx.scopeOf(u.id)])), ctx.w.year, ctx.w.to));

export const planTasksDone: TileDef = {
  key: 'planTasksDone',
  indicator: 'plans.tasksDone',
  name: 'Nhiệm vụ kế hoạch CCHC hoàn thành',
  nameEn: 'CCHC plan tasks done',
  measure: '%',
  better: 'higher',
  compute: async (ctx) => {
    const t = await mine(ctx);
    return { value: t.percent, numerator: t.done, denominator: t.total, link: link(ctx, ctx.scope.unit.id) };
  },
  each: async (ctx) => new Map([...(await each(ctx))].map(([id, t]) => [id, { value: t.total ? t.percent : null, link: link(ctx, id, 'open') }])),
};

export const planTasksOverdue: TileDef = {
  key: 'planTasksOverdue',
  indicator: 'plans.tasksOverdue',
  name: 'Nhiệm vụ kế hoạch CCHC quá hạn',
  nameEn: 'CCHC plan tasks overdue',
  measure: 'nhiệm vụ',
  better: 'lower',
  compute: async (ctx) => ({ value: (await mine(ctx)).overdue, link: link(ctx, ctx.scope.unit.id, 'overdue') }),
  each: async (ctx) => new Map([...(await each(ctx))].map(([id, t]) => [id, { value: t.total ? t.overdue : null, link: link(ctx, id, 'overdue') }])),
};
