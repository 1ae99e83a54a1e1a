/** One-stop dossiers (hồ sơ), their events and the statistics counters. */
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';
import { procedures } from './procedures.js';

/** The current state of each dossier, kept up to date at ingest from its events. */
export const dossiers = pgTable(
  'dossiers',
  {
    // ids drawn a thousand at a time by each connection (ingest draws a batch's in one query; gaps are harmless)
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity({ cache: 1000 }),
    sourceSystem: text('source_system').notNull(),
    code: text('code').notNull(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the domain state (lifecycle.ts), dates as ISO strings */
    state: jsonb('state').notNull(),
    status: text('status').notNull(),
    channel: text('channel'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    appointment: timestamp('appointment', { withTimezone: true, mode: 'date' }),
    endAt: timestamp('end_at', { withTimezone: true, mode: 'date' }),
    /** the summary the daily counters were built from (domain/dossiers/summary.ts), Vietnamese local days */
    receivedOn: date('received_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    result: text('result'),
    lateFrom: date('late_from', { mode: 'string' }),
    /** the instant it turns late (lateFrom is its Vietnamese day) */
    lateAt: timestamp('late_at', { withTimezone: true, mode: 'date' }),
    /**
     * Decision 766 facts as the one-stop system reports them (null: not reported, so "no data", never false):
     * synced to the national portal; financial obligation paid online (true) or otherwise (false); result
     * issued electronically; components digitised; digital data re-used.
     */
    syncedToPortal: boolean('synced_to_portal'),
    paidOnline: boolean('paid_online'),
    electronicResult: boolean('electronic_result'),
    digitised: boolean('digitised'),
    reusedData: boolean('reused_data'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_source_code_uq').on(t.sourceSystem, t.code),
    index('dossiers_code_idx').on(t.code),
    index('dossiers_unit_received_idx').on(t.unitId, t.receivedAt),
    index('dossiers_unit_received_on_idx').on(t.unitId, t.receivedOn),
    index('dossiers_unit_ended_on_idx').on(t.unitId, t.endedOn),
    index('dossiers_unit_late_from_idx').on(t.unitId, t.lateFrom),
    // the open dossiers due later today than the instant a report judges at (any scope, the whole province too)
    index('dossiers_open_late_from_idx').on(t.lateFrom, t.unitId).where(sql`ended_on is null and late_from is not null`),
  ],
);

const counterColumns = () => ({
  receivedOnline: integer('received_online').notNull().default(0),
  receivedCounter: integer('received_counter').notNull().default(0),
  early: integer('early').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  late: integer('late').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  refusedLate: integer('refused_late').notNull().default(0),
  withdrawn: integer('withdrawn').notNull().default(0),
  notAccepted: integer('not_accepted').notNull().default(0),
  lateStart: integer('late_start').notNull().default(0),
  lateEnd: integer('late_end').notNull().default(0),
});

/**
 * Daily counters per unit and procedure, kept up to date at ingest (each dossier's old contribution taken
 * away, its new one added, in the same transaction), so that statistics never read the dossiers.
 *
 * The counter tables have no foreign keys: their rows are derived from the dossiers (whose unit and procedure
 * are checked by theirs) and rebuilt from them when asked; a check per counter row was a third of the counters'
 * cost at ingest (bench/ingest.ts, issue 15).
 */
export const dossierDaily = pgTable(
  'dossier_daily',
  {
    unitId: integer('unit_id').notNull(),
    procedureId: integer('procedure_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...counterColumns(),
  },
  // no (unit, day) index: a unit's rows are read through the key (unit first) and a few days of every unit
  // through the day's index, and each index is paid for at every counter upsert
  (t) => [primaryKey({ columns: [t.unitId, t.procedureId, t.day] }), index('dossier_daily_day_idx').on(t.day)],
);

/** The same counters per unit and day (all procedures): totals, rankings and trends read these. */
export const dossierUnitDaily = pgTable(
  'dossier_unit_daily',
  {
    unitId: integer('unit_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), index('dossier_unit_daily_day_idx').on(t.day)],
);

/** … and per unit and month (`month` = its first day): sums from the beginning of time read a few rows. */
export const dossierUnitMonthly = pgTable(
  'dossier_unit_monthly',
  {
    unitId: integer('unit_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);

/**
 * Online receipts per unit, procedure and month: Decision 766 criterion 3.2 (online services that had online
 * dossiers) over a year reads a row per procedure and month (or probes them by procedure and month) instead
 * of a year of daily rows.
 */
export const dossierProcedureMonthly = pgTable(
  'dossier_procedure_monthly',
  {
    unitId: integer('unit_id').notNull(),
    procedureId: integer('procedure_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    receivedOnline: integer('received_online').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.procedureId, t.month] }), index('dossier_procedure_monthly_procedure_month_idx').on(t.procedureId, t.month)],
);

export const dossierEvents = pgTable(
  'dossier_events',
  {
    // ids drawn a thousand at a time by each connection (a batch's COPY draws one per event; gaps are harmless)
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity({ cache: 1000 }),
    dossierId: bigint('dossier_id', { mode: 'number' })
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    channel: text('channel'),
    appointment: timestamp('appointment', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  // the same event sent again is recognised: source + code (through the dossier) + kind + instant
  (t) => [uniqueIndex('dossier_events_uq').on(t.dossierId, t.kind, t.at)],
);

/**
 * Counters of the Decision 766 facts per unit and month (`month` = its first day), kept at ingest as deltas like
 * the daily counters: for each fact, the dossiers that reported it (`*Reported`) and those for which it holds.
 * Synced, payment, digitised and re-used count in the month of receipt; electronic result in the month the
 * dossier ended.
 */
export const dossierFactsMonthly = pgTable(
  'dossier_facts_monthly',
  {
    unitId: integer('unit_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    synced: integer('synced').notNull().default(0),
    syncReported: integer('sync_reported').notNull().default(0),
    paidOnline: integer('paid_online').notNull().default(0),
    paymentReported: integer('payment_reported').notNull().default(0),
    electronicResult: integer('electronic_result').notNull().default(0),
    electronicResultReported: integer('electronic_result_reported').notNull().default(0),
    digitised: integer('digitised').notNull().default(0),
    digitisedReported: integer('digitised_reported').notNull().default(0),
    reused: integer('reused').notNull().default(0),
    reusedReported: integer('reused_reported').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);
