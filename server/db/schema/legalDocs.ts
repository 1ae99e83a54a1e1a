/**
 * The register of legal normative documents (văn bản quy phạm pháp luật, VBQPPL) of the province and,
 * before 1/7/2025, of its districts: resolutions of the HĐND and decisions of the UBND, with the dates that
 * decide whether they are in force (domain/legalDocs/status.ts) and what ended them.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';

export const legalDocuments = pgTable(
  'legal_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** as written officially: "15/2023/NQ-HĐND" */
    symbol: text('symbol').notNull(),
    /** "15/2023/nq-hdnd": the number without leading zeros, folded (domain/legalDocs/symbol.ts) */
    symbolKey: text('symbol_key').notNull(),
    number: integer('number').notNull(),
    year: integer('year').notNull(),
    /** resolution (nghị quyết) | decision (quyết định) */
    kind: text('kind').notNull(),
    /** council (HĐND) | committee (UBND) */
    issuerKind: text('issuer_kind').notNull(),
    /** the issuing body as written: "HĐND tỉnh Long An" */
    issuerText: text('issuer_text').notNull(),
    /** the province or district the body belongs to, when known */
    issuerUnitId: integer('issuer_unit_id').references(() => orgUnits.id),
    /** who a symbol is unique for: "u:<unit id>" when the unit is known, else "t:<folded body name>" */
    issuerScope: text('issuer_scope').notNull(),
    title: text('title').notNull(),
    /** lĩnh vực */
    field: text('field').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** the first day it is wholly out of force (end of a term, or the day the document that ended it took effect) */
    expiredOn: date('expired_on', { mode: 'string' }),
    /**
     * the document that wholly ended it: its symbol or a link; for a local symbol its key, by which the
     * register's record of that document is found when read (it may be entered before or after this one)
     */
    endedBySymbol: text('ended_by_symbol'),
    endedByLink: text('ended_by_link'),
    endedByKey: text('ended_by_key'),
    /** the department that drafted it (cơ quan chủ trì soạn thảo): as written, and its unit when known */
    leadText: text('lead_text'),
    leadUnitId: integer('lead_unit_id').references(() => orgUnits.id),
    /** a link to the text (e.g. the national legal database) */
    link: text('link'),
    note: text('note'),
    /** symbol, title, field, issuer and lead without diacritics, for search */
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_documents_symbol_uq').on(t.issuerScope, t.symbolKey),
    index('legal_documents_signed_idx').on(t.signedOn),
    index('legal_documents_issuer_idx').on(t.issuerUnitId, t.signedOn),
    index('legal_documents_symbol_key_idx').on(t.symbolKey),
    index('legal_documents_ended_by_idx').on(t.endedByKey),
    check('legal_documents_dates_chk', sql`${t.effectiveOn} >= ${t.signedOn} AND (${t.expiredOn} IS NULL OR ${t.expiredOn} > ${t.effectiveOn})`),
  ],
);

/** A part of a document ended (hết hiệu lực một phần) from a day, by another document. */
export const legalDocumentPartEndings = pgTable(
  'legal_document_part_endings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer('document_id')
      .notNull()
      .references(() => legalDocuments.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    bySymbol: text('by_symbol'),
    byLink: text('by_link'),
    byKey: text('by_key'),
    note: text('note'),
  },
  (t) => [index('legal_document_part_endings_doc_idx').on(t.documentId), index('legal_document_part_endings_by_idx').on(t.byKey)],
);
