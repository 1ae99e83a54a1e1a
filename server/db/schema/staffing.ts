/**
 * Staffing (biên chế) per unit and year, the job-position schemes (đề án vị trí việc làm) approved per unit,
 * and recruitment per unit and year (domain/staffing/figures.ts for the rules).
 */
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';

export const staffingFigures = pgTable(
  'staffing_figures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    /** công chức: biên chế được giao, có mặt, the 2015 figure, the reduction rate as the unit reported it (%) */
    civilAssigned: integer('civil_assigned'),
    civilPresent: integer('civil_present'),
    civilBase2015: integer('civil_base_2015'),
    civilReportedRate: numeric('civil_reported_rate', { precision: 6, scale: 2 }),
    /** viên chức: số lượng người làm việc được giao (phê duyệt), có mặt, 2015, reported rate */
    publicAssigned: integer('public_assigned'),
    publicPresent: integer('public_present'),
    publicBase2015: integer('public_base_2015'),
    publicReportedRate: numeric('public_reported_rate', { precision: 6, scale: 2 }),
    /** the decision or report the figures come from */
    reference: text('reference'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staffing_figures_unit_year_uq').on(t.unitId, t.year), index('staffing_figures_year_idx').on(t.year)],
);

export const staffingSchemes = pgTable(
  'staffing_schemes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** civil_servant | public_employee */
    kind: text('kind').notNull(),
    decisionNumber: text('decision_number').notNull(),
    /** the decision number folded, for uniqueness */
    decisionKey: text('decision_key').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    title: text('title'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staffing_schemes_uq').on(t.unitId, t.kind, t.decisionKey), index('staffing_schemes_date_idx').on(t.decisionDate)],
);

export const staffingRecruitments = pgTable(
  'staffing_recruitments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    /** the plan or decision: "Kế hoạch số 1848/KH-UBND ngày 16/6/2022" */
    reference: text('reference').notNull(),
    referenceKey: text('reference_key').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staffing_recruitments_uq').on(t.unitId, t.year, t.kind, t.referenceKey), index('staffing_recruitments_year_idx').on(t.year)],
);
