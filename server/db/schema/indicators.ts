/** Indicators (chỉ số, chỉ tiêu): those units enter, the values they enter per period, and targets. */
import { index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.js';
import { orgUnits } from './org.js';
import { planTargets } from './plans.js';

/** An indicator units enter (the computed ones are registered by their modules, in code). */
export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  /** unit of measure: '%', 'hồ sơ', 'văn bản', 'người'… */
  measure: text('measure').notNull(),
  /** sum | ratio | average */
  aggregation: text('aggregation').notNull(),
  /** the unit types that report it; null: every type */
  unitTypes: text('unit_types').array(),
  description: text('description'),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

/** A value a unit entered for a reporting period (also, for a computed indicator, where the system has no data). */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** a reporting period key: 2026-Q3, 2026-6M, 2026-9M, 2026 */
    period: text('period').notNull(),
    value: numeric('value', { precision: 16, scale: 2 }),
    numerator: numeric('numerator', { precision: 16, scale: 2 }),
    denominator: numeric('denominator', { precision: 16, scale: 2 }),
    note: text('note'),
    evidenceName: text('evidence_name'),
    evidenceType: text('evidence_type'),
    evidence: bytea('evidence'),
    enteredBy: integer('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('indicator_values_uq').on(t.code, t.unitId, t.period), index('indicator_values_period_idx').on(t.code, t.period)],
);

/** A target on an indicator for a year: for every unit of a level (province / department / district / commune), or one unit. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    /** null: the province as a whole */
    level: text('level'),
    unitId: integer('unit_id').references(() => orgUnits.id),
    comparator: text('comparator').notNull(),
    value: numeric('value', { precision: 16, scale: 2 }).notNull(),
    /** the plan's target line it came from */
    planTargetId: integer('plan_target_id').references(() => planTargets.id, { onDelete: 'set null' }),
    text: text('text'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('indicator_targets_year_idx').on(t.year, t.code)],
);
