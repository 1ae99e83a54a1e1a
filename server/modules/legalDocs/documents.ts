/**
 * The register of legal documents: record one (checked against the symbol rules, the dates and the
 * organisation on the signing day), change one, read one with the documents it ended, list them with their
 * status as of a day, and count those issued in a window for the report. Every write is audited at `now`.
 */
import { and, asc, eq, ilike, inArray, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { legalDocumentPartEndings, legalDocuments } from '../../db/schema.js';
import { aliveOn, type IsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import type { OrgHistory } from '../../../domain/org/history.js';
import { statisticsScope } from '../../../domain/org/scope.js';
import { docDates, type EndedBy, parseEndedBy } from '../../../domain/legalDocs/legalDocTable.js';
import { checkDates, isEffective, type LegalStatus, statusAsOf } from '../../../domain/legalDocs/status.js';
import { checkSymbol, issuerName, type LegalDocKind, parseSymbol, type SymbolProblem } from '../../../domain/legalDocs/symbol.js';
import { vnDate } from '../../../domain/legalDocs/cells.js';
import { fold, nfc } from '../../../domain/text/normalize.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadHistory } from '../org/history.js';
import { issuingScope, nameOn, pickEndingDocument, resolveIssuerUnit, resolveLeadUnit } from './units.js';

type DocRow = typeof legalDocuments.$inferSelect;
type PartRow = typeof legalDocumentPartEndings.$inferSelect;

export interface PartEndingInput {
  from: IsoDate;
  /** the document that ended the part: its symbol or a link */
  by?: string | null;
  note?: string | null;
}

export interface LegalDocumentInput {
  symbol: string;
  kind?: LegalDocKind | null;
  /** the issuing body as written ("HĐND tỉnh Long An"); made from the unit's name when only the unit is given */
  issuer?: string | null;
  issuerUnitId?: number | null;
  title: string;
  field: string;
  signedOn: IsoDate;
  effectiveOn: IsoDate;
  /** the first day it is wholly out of force */
  expiredOn?: IsoDate | null;
  /** the document that wholly ended it: a symbol or a link */
  endedBy?: string | null;
  partEndings?: PartEndingInput[];
  lead?: string | null;
  leadUnitId?: number | null;
  link?: string | null;
  note?: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
  /** DUPLICATE: another document of the same body has this symbol (a conflict, not a malformed input) */
  code?: 'DUPLICATE';
}

const SYMBOL_FIELD: Record<SymbolProblem['code'], string> = {
  SYMBOL_UNREADABLE: 'symbol',
  SYMBOL_KIND: 'kind',
  SYMBOL_ISSUER: 'symbol',
  ISSUER_UNREADABLE: 'issuer',
  ISSUER_MISMATCH: 'issuer',
  SYMBOL_YEAR: 'symbol',
};

const ISSUING_TYPES = new Set(['province', 'district']);
const text = (s: string | null | undefined) => (s && nfc(s)) || null;

/** Ending by symbol: the key of a local symbol, by which the register's record is found. */
const endingKey = (e: EndedBy | null) => (e?.bySymbol ? (parseSymbol(e.bySymbol)?.key ?? null) : null);

export interface Prepared {
  values: Omit<typeof legalDocuments.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
  parts: { fromDate: IsoDate; bySymbol: string | null; byLink: string | null; byKey: string | null; note: string | null }[];
  problems: FieldProblem[];
  warnings: string[];
}

/**
 * A document checked whole: symbol against kind, body and year; the body's unit alive on the signing day;
 * the dates in order; the documents that ended it signed before they did; the symbol not taken by another
 * document of the same body. Problems are returned, not thrown, so an import can list them per row.
 */
export async function prepareDocument(db: Db | Tx, h: OrgHistory, input: LegalDocumentInput, selfId: number | null): Promise<Prepared> {
  const problems: FieldProblem[] = [];
  const warnings: string[] = [];
  const p = (field: string, message: string) => problems.push({ field, message });
  const signedOn = input.signedOn;
  const checked = checkSymbol(input.symbol, { kind: input.kind ?? null, issuerText: text(input.issuer), signedOn });
  for (const x of checked.problems) p(SYMBOL_FIELD[x.code], x.vi);
  const parsed = checked.parsed;

  let issuerText = text(input.issuer) ?? '';
  let issuerUnitId: number | null = null;
  if (input.issuerUnitId !== undefined && input.issuerUnitId !== null) {
    const u = h.units.find((x) => x.id === input.issuerUnitId);
    if (!u || !ISSUING_TYPES.has(u.type)) p('issuerUnitId', 'Đơn vị ban hành phải là một tỉnh hoặc một huyện.');
    else if (!aliveOn(u, signedOn)) p('issuerUnitId', `${nameOn(h, u.id, signedOn)} không hoạt động vào ngày ký ${vnDate(signedOn)}.`);
    else {
      issuerUnitId = u.id;
      if (!issuerText && parsed) issuerText = issuerName(parsed.issuerKind, nameOn(h, u.id, signedOn));
      else if (checked.issuer) {
        const r = resolveIssuerUnit(h, checked.issuer.place, issuerText, signedOn);
        if (r.unitId !== null && r.unitId !== u.id) p('issuer', `"${issuerText}" không phải cơ quan của ${nameOn(h, u.id, signedOn)}.`);
      }
    }
  } else if (issuerText && checked.issuer) {
    const r = resolveIssuerUnit(h, checked.issuer.place, issuerText, signedOn);
    if ('error' in r) p('issuer', r.error);
    else if ('warning' in r) warnings.push(r.warning);
    else issuerUnitId = r.unitId;
  }
  if (!issuerText) p('issuer', 'Thiếu cơ quan ban hành (ví dụ: HĐND tỉnh Long An).');

  const endedBy = parseEndedBy(input.endedBy ?? '');
  const parts = (input.partEndings ?? []).map((e) => ({ from: e.from, endedBy: parseEndedBy(e.by ?? ''), note: text(e.note) }));
  const expiredOn = input.expiredOn ?? null;
  if (endedBy && !expiredOn) p('endedBy', 'Có văn bản làm hết hiệu lực nhưng thiếu ngày hết hiệu lực.');
  for (const x of checkDates(docDates({ signedOn, effectiveOn: input.effectiveOn, expiredOn, endedBy, partEndings: parts }))) p(x.field === 'endings' ? 'partEndings' : x.field, x.vi);

  // the documents that ended it, when the register holds them: signed no later than they ended it
  const endings = [...(endedBy && expiredOn ? [{ field: 'endedBy', from: expiredOn, by: endedBy }] : []), ...parts.map((e) => ({ field: 'partEndings', from: e.from, by: e.endedBy }))];
  const keys = [...new Set(endings.map((e) => endingKey(e.by)).filter((k): k is string => !!k))];
  if (keys.length) {
    const found = await db.select({ id: legalDocuments.id, symbolKey: legalDocuments.symbolKey, issuerUnitId: legalDocuments.issuerUnitId, signedOn: legalDocuments.signedOn, symbol: legalDocuments.symbol }).from(legalDocuments).where(inArray(legalDocuments.symbolKey, keys));
    for (const e of endings) {
      const key = endingKey(e.by);
      if (!key) continue;
      const id = pickEndingDocument(h, found.filter((f) => f.symbolKey === key), issuerUnitId, selfId ?? undefined);
      const b = found.find((f) => f.id === id);
      if (b && b.signedOn > e.from) p(e.field, `Văn bản ${b.symbol} ký ngày ${vnDate(b.signedOn)}, sau ngày hết hiệu lực ${vnDate(e.from)}.`);
    }
  }

  let leadUnitId: number | null = null;
  let leadText = text(input.lead);
  if (input.leadUnitId !== undefined && input.leadUnitId !== null) {
    const u = h.units.find((x) => x.id === input.leadUnitId);
    if (!u) p('leadUnitId', 'Không có đơn vị chủ trì này.');
    else if (!aliveOn(u, signedOn)) p('leadUnitId', `${nameOn(h, u.id, signedOn)} không hoạt động vào ngày ký ${vnDate(signedOn)}.`);
    else {
      leadUnitId = u.id;
      leadText ??= nameOn(h, u.id, signedOn);
    }
  } else if (leadText) {
    const r = resolveLeadUnit(h, leadText, issuerUnitId, signedOn);
    leadUnitId = r.unitId;
    if (r.warning) warnings.push(r.warning);
  }

  const title = nfc(input.title);
  const field = nfc(input.field);
  if (!title) p('title', 'Thiếu trích yếu.');
  if (!field) p('field', 'Thiếu lĩnh vực.');
  const issuerScope = issuerUnitId !== null ? `u:${issuerUnitId}` : `t:${fold(issuerText)}`;
  if (parsed && issuerText) {
    const [dup] = await db
      .select({ id: legalDocuments.id })
      .from(legalDocuments)
      .where(and(eq(legalDocuments.issuerScope, issuerScope), eq(legalDocuments.symbolKey, parsed.key)));
    if (dup && dup.id !== selfId) problems.push({ field: 'symbol', message: `Văn bản ${parsed.symbol} của ${issuerText} đã có trong danh mục.`, code: 'DUPLICATE' });
  }
  const symbol = parsed?.symbol ?? nfc(input.symbol);
  return {
    values: {
      symbol,
      symbolKey: parsed?.key ?? '',
      number: parsed?.number ?? 0,
      year: parsed?.year ?? 0,
      kind: parsed?.kind ?? 'decision',
      issuerKind: parsed?.issuerKind ?? 'committee',
      issuerText,
      issuerUnitId,
      issuerScope,
      title,
      field,
      signedOn,
      effectiveOn: input.effectiveOn,
      expiredOn,
      endedBySymbol: expiredOn ? (endedBy?.bySymbol ?? null) : null,
      endedByLink: expiredOn ? (endedBy?.byLink ?? null) : null,
      endedByKey: expiredOn ? endingKey(endedBy) : null,
      leadText,
      leadUnitId,
      link: text(input.link),
      note: text(input.note),
      searchText: fold([symbol, title, field, issuerText, leadText ?? '', input.note ?? ''].join(' ')),
    },
    parts: parts.map((e) => ({ fromDate: e.from, bySymbol: e.endedBy?.bySymbol ?? null, byLink: e.endedBy?.byLink ?? null, byKey: endingKey(e.endedBy), note: e.note })),
    problems,
    warnings,
  };
}

function invalid(problems: FieldProblem[]): AppError {
  if (problems.every((x) => x.code === 'DUPLICATE')) return new AppError(409, 'DUPLICATE_DOCUMENT', problems[0].message, 'A document of this body with this symbol is already in the register.', { fields: problems });
  return new AppError(400, 'LEGAL_DOC_INVALID', `Văn bản chưa hợp lệ: ${problems.map((x) => x.message).join(' ')}`, `The document is not valid: ${problems.map((x) => x.field).join(', ')}.`, { fields: problems });
}

/** The document as the audit trail keeps it (no derived fields). */
function auditShape(values: Prepared['values'] & { id?: number; createdAt?: Date; updatedAt?: Date }, parts: Prepared['parts']) {
  const { searchText: _s, id: _i, createdAt: _c, updatedAt: _u, ...rest } = values;
  return { ...rest, partEndings: parts };
}

/** Writes a prepared document (new, or over `existing`) with its audit event; inside the caller's transaction. */
export async function writeDocument(tx: Tx, actor: AuditActor, prep: Prepared, existing: { row: DocRow; parts: PartRow[] } | null, now: Date): Promise<number> {
  let id: number;
  if (existing) {
    id = existing.row.id;
    await tx.update(legalDocuments).set({ ...prep.values, updatedAt: now }).where(eq(legalDocuments.id, id));
    await tx.delete(legalDocumentPartEndings).where(eq(legalDocumentPartEndings.documentId, id));
  } else {
    [{ id }] = await tx.insert(legalDocuments).values({ ...prep.values, createdAt: now, updatedAt: now }).returning({ id: legalDocuments.id });
  }
  if (prep.parts.length) await tx.insert(legalDocumentPartEndings).values(prep.parts.map((x) => ({ ...x, documentId: id })));
  await recordAudit(
    tx,
    actor,
    {
      action: existing ? 'legalDocument.update' : 'legalDocument.create',
      entityType: 'legal_document',
      entityId: id,
      unitId: prep.values.leadUnitId ?? prep.values.issuerUnitId ?? null,
      before: existing ? auditShape(existing.row, existing.parts.map(({ fromDate, bySymbol, byLink, byKey, note }) => ({ fromDate, bySymbol, byLink, byKey, note }))) : undefined,
      after: auditShape(prep.values, prep.parts),
    },
    now,
  );
  return id;
}

export async function createLegalDocument(db: Db | Tx, actor: AuditActor, input: LegalDocumentInput, now: Date) {
  const id = await db.transaction(async (tx) => {
    const h = await loadHistory(tx);
    const prep = await prepareDocument(tx, h, input, null);
    if (prep.problems.length) throw invalid(prep.problems);
    return writeDocument(tx, actor, prep, null, now);
  });
  return getLegalDocument(db, id, vietnamDateOf(now));
}

async function loadOne(db: Db | Tx, id: number) {
  const [row] = await db.select().from(legalDocuments).where(eq(legalDocuments.id, id));
  if (!row) throw errors.notFound('legal document');
  const parts = await db.select().from(legalDocumentPartEndings).where(eq(legalDocumentPartEndings.documentId, id)).orderBy(asc(legalDocumentPartEndings.fromDate), asc(legalDocumentPartEndings.id));
  return { row, parts };
}

const byText = (symbol: string | null, link: string | null) => symbol ?? link ?? null;

/** The stored document as an input, to change a few fields of it. */
function asInput(row: DocRow, parts: PartRow[]): LegalDocumentInput {
  return {
    symbol: row.symbol,
    kind: row.kind as LegalDocKind,
    issuer: row.issuerText,
    issuerUnitId: row.issuerUnitId,
    title: row.title,
    field: row.field,
    signedOn: row.signedOn,
    effectiveOn: row.effectiveOn,
    expiredOn: row.expiredOn,
    endedBy: byText(row.endedBySymbol, row.endedByLink),
    partEndings: parts.map((x) => ({ from: x.fromDate, by: byText(x.bySymbol, x.byLink), note: x.note })),
    lead: row.leadText,
    leadUnitId: row.leadUnitId,
    link: row.link,
    note: row.note,
  };
}

export async function updateLegalDocument(db: Db | Tx, actor: AuditActor, id: number, patch: Partial<LegalDocumentInput>, now: Date) {
  await db.transaction(async (tx) => {
    const existing = await loadOne(tx, id);
    const h = await loadHistory(tx);
    const merged: LegalDocumentInput = { ...asInput(existing.row, existing.parts), ...patch };
    // a new body's name without a unit: find the unit again; a new unit without a name: name it after the unit
    if (patch.issuer !== undefined && patch.issuerUnitId === undefined) merged.issuerUnitId = null;
    if (patch.issuerUnitId !== undefined && patch.issuer === undefined) merged.issuer = null;
    if (patch.lead !== undefined && patch.leadUnitId === undefined) merged.leadUnitId = null;
    if (patch.leadUnitId !== undefined && patch.lead === undefined) merged.lead = null;
    if (patch.expiredOn === null && patch.endedBy === undefined) merged.endedBy = null;
    const prep = await prepareDocument(tx, h, merged, id);
    if (prep.problems.length) throw invalid(prep.problems);
    await writeDocument(tx, actor, prep, existing, now);
  });
  return getLegalDocument(db, id, vietnamDateOf(now));
}


// ---- reading ------------------------------------------------------------------------------------

interface Linker {
  (key: string | null, endedIssuer: number | null, selfId: number): { id: number; symbol: string } | null;
}

/** Finds, for ending symbols, the register's record of the document (read once for a set of rows). */
async function linkerFor(db: Db | Tx, h: OrgHistory, rows: DocRow[], parts: PartRow[]): Promise<Linker> {
  const keys = [...new Set([...rows.map((r) => r.endedByKey), ...parts.map((x) => x.byKey)].filter((k): k is string => !!k))];
  const found = keys.length ? await db.select({ id: legalDocuments.id, symbolKey: legalDocuments.symbolKey, issuerUnitId: legalDocuments.issuerUnitId, symbol: legalDocuments.symbol }).from(legalDocuments).where(inArray(legalDocuments.symbolKey, keys)) : [];
  return (key, endedIssuer, selfId) => {
    if (!key) return null;
    const id = pickEndingDocument(h, found.filter((f) => f.symbolKey === key), endedIssuer, selfId);
    const f = found.find((x) => x.id === id);
    return f ? { id: f.id, symbol: f.symbol } : null;
  };
}

function statusOf(row: DocRow, parts: PartRow[], asOf: IsoDate) {
  return statusAsOf(
    {
      signedOn: row.signedOn,
      effectiveOn: row.effectiveOn,
      expiredOn: row.expiredOn,
      endings: [
        ...parts.map((x) => ({ scope: 'part' as const, from: x.fromDate, bySymbol: x.bySymbol, byLink: x.byLink, note: x.note })),
        ...(row.expiredOn && (row.endedBySymbol || row.endedByLink) ? [{ scope: 'whole' as const, from: row.expiredOn, bySymbol: row.endedBySymbol, byLink: row.endedByLink }] : []),
      ],
    },
    asOf,
  );
}

export function presentDocument(h: OrgHistory, row: DocRow, parts: PartRow[], asOf: IsoDate, link: Linker) {
  const s = statusOf(row, parts, asOf);
  const whole = row.expiredOn && (row.endedBySymbol || row.endedByLink) ? { symbol: row.endedBySymbol, link: row.endedByLink, document: link(row.endedByKey, row.issuerUnitId, row.id) } : null;
  const partEndings = parts.map((x) => ({ from: x.fromDate, symbol: x.bySymbol, link: x.byLink, document: link(x.byKey, row.issuerUnitId, row.id), note: x.note }));
  const endedBy = s.status === 'expired' ? whole : s.status === 'partly_expired' ? (partEndings.find((x) => x.from === s.since) ?? null) : null;
  return {
    id: row.id,
    symbol: row.symbol,
    number: row.number,
    year: row.year,
    kind: row.kind as LegalDocKind,
    issuerKind: row.issuerKind,
    issuer: { text: row.issuerText, unitId: row.issuerUnitId, unitName: row.issuerUnitId ? nameOn(h, row.issuerUnitId, row.signedOn) : null },
    title: row.title,
    field: row.field,
    signedOn: row.signedOn,
    effectiveOn: row.effectiveOn,
    expiredOn: row.expiredOn,
    endedBy: whole,
    partEndings,
    lead: { text: row.leadText, unitId: row.leadUnitId, unitName: row.leadUnitId ? nameOn(h, row.leadUnitId, row.signedOn) : null },
    link: row.link,
    note: row.note,
    status: { asOf, status: s.status, since: s.since, endedBy: endedBy ? { symbol: endedBy.symbol, link: endedBy.link, document: endedBy.document } : null },
  };
}

export type PresentedDocument = ReturnType<typeof presentDocument>;

/** The units whose documents a reader limited to their own unit sees: those its unit (or what it came from) led or issued. */
export function readerScope(h: OrgHistory, ownUnitId: number): number[] {
  return statisticsScope(h, ownUnitId);
}

export async function getLegalDocument(db: Db | Tx, id: number, asOf: IsoDate, limitTo?: number[]) {
  const { row, parts } = await loadOne(db, id);
  if (limitTo && !limitTo.some((u) => u === row.leadUnitId || u === row.issuerUnitId)) throw errors.forbidden();
  const h = await loadHistory(db);
  const link = await linkerFor(db, h, [row], parts);
  // the documents this one ended: those whose ending names its symbol and resolves to it
  const wholeRows = await db.select().from(legalDocuments).where(eq(legalDocuments.endedByKey, row.symbolKey));
  const partRows = await db
    .select({ part: legalDocumentPartEndings, doc: legalDocuments })
    .from(legalDocumentPartEndings)
    .innerJoin(legalDocuments, eq(legalDocuments.id, legalDocumentPartEndings.documentId))
    .where(eq(legalDocumentPartEndings.byKey, row.symbolKey));
  const candidates = await db.select({ id: legalDocuments.id, issuerUnitId: legalDocuments.issuerUnitId }).from(legalDocuments).where(eq(legalDocuments.symbolKey, row.symbolKey));
  const mine = (endedIssuer: number | null, endedId: number) => pickEndingDocument(h, candidates, endedIssuer, endedId) === row.id;
  const ended = [
    ...wholeRows.filter((d) => mine(d.issuerUnitId, d.id)).map((d) => ({ id: d.id, symbol: d.symbol, title: d.title, scope: 'whole' as const, from: d.expiredOn! })),
    ...partRows.filter((x) => mine(x.doc.issuerUnitId, x.doc.id)).map((x) => ({ id: x.doc.id, symbol: x.doc.symbol, title: x.doc.title, scope: 'part' as const, from: x.part.fromDate })),
  ].sort((a, b) => a.from.localeCompare(b.from) || a.symbol.localeCompare(b.symbol));
  return { ...presentDocument(h, row, parts, asOf, link), ended };
}

export type StatusFilter = LegalStatus | 'effective';

export interface ListQuery {
  asOf: IsoDate;
  status?: StatusFilter;
  q?: string;
  kind?: LegalDocKind;
  field?: string;
  from?: IsoDate;
  to?: IsoDate;
  /** documents of this issuing unit and the units it came from */
  issuer?: number;
  /** documents this unit (and the units it came from) led */
  lead?: number;
  /** a reader limited to their unit: documents led or issued by these units */
  limitTo?: number[];
  limit?: number;
  offset?: number;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

/** The documents matching a query (issued by its day), each with its status that day, newest first. */
export async function queryDocuments(db: Db | Tx, h: OrgHistory, q: ListQuery) {
  const where: SQL[] = [lte(legalDocuments.signedOn, q.asOf)];
  if (q.kind) where.push(eq(legalDocuments.kind, q.kind));
  if (q.field) where.push(eq(legalDocuments.field, q.field));
  if (q.from) where.push(gte(legalDocuments.signedOn, q.from));
  if (q.to) where.push(lte(legalDocuments.signedOn, q.to));
  if (q.issuer !== undefined) where.push(inArray(legalDocuments.issuerUnitId, issuingScope(h, q.issuer)));
  if (q.lead !== undefined) where.push(inArray(legalDocuments.leadUnitId, issuingScope(h, q.lead)));
  if (q.limitTo) where.push(or(inArray(legalDocuments.leadUnitId, q.limitTo), inArray(legalDocuments.issuerUnitId, q.limitTo))!);
  for (const word of fold(q.q ?? '').split(' ').filter(Boolean)) where.push(ilike(legalDocuments.searchText, like(word)));
  const rows = await db
    .select()
    .from(legalDocuments)
    .where(and(...where))
    .orderBy(sql`${legalDocuments.signedOn} DESC`, sql`${legalDocuments.id} DESC`);
  const parts = rows.length ? await db.select().from(legalDocumentPartEndings).where(inArray(legalDocumentPartEndings.documentId, rows.map((r) => r.id))).orderBy(asc(legalDocumentPartEndings.fromDate)) : [];
  const partsOf = new Map<number, PartRow[]>();
  for (const x of parts) partsOf.set(x.documentId, [...(partsOf.get(x.documentId) ?? []), x]);
  const all = rows.map((row) => ({ row, parts: partsOf.get(row.id) ?? [], status: statusOf(row, partsOf.get(row.id) ?? [], q.asOf).status }));
  const byStatus: Record<LegalStatus, number> = { not_issued: 0, not_yet_effective: 0, in_force: 0, partly_expired: 0, expired: 0 };
  for (const x of all) byStatus[x.status]++;
  const matches = all.filter((x) => !q.status || (q.status === 'effective' ? isEffective(x.status) : x.status === q.status));
  const byKind = { resolution: matches.filter((x) => x.row.kind === 'resolution').length, decision: matches.filter((x) => x.row.kind === 'decision').length };
  return { matches, byStatus, byKind };
}

export async function listLegalDocuments(db: Db, q: ListQuery) {
  const h = await loadHistory(db);
  const { matches, byStatus, byKind } = await queryDocuments(db, h, q);
  const page = matches.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 50));
  const link = await linkerFor(db, h, page.map((x) => x.row), page.flatMap((x) => x.parts));
  const fields = await db.selectDistinct({ field: legalDocuments.field }).from(legalDocuments).orderBy(asc(legalDocuments.field));
  return {
    asOf: q.asOf,
    total: matches.length,
    counts: { byStatus, byKind },
    items: page.map((x) => presentDocument(h, x.row, x.parts, q.asOf, link)),
    fields: fields.map((f) => f.field),
  };
}

/**
 * For the report: the documents issued (signed) in a window by the given issuing units — pass a unit and
 * the units it came from (`issuingScope`) — or by anyone (null: every issuer in the register, districts
 * included). Counted by kind; `ids` in signing order.
 */
/** `by: 'lead'`: the documents the units led (a department's report), not those they issued. */
export async function legalDocumentsIssued(db: Db | Tx, unitIds: number[] | null, from: IsoDate, to: IsoDate, by: 'issuer' | 'lead' = 'issuer'): Promise<{ total: number; byKind: { resolution: number; decision: number }; ids: number[] }> {
  const where: SQL[] = [gte(legalDocuments.signedOn, from), lte(legalDocuments.signedOn, to)];
  if (unitIds !== null) {
    if (unitIds.length === 0) return { total: 0, byKind: { resolution: 0, decision: 0 }, ids: [] };
    where.push(inArray(by === 'lead' ? legalDocuments.leadUnitId : legalDocuments.issuerUnitId, unitIds));
  }
  const rows = await db
    .select({ id: legalDocuments.id, kind: legalDocuments.kind })
    .from(legalDocuments)
    .where(and(...where))
    .orderBy(asc(legalDocuments.signedOn), asc(legalDocuments.id));
  return {
    total: rows.length,
    byKind: { resolution: rows.filter((r) => r.kind === 'resolution').length, decision: rows.filter((r) => r.kind === 'decision').length },
    ids: rows.map((r) => r.id),
  };
}
