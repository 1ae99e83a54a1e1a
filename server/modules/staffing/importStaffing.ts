/**
 * Imports of the staffing register, one table per file (.xlsx first sheet or .csv): the figures of units
 * per year, the job-position schemes approved, the people recruited. Each: rows read and units resolved
 * (by code, or by a name that is unique among the units of the time), a preview with row errors, and an
 * all-or-nothing save that updates what is there (same unit and year; same unit, kind and decision; same
 * unit, year, kind and reference). Every row written has its audit event, the import one more, at `now`.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { staffingFigures as figuresTable, staffingRecruitments, staffingSchemes } from '../../db/schema.js';
import type { OrgHistory } from '../../../domain/org/history.js';
import { figureOf } from '../../../domain/staffing/figures.js';
import {
  findStaffingHeader,
  type KnownUnit,
  readFiguresTable,
  readRecruitmentTable,
  readSchemesTable,
  resolveUnitRef,
  SHEET_COLUMNS,
  SHEET_VI,
  STAFFING_LABELS,
  type StaffingRowError,
  type StaffingSheet,
  type UnitRef,
} from '../../../domain/staffing/staffingTable.js';
import { vnDate } from '../../../domain/legalDocs/cells.js';
import { fold, nfc } from '../../../domain/text/normalize.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { readTable } from '../files/tables.js';
import { loadHistory } from '../org/history.js';
import { knownUnits, nameInYear, writeFigure } from './figures.js';

interface Resolved<T> {
  item: T & UnitRef;
  unitId: number;
  existingId: number | null;
}

/** Resolves each row's unit among `unitsFor(item)`; a row whose unit is unknown or ambiguous is an error. */
function resolveUnits<T extends UnitRef>(items: T[], h: OrgHistory, when: (x: T) => { span: { from: string; to: string }; text: string }, errors: StaffingRowError[]): { item: T; unitId: number }[] {
  const cache = new Map<string, KnownUnit[]>();
  const out: { item: T; unitId: number }[] = [];
  for (const item of items) {
    const w = when(item);
    const key = `${w.span.from}/${w.span.to}`;
    if (!cache.has(key)) cache.set(key, knownUnits(h, w.span));
    const r = resolveUnitRef(item, cache.get(key)!, w.text);
    if ('message' in r) errors.push({ row: item.row, column: item.unitCode ? 'unitCode' : 'unitName', message: r.message });
    else out.push({ item, unitId: r.unitId });
  }
  return out;
}

/** Two rows that name one record in different ways (code in one, name in the other). */
function sameRecordTwice<T extends { row: number }>(xs: { item: T; unitId: number }[], key: (x: { item: T; unitId: number }) => string, errors: StaffingRowError[], column: StaffingRowError['column']) {
  const seen = new Map<string, number>();
  for (const x of xs) {
    const k = key(x);
    if (seen.has(k)) errors.push({ row: x.item.row, column, message: `Trùng với dòng ${seen.get(k)}.` });
    else seen.set(k, x.item.row);
  }
}

const yearSpan = (year: number) => ({ span: { from: `${year}-01-01`, to: `${year}-12-31` }, text: `trong năm ${year}` });

async function readSheet(sheet: StaffingSheet, fileName: string, file: Buffer) {
  const cols = SHEET_COLUMNS[sheet];
  const table = await readTable(fileName, file, cols.length);
  const at = findStaffingHeader(table, sheet);
  if (at === null) {
    const labels = cols.map((c) => STAFFING_LABELS[c]);
    throw new AppError(400, 'WRONG_COLUMNS', `Các cột không đúng mẫu "${SHEET_VI[sheet]}": ${labels.join(', ')}.`, `The columns do not follow the "${sheet}" template.`, { expected: labels, sheet });
  }
  return table.slice(at + 1).map((cells, i) => ({ row: at + i + 2, cells }));
}

function refuse(errors: StaffingRowError[]) {
  return new AppError(400, 'IMPORT_INVALID', `Chưa thể lưu: ${errors.length} lỗi. Không có dữ liệu nào được lưu.`, `Cannot save: ${errors.length} errors. Nothing was saved.`, { errors });
}

const unitOf = (h: OrgHistory, id: number, year: number) => ({ id, code: h.units.find((u) => u.id === id)?.code ?? '', name: nameInYear(h, id, year) });

export async function importStaffing(db: Db, actor: AuditActor, sheet: StaffingSheet, fileName: string, file: Buffer, dryRun: boolean, now: Date) {
  const rows = await readSheet(sheet, fileName, file);
  const h = await loadHistory(db);
  if (sheet === 'figures') return importFigures(db, h, actor, fileName, rows, dryRun, now);
  if (sheet === 'schemes') return importSchemes(db, h, actor, fileName, rows, dryRun, now);
  return importRecruitment(db, h, actor, fileName, rows, dryRun, now);
}

type Rows = Awaited<ReturnType<typeof readSheet>>;

async function importFigures(db: Db, h: OrgHistory, actor: AuditActor, fileName: string, rows: Rows, dryRun: boolean, now: Date) {
  const { figures, errors } = readFiguresTable(rows);
  const resolved = resolveUnits(figures, h, (x) => yearSpan(x.year), errors);
  sameRecordTwice(resolved, (x) => `${x.unitId}@${x.item.year}`, errors, 'unitCode');
  const items: Resolved<(typeof figures)[number]>[] = [];
  for (const x of resolved) {
    const [e] = await db.select({ id: figuresTable.id }).from(figuresTable).where(and(eq(figuresTable.unitId, x.unitId), eq(figuresTable.year, x.item.year)));
    items.push({ ...x, existingId: e?.id ?? null });
  }
  errors.sort((a, b) => a.row - b.row);
  const good = items.filter((x) => !errors.some((e) => e.row === x.item.row));
  const preview = {
    sheet: 'figures' as const,
    rows: good.map((x) => ({ row: x.item.row, unit: unitOf(h, x.unitId, x.item.year), year: x.item.year, civilServants: figureOf(x.item.civil), publicEmployees: figureOf(x.item.public), reference: x.item.reference || null, exists: x.existingId !== null })),
    errors,
    summary: { total: good.length, created: good.filter((x) => x.existingId === null).length, updated: good.filter((x) => x.existingId !== null).length },
    canSave: errors.length === 0,
  };
  if (dryRun) return preview;
  if (errors.length) throw refuse(errors);
  await db.transaction(async (tx) => {
    for (const x of good) await writeFigure(tx, actor, { unitId: x.unitId, year: x.item.year, civilServants: x.item.civil, publicEmployees: x.item.public, reference: x.item.reference, note: x.item.note }, now);
    await recordAudit(tx, actor, { action: 'staffing.figures.import', entityType: 'staffing_import', entityId: fileName, after: preview.summary }, now);
  });
  return preview;
}

export interface SchemeInput {
  unitId: number;
  kind: 'civil_servant' | 'public_employee';
  decisionNumber: string;
  decisionDate: string;
  title?: string | null;
  note?: string | null;
}

/** Writes one approved scheme (new, or over the one with the same unit, kind and decision), audited. */
export async function writeScheme(tx: Tx, actor: AuditActor, x: SchemeInput, now: Date): Promise<number> {
  const decisionKey = fold(x.decisionNumber);
  const [before] = await tx.select().from(staffingSchemes).where(and(eq(staffingSchemes.unitId, x.unitId), eq(staffingSchemes.kind, x.kind), eq(staffingSchemes.decisionKey, decisionKey)));
  const values = { unitId: x.unitId, kind: x.kind, decisionNumber: nfc(x.decisionNumber), decisionKey, decisionDate: x.decisionDate, title: (x.title && nfc(x.title)) || null, note: (x.note && nfc(x.note)) || null };
  const [after] = before ? await tx.update(staffingSchemes).set(values).where(eq(staffingSchemes.id, before.id)).returning() : await tx.insert(staffingSchemes).values({ ...values, createdAt: now }).returning();
  const shape = ({ createdAt: _c, decisionKey: _k, id: _i, ...r }: typeof after) => r;
  await recordAudit(tx, actor, { action: before ? 'staffing.scheme.update' : 'staffing.scheme.create', entityType: 'staffing_scheme', entityId: after.id, unitId: x.unitId, before: before ? shape(before) : undefined, after: shape(after) }, now);
  return after.id;
}

async function importSchemes(db: Db, h: OrgHistory, actor: AuditActor, fileName: string, rows: Rows, dryRun: boolean, now: Date) {
  const { schemes, errors } = readSchemesTable(rows);
  const resolved = resolveUnits(schemes, h, (x) => ({ span: { from: x.decisionDate, to: x.decisionDate }, text: `vào ngày ${vnDate(x.decisionDate)}` }), errors);
  sameRecordTwice(resolved, (x) => `${x.unitId}@${x.item.kind}@${fold(x.item.decisionNumber)}`, errors, 'decisionNumber');
  const items: Resolved<(typeof schemes)[number]>[] = [];
  for (const x of resolved) {
    const [e] = await db
      .select({ id: staffingSchemes.id })
      .from(staffingSchemes)
      .where(and(eq(staffingSchemes.unitId, x.unitId), eq(staffingSchemes.kind, x.item.kind), eq(staffingSchemes.decisionKey, fold(x.item.decisionNumber))));
    items.push({ ...x, existingId: e?.id ?? null });
  }
  errors.sort((a, b) => a.row - b.row);
  const good = items.filter((x) => !errors.some((e) => e.row === x.item.row));
  const preview = {
    sheet: 'schemes' as const,
    rows: good.map((x) => ({ row: x.item.row, unit: unitOf(h, x.unitId, Number(x.item.decisionDate.slice(0, 4))), kind: x.item.kind, decisionNumber: x.item.decisionNumber, decisionDate: x.item.decisionDate, title: x.item.title || null, exists: x.existingId !== null })),
    errors,
    summary: { total: good.length, created: good.filter((x) => x.existingId === null).length, updated: good.filter((x) => x.existingId !== null).length },
    canSave: errors.length === 0,
  };
  if (dryRun) return preview;
  if (errors.length) throw refuse(errors);
  await db.transaction(async (tx) => {
    for (const x of good) await writeScheme(tx, actor, { unitId: x.unitId, kind: x.item.kind, decisionNumber: x.item.decisionNumber, decisionDate: x.item.decisionDate, title: x.item.title, note: x.item.note }, now);
    await recordAudit(tx, actor, { action: 'staffing.scheme.import', entityType: 'staffing_import', entityId: fileName, after: preview.summary }, now);
  });
  return preview;
}

export interface RecruitmentInput {
  unitId: number;
  year: number;
  kind: 'civil_servant' | 'public_employee';
  count: number;
  reference: string;
  decidedOn?: string | null;
  note?: string | null;
}

/** Writes one recruitment figure (new, or over the one with the same unit, year, kind and reference), audited. */
export async function writeRecruitment(tx: Tx, actor: AuditActor, x: RecruitmentInput, now: Date): Promise<number> {
  const referenceKey = fold(x.reference);
  const [before] = await tx
    .select()
    .from(staffingRecruitments)
    .where(and(eq(staffingRecruitments.unitId, x.unitId), eq(staffingRecruitments.year, x.year), eq(staffingRecruitments.kind, x.kind), eq(staffingRecruitments.referenceKey, referenceKey)));
  const values = { unitId: x.unitId, year: x.year, kind: x.kind, count: x.count, reference: nfc(x.reference), referenceKey, decidedOn: x.decidedOn ?? null, note: (x.note && nfc(x.note)) || null };
  const [after] = before ? await tx.update(staffingRecruitments).set(values).where(eq(staffingRecruitments.id, before.id)).returning() : await tx.insert(staffingRecruitments).values({ ...values, createdAt: now }).returning();
  const shape = ({ createdAt: _c, referenceKey: _k, id: _i, ...r }: typeof after) => r;
  await recordAudit(tx, actor, { action: before ? 'staffing.recruitment.update' : 'staffing.recruitment.create', entityType: 'staffing_recruitment', entityId: after.id, unitId: x.unitId, before: before ? shape(before) : undefined, after: shape(after) }, now);
  return after.id;
}

async function importRecruitment(db: Db, h: OrgHistory, actor: AuditActor, fileName: string, rows: Rows, dryRun: boolean, now: Date) {
  const { recruitment, errors } = readRecruitmentTable(rows);
  const resolved = resolveUnits(recruitment, h, (x) => yearSpan(x.year), errors);
  sameRecordTwice(resolved, (x) => `${x.unitId}@${x.item.year}@${x.item.kind}@${fold(x.item.reference)}`, errors, 'reference');
  const items: Resolved<(typeof recruitment)[number]>[] = [];
  for (const x of resolved) {
    const [e] = await db
      .select({ id: staffingRecruitments.id })
      .from(staffingRecruitments)
      .where(and(eq(staffingRecruitments.unitId, x.unitId), eq(staffingRecruitments.year, x.item.year), eq(staffingRecruitments.kind, x.item.kind), eq(staffingRecruitments.referenceKey, fold(x.item.reference))));
    items.push({ ...x, existingId: e?.id ?? null });
  }
  errors.sort((a, b) => a.row - b.row);
  const good = items.filter((x) => !errors.some((e) => e.row === x.item.row));
  const preview = {
    sheet: 'recruitment' as const,
    rows: good.map((x) => ({ row: x.item.row, unit: unitOf(h, x.unitId, x.item.year), year: x.item.year, kind: x.item.kind, count: x.item.count, reference: x.item.reference, decidedOn: x.item.decidedOn, exists: x.existingId !== null })),
    errors,
    summary: { total: good.length, created: good.filter((x) => x.existingId === null).length, updated: good.filter((x) => x.existingId !== null).length, people: good.reduce((s, x) => s + x.item.count, 0) },
    canSave: errors.length === 0,
  };
  if (dryRun) return preview;
  if (errors.length) throw refuse(errors);
  await db.transaction(async (tx) => {
    for (const x of good) await writeRecruitment(tx, actor, { unitId: x.unitId, year: x.item.year, kind: x.item.kind, count: x.item.count, reference: x.item.reference, decidedOn: x.item.decidedOn, note: x.item.note }, now);
    await recordAudit(tx, actor, { action: 'staffing.recruitment.import', entityType: 'staffing_import', entityId: fileName, after: preview.summary }, now);
  });
  return preview;
}
