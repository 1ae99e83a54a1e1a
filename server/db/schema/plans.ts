/** CCHC plans (kế hoạch CCHC): areas, tasks, products, the units of each task, agency aliases, target lines. */
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';

export const plans = pgTable('plans', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** the issuing unit (UBND tỉnh, or a department / district for its own plan) */
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  year: integer('year').notNull(),
  decisionNumber: text('decision_number'),
  decisionDate: date('decision_date', { mode: 'string' }),
  title: text('title').notNull(),
  goals: text('goals'),
  sourceFile: text('source_file'),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

export const planAreas = pgTable(
  'plan_areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('plan_areas_uq').on(t.planId, t.number)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    areaId: integer('area_id')
      .notNull()
      .references(() => planAreas.id),
    number: text('number').notNull(),
    /** for ordering 1.2 before 1.10 */
    sortKey: text('sort_key').notNull(),
    text: text('text').notNull(),
    leadText: text('lead_text').notNull(),
    coordinatingText: text('coordinating_text').notNull(),
    leadGroups: text('lead_groups').array().notNull(),
    coordinatingGroups: text('coordinating_groups').array().notNull(),
    due: date('due', { mode: 'string' }),
    budgetMillion: numeric('budget_million', { precision: 16, scale: 3 }),
    /** a task a unit added under the province's plan */
    ownerUnitId: integer('owner_unit_id').references(() => orgUnits.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('plan_tasks_number_uq').on(t.planId, t.number), index('plan_tasks_due_idx').on(t.due)],
);

export const planTaskProducts = pgTable('plan_task_products', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  taskId: integer('task_id')
    .notNull()
    .references(() => planTasks.id),
  seq: integer('seq').notNull(),
  text: text('text').notNull(),
  timeframeText: text('timeframe_text').notNull(),
  timeframeKind: text('timeframe_kind').notNull(),
  windows: jsonb('windows').notNull(),
  recurring: boolean('recurring').notNull(),
  due: date('due', { mode: 'string' }),
  budgetMillion: numeric('budget_million', { precision: 16, scale: 3 }),
  budgetNote: text('budget_note'),
});

/** The units a task names or whose group it names, as lead (chủ trì) or coordinating (phối hợp). */
export const planTaskUnits = pgTable(
  'plan_task_units',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => planTasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    role: text('role').notNull(),
    /** 'named', or the group it came from */
    via: text('via').notNull(),
  },
  (t) => [uniqueIndex('plan_task_units_uq').on(t.taskId, t.unitId, t.role), index('plan_task_units_unit_idx').on(t.unitId)],
);

/** Agency names mapped once by a user, remembered for later imports. */
export const agencyAliases = pgTable(
  'agency_aliases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    text: text('text').notNull(),
    folded: text('folded').notNull(),
    /** null: a body outside the system, kept as text */
    unitId: integer('unit_id').references(() => orgUnits.id),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agency_aliases_folded_uq').on(t.folded)],
);

/** Target lines (chỉ tiêu) of a plan; the structured targets read from each line are kept with it. */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    structured: jsonb('structured').notNull(),
  },
  (t) => [uniqueIndex('plan_targets_uq').on(t.planId, t.seq)],
);
