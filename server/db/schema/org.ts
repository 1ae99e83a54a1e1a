/** Organisations with history (đơn vị): identities, names and parents as spans, changes and successions. */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

export const orgUnits = pgTable(
  'org_units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('org_units_code_idx').on(t.code),
    check('org_units_span_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const orgUnitNames = pgTable(
  'org_unit_names',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('org_unit_names_unit_idx').on(t.unitId, t.validFrom),
    check('org_unit_names_span_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const orgUnitParents = pgTable(
  'org_unit_parents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    parentId: integer('parent_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('org_unit_parents_unit_idx').on(t.unitId, t.validFrom),
    index('org_unit_parents_parent_idx').on(t.parentId),
    check('org_unit_parents_span_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** One change to the organisation (thành lập, đổi tên, điều chuyển, hợp nhất, chia tách, giải thể). */
export const orgEvents = pgTable(
  'org_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    legalBasis: text('legal_basis'),
    note: text('note'),
    unitIds: integer('unit_ids').array().notNull(),
    payload: jsonb('payload').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('org_events_units_idx').using('gin', t.unitIds)],
);

export const orgSuccessions = pgTable(
  'org_successions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => orgUnits.id),
    successorId: integer('successor_id')
      .notNull()
      .references(() => orgUnits.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    eventId: integer('event_id')
      .notNull()
      .references(() => orgEvents.id),
  },
  (t) => [index('org_successions_pred_idx').on(t.predecessorId), index('org_successions_succ_idx').on(t.successorId)],
);
