/** The working-day calendar (lịch làm việc): announced years and their days. */
import { boolean, date, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A year's announced schedule: complete (replaces the rules) or additions to the rules. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  replacesRules: boolean('replaces_rules').notNull(),
  source: text('source'),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const calendarDays = pgTable(
  'calendar_days',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'off': a day off; 'work': a weekend day worked in exchange */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('calendar_days_uq').on(t.date)],
);
