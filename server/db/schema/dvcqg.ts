/**
 * The national portal's dossier sync (DVCQG, REFERENCE.md §17) as a second receiver: the source systems'
 * accounts and sessions, the snapshots they send (kept, without personal fields, with their arrival time, so
 * that the events can be derived again after a rule changes) and the snapshots held until an administrator
 * maps the unit name or the national procedure code they carry.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/** A one-stop system (iGate, OpenCPS, a ministry's own) that points its portal sync at cchc. */
export const dvcqgSources = pgTable(
  'dvcqg_sources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the `sourceSystem` of the dossiers it sends (dossiers.source_system) */
    code: text('code').notNull(),
    name: text('name').notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** the `madonvi` its messages must carry */
    madonvi: text('madonvi').notNull(),
    active: boolean('active').notNull().default(true),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, mode: 'date' }),
    lastService: text('last_service'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dvcqg_sources_code_uq').on(t.code), uniqueIndex('dvcqg_sources_username_uq').on(t.username)],
);

/** Sessions given by the login call; the table keeps the SHA-256 of the token. */
export const dvcqgSessions = pgTable(
  'dvcqg_sessions',
  {
    id: text('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => dvcqgSources.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
  },
  (t) => [index('dvcqg_sessions_source_idx').on(t.sourceId)],
);

/**
 * Every record received (one dossier of a `DongBoHoSoMC` or `CapNhatTienDoHoSoMC` message), as sent minus the
 * personal fields, with what became of it: applied (events derived and ingested), unchanged (nothing new),
 * held (waiting for a mapping), refused (with the Vietnamese message the sender got).
 */
export const dvcqgSnapshots = pgTable(
  'dvcqg_snapshots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => dvcqgSources.id),
    service: text('service').notNull(),
    dossierCode: text('dossier_code').notNull(),
    /** MaTTHC, the national procedure code (null for a progress update) */
    procedureCode: text('procedure_code'),
    payload: jsonb('payload').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true, mode: 'date' }).notNull(),
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    message: text('message'),
    events: integer('events').notNull().default(0),
  },
  (t) => [
    index('dvcqg_snapshots_dossier_idx').on(t.sourceId, t.dossierCode, t.id),
    index('dvcqg_snapshots_arrived_idx').on(t.sourceId, t.arrivedAt),
    index('dvcqg_snapshots_procedure_idx').on(t.procedureCode),
  ],
);

/** Snapshots of dossiers not yet known whose unit name or procedure code has no mapping yet: applied after it. */
export const dvcqgHeld = pgTable(
  'dvcqg_held',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    snapshotId: bigint('snapshot_id', { mode: 'number' })
      .notNull()
      .references(() => dvcqgSnapshots.id),
    sourceId: integer('source_id')
      .notNull()
      .references(() => dvcqgSources.id),
    dossierCode: text('dossier_code').notNull(),
    /** 'unit' (DonViXuLy not resolved), 'procedure' (MaTTHC not in the catalogue), 'queue' (behind an earlier held one) */
    reason: text('reason').notNull(),
    /** the folded unit name or the procedure code: what a mapping resolves */
    key: text('key').notNull(),
    /** the name or code as sent */
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dvcqg_held_snapshot_uq').on(t.snapshotId), index('dvcqg_held_key_idx').on(t.reason, t.key), index('dvcqg_held_dossier_idx').on(t.sourceId, t.dossierCode)],
);
