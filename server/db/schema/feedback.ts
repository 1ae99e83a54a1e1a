/** Citizen feedback (phản ánh, kiến nghị — PAKN): items, their events, files, time limits and daily counters. */
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.js';
import { orgUnits } from './org.js';

/** One feedback item, its current state kept at write time from its events (domain/feedback/process.ts). */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** public tracking code PAKN.yyyymmdd.nnnn */
    code: text('code').notNull(),
    channel: text('channel').notNull(),
    // personal data (Decree 20/2008 art. 7): never in a public response
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address').notNull(),
    content: text('content').notNull(),
    /** the unit the citizen named, if any */
    suggestedUnitId: integer('suggested_unit_id').references(() => orgUnits.id),
    /** the unit that has it now (null: at the intake desk) */
    unitId: integer('unit_id').references(() => orgUnits.id),
    /** every unit it has been assigned or transferred to (who may read it) */
    unitIds: integer('unit_ids').array().notNull().default([]),
    procedureCode: text('procedure_code'),
    dossierCode: text('dossier_code'),
    field: text('field'),
    classification: text('classification'),
    state: text('state').notNull(),
    /** the domain state, instants as ISO strings */
    process: jsonb('process').notNull(),
    /** the time limits in force when it was received (working days) */
    limits: jsonb('limits').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    /** the instant its handling turns (or turned) late; null: on time */
    lateAt: timestamp('late_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedLate: boolean('closed_late'),
    /** the question put to the citizen while the clock is stopped */
    question: text('question'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    rating: text('rating'),
    ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'date' }),
    /** the contributions last added to the counters (domain `contribution`) */
    counted: jsonb('counted').notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_items_code_uq').on(t.code),
    index('feedback_items_unit_idx').on(t.unitId, t.state),
    index('feedback_items_units_idx').using('gin', t.unitIds),
    index('feedback_items_received_idx').on(t.receivedAt),
    index('feedback_items_published_idx').on(t.publishedAt),
    index('feedback_items_late_idx').on(t.lateAt),
  ],
);

/** Each step: who, when, why (the audit trail has the same). */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    feedbackId: bigint('feedback_id', { mode: 'number' })
      .notNull()
      .references(() => feedbackItems.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    fromUnitId: integer('from_unit_id'),
    toUnitId: integer('to_unit_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_events_item_idx').on(t.feedbackId, t.at)],
);

export const feedbackFiles = pgTable(
  'feedback_files',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    feedbackId: bigint('feedback_id', { mode: 'number' })
      .notNull()
      .references(() => feedbackItems.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_files_item_idx').on(t.feedbackId)],
);

/** The n-th item of a local day, for tracking codes (one row per day, incremented under its row lock). */
export const feedbackCodeSeq = pgTable('feedback_code_seq', {
  day: date('day', { mode: 'string' }).primaryKey(),
  last: integer('last').notNull(),
});

/** Time limits in working days per kind of feedback ('' = the province's default; else a field). */
export const feedbackLimits = pgTable('feedback_limits', {
  kind: text('kind').primaryKey(),
  refuseDays: integer('refuse_days').notNull(),
  forwardDays: integer('forward_days').notNull(),
  infoRequestDays: integer('info_request_days').notNull(),
  handleDays: integer('handle_days').notNull(),
  publishDays: integer('publish_days').notNull(),
});

/** Daily counters per unit (0: at the desk), channel and field, written at each change in the same transaction. */
export const feedbackDaily = pgTable(
  'feedback_daily',
  {
    unitId: integer('unit_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    field: text('field').notNull(),
    received: integer('received').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    late: integer('late').notNull().default(0),
    lateStart: integer('late_start').notNull().default(0),
    lateEnd: integer('late_end').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.channel, t.field] }), index('feedback_daily_day_idx').on(t.day)],
);
