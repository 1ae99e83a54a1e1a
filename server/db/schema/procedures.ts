/** Administrative procedures (thủ tục hành chính). */
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';

export const procedures = pgTable(
  'procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    /** the national procedure code (MaTTHC of the national database), beside the local code */
    nationalCode: text('national_code'),
    name: text('name').notNull(),
    /** name, code and field without diacritics, for search */
    searchText: text('search_text').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    agencyText: text('agency_text'),
    agencyUnitId: integer('agency_unit_id').references(() => orgUnits.id),
    limitValue: numeric('limit_value', { precision: 8, scale: 2 }).notNull(),
    limitUnit: text('limit_unit').notNull(),
    onlineLevel: text('online_level').notNull(),
    fee: text('fee'),
    legalBasis: text('legal_basis'),
    /** publicity (Decision 766, 1.1–1.2): the announcing decision, the legal basis's effective date, publication */
    announcingDecisionNo: text('announcing_decision_no'),
    announcedOn: date('announced_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedures_code_uq').on(t.code), uniqueIndex('procedures_national_code_uq').on(t.nationalCode), index('procedures_field_idx').on(t.field)],
);
