/** PAR index (Chỉ số CCHC): criteria sets, rounds, units in scope, scores, evidence. */
import { date, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.js';
import { orgUnits } from './org.js';

/** A criteria set, versioned per year and unit type; its tree (domain/par/criteriaSet.ts) kept whole. */
export const parCriteriaSets = pgTable(
  'par_criteria_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    unitType: text('unit_type').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    surveyShare: numeric('survey_share', { precision: 6, scale: 2 }).notNull(),
    areas: jsonb('areas').notNull(),
    /** e.g. "Mẫu minh họa" for demo sets; the decision number for an issued set */
    source: text('source'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('par_criteria_sets_uq').on(t.year, t.unitType, t.version)],
);

/** A PAR round: the year assessed, its windows and status (open → approved → published). */
export const parRounds = pgTable('par_rounds', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  selfFrom: date('self_from', { mode: 'string' }).notNull(),
  selfTo: date('self_to', { mode: 'string' }).notNull(),
  appraisalFrom: date('appraisal_from', { mode: 'string' }).notNull(),
  appraisalTo: date('appraisal_to', { mode: 'string' }).notNull(),
  /** GroupThreshold[] (domain/par/results.ts) */
  groups: jsonb('groups').notNull(),
  status: text('status').notNull(),
  approvedBy: integer('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
  publishedBy: integer('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  /** the audit trail's head at publication: { lastId, lastHash, count } */
  auditHead: jsonb('audit_head'),
  /** the results as they were at approval (UnitResult[] with last year's index), read instead of recomputing */
  results: jsonb('results'),
  createdAt: createdAt(),
});

/** A unit in a round's scope, the set it is scored on, its submission, reopening and survey points. */
export const parRoundUnits = pgTable(
  'par_round_units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => parRounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    setId: integer('set_id')
      .notNull()
      .references(() => parCriteriaSets.id),
    /** the appraiser assigned to the unit (null: any appraiser of another unit) */
    appraiserId: integer('appraiser_id'),
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    reopenedUntil: date('reopened_until', { mode: 'string' }),
    surveyRaw: numeric('survey_raw', { precision: 8, scale: 2 }),
    surveyRawMax: numeric('survey_raw_max', { precision: 8, scale: 2 }),
    surveyScore: numeric('survey_score', { precision: 8, scale: 2 }),
  },
  (t) => [uniqueIndex('par_round_units_uq').on(t.roundId, t.unitId)],
);

/** One item of one unit's assessment: the unit's score and evidence, the system's data, the appraisal. */
export const parScores = pgTable(
  'par_scores',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundUnitId: integer('round_unit_id')
      .notNull()
      .references(() => parRoundUnits.id),
    itemCode: text('item_code').notNull(),
    /** what the unit gave under the item's rule (ItemInput) */
    selfInput: jsonb('self_input'),
    selfScore: numeric('self_score', { precision: 8, scale: 2 }),
    explanation: text('explanation'),
    /** references to records: a plan task, a decision number… */
    refs: text('refs'),
    /** for computed items: the figures the score came from */
    data: jsonb('data'),
    /** null | returned | answered | accepted | adjusted */
    appraisal: text('appraisal'),
    appraisedScore: numeric('appraised_score', { precision: 8, scale: 2 }),
    appraisalReason: text('appraisal_reason'),
    appraisedBy: integer('appraised_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true, mode: 'date' }),
    returnNote: text('return_note'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('par_scores_uq').on(t.roundUnitId, t.itemCode)],
);

export const parEvidence = pgTable('par_evidence', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  scoreId: integer('score_id')
    .notNull()
    .references(() => parScores.id),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: integer('uploaded_by'),
  createdAt: createdAt(),
});
