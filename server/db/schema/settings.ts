/** System settings. */
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** System settings as JSON by key (e.g. the province's working hours). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
