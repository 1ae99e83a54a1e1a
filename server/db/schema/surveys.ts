/** Satisfaction surveys (SIPAS): questionnaires as versioned data, campaigns, answers and their counters. */
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { dossiers } from './dossiers.js';
import { orgUnits } from './org.js';
import { procedures } from './procedures.js';

/** A questionnaire version: its whole definition (domain/surveys/questionnaire.ts) as JSON. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** a sample made by this system (the demo's), not the ministry's form */
    isSample: boolean('is_sample').notNull().default(false),
    /** the one used for per-dossier surveys */
    active: boolean('active').notNull().default(false),
    definition: jsonb('definition').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('questionnaires_code_version_uq').on(t.code, t.version)],
);

/** A survey of a unit (and optionally one procedure) over a window, with the sample it aims at. */
export const surveyCampaigns = pgTable('survey_campaigns', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  questionnaireId: integer('questionnaire_id')
    .notNull()
    .references(() => questionnaires.id),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  procedureId: integer('procedure_id').references(() => procedures.id),
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  sampleSize: integer('sample_size').notNull(),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

/**
 * One answered questionnaire. No personal data: the dossier (at most one answer each, by the unique index),
 * or the campaign, the unit, procedure and channel, and the answers.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    dossierId: bigint('dossier_id', { mode: 'number' }).references(() => dossiers.id),
    campaignId: integer('campaign_id').references(() => surveyCampaigns.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    procedureId: integer('procedure_id').references(() => procedures.id),
    channel: text('channel'),
    /** dossier (public link / QR), campaign (phone), paper (staff entry), import (.xlsx) */
    source: text('source').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }).notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').notNull(),
    dissatisfied: boolean('dissatisfied').notNull(),
    enteredBy: integer('entered_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_responses_dossier_uq').on(t.dossierId), index('survey_responses_campaign_idx').on(t.campaignId), index('survey_responses_unit_day_idx').on(t.unitId, t.answeredOn)],
);

/**
 * Counters of answers per unit, procedure (0: none), day, questionnaire and element, written with each answer
 * in its transaction (set-based upserts): the index reads these, never the answers.
 */
export const satisfactionDaily = pgTable(
  'satisfaction_daily',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    procedureKey: integer('procedure_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    element: text('element').notNull(),
    answers: integer('answers').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    weightSum: integer('weight_sum').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.procedureKey, t.day, t.questionnaireId, t.element] }), index('satisfaction_daily_day_idx').on(t.day)],
);

/** Responses per unit, procedure (0: none) and day: all, "not satisfied", and those tied to a dossier (Decision 766, 5.4). */
export const surveyDaily = pgTable(
  'survey_daily',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    procedureKey: integer('procedure_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    responses: integer('responses').notNull().default(0),
    dissatisfied: integer('dissatisfied').notNull().default(0),
    dossierResponses: integer('dossier_responses').notNull().default(0),
    dossierDissatisfied: integer('dossier_dissatisfied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.procedureKey, t.day] }), index('survey_daily_day_idx').on(t.day)],
);
