/** Periodic CCHC reports: the templates (outlines as data) and each unit's and the province's report per period. */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';

export const reportTemplates = pgTable('report_templates', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  /** ReportTemplate (domain/reports/template.ts) */
  body: jsonb('body').notNull(),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

export const cchcReports = pgTable(
  'cchc_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** a reporting period key: 2026-Q1, 2026-6M, 2026-Q3, 2026 */
    period: text('period').notNull(),
    /** unit | province */
    kind: text('kind').notNull(),
    /** draft | submitted | returned | finalised */
    state: text('state').notNull(),
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    /** the text of each section, by its key */
    texts: jsonb('texts').notNull(),
    number: text('number'),
    symbol: text('symbol'),
    signedOn: text('signed_on'),
    signer: jsonb('signer'),
    recipients: jsonb('recipients'),
    returnComment: text('return_comment'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    finalisedBy: integer('finalised_by'),
    finalisedAt: timestamp('finalised_at', { withTimezone: true, mode: 'date' }),
    /** the whole report as it was finalised (window, sections with their lines and text, figures, appendices) */
    frozen: jsonb('frozen'),
    /** the audit trail's head at finalisation: { lastId, lastHash, count } */
    auditHead: jsonb('audit_head'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cchc_reports_uq').on(t.unitId, t.period), index('cchc_reports_period_idx').on(t.period)],
);
