/** Procedures: import (all or nothing, upsert by code, audited) and search with or without diacritics. */
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dvcqgSnapshots, procedures } from '../../db/schema.js';
import { AgencyResolver } from '../../../domain/plans/agencies.js';
import { isProcedureHeader, PROCEDURE_LABELS, readProcedureTable } from '../../../domain/procedures/procedureTable.js';
import { fold } from '../../../domain/text/normalize.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { readTable } from '../files/tables.js';
import { listUnitsAsOf } from '../org/queries.js';
import { releaseHeld } from '../dvcqg/mapping.js';
import { loadCalendar } from '../calendar/calendar.js';
import { announcedOnTime, publishedOnTime } from '../../../domain/procedures/publicity.js';
import { publicVersion } from '../public/version.js';

type Row = typeof procedures.$inferSelect;

export function presentProcedure(p: Row) {
  return {
    id: p.id,
    code: p.code,
    nationalCode: p.nationalCode,
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agencyText,
    agencyUnitId: p.agencyUnitId,
    limit: { value: Number(p.limitValue), unit: p.limitUnit },
    onlineLevel: p.onlineLevel,
    fee: p.fee,
    legalBasis: p.legalBasis,
    /** Decision 766, 1.1–1.2: the announcing decision, the legal basis's effective date, the publication date */
    publicity: { decisionNo: p.announcingDecisionNo, announcedOn: p.announcedOn, effectiveOn: p.effectiveOn, publishedOn: p.publishedOn },
  };
}

export interface PublicityInput {
  decisionNo: string | null;
  announcedOn: string | null;
  effectiveOn: string | null;
  publishedOn: string | null;
}

/** Records a procedure's announcement and publication (audited); says whether each was on time. */
export async function setPublicity(db: Db, actor: AuditActor, code: string, input: PublicityInput) {
  if (input.publishedOn && input.announcedOn && input.publishedOn < input.announcedOn) {
    throw new AppError(400, 'INVALID_RANGE', 'Ngày công khai không thể trước ngày quyết định công bố.', 'Publication cannot precede the announcing decision.');
  }
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(procedures).where(eq(procedures.code, code));
    if (!before) throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy thủ tục.', 'Procedure not found.');
    const [after] = await tx
      .update(procedures)
      .set({ announcingDecisionNo: input.decisionNo, announcedOn: input.announcedOn, effectiveOn: input.effectiveOn, publishedOn: input.publishedOn, updatedAt: new Date() })
      .where(eq(procedures.id, before.id))
      .returning();
    await publicVersion.touch(tx);
    await recordAudit(tx, actor, { action: 'procedure.publicity', entityType: 'procedure', entityId: after.id, before: presentProcedure(before).publicity, after: presentProcedure(after).publicity });
    return after;
  });
  const cal = await loadCalendar(db);
  const dates = { decisionDate: row.announcedOn, effectiveDate: row.effectiveOn, publishedDate: row.publishedOn };
  return { ...presentProcedure(row), announcedOnTime: announcedOnTime(cal, dates), publishedOnTime: publishedOnTime(cal, dates) };
}

export async function importProcedures(db: Db, actor: AuditActor, fileName: string, file: Buffer, dryRun: boolean) {
  const table = await readTable(fileName, file, PROCEDURE_LABELS.length);
  const headerAt = table.findIndex((r) => r.some((c) => c.trim()));
  if (headerAt === -1 || !isProcedureHeader(table[headerAt])) {
    throw new AppError(400, 'WRONG_COLUMNS', `Các cột không đúng mẫu: ${PROCEDURE_LABELS.join(', ')} (cột cuối có thể bỏ trống).`, 'Wrong columns.', { expected: PROCEDURE_LABELS });
  }
  const rows = table.slice(headerAt + 1).map((cells, i) => ({ row: headerAt + i + 2, cells }));
  const national = await nationalNames(db, rows.filter((r) => !(r.cells[1] ?? '').trim() || !(r.cells[2] ?? '').trim()).map((r) => (r.cells[9] ?? '').trim()).filter((c) => c));
  const { procedures: list, errors } = readProcedureTable(rows, (c) => national.get(c));
  const units = await listUnitsAsOf(db, vietnamDateOf(new Date()));
  const resolver = new AgencyResolver(units);
  const all = await db.select().from(procedures);
  const existing = new Map(all.map((p) => [p.code, p]));
  const byNational = new Map(all.filter((p) => p.nationalCode).map((p) => [p.nationalCode!, p]));
  for (const p of list) {
    const other = p.nationalCode ? byNational.get(p.nationalCode) : undefined;
    if (other && other.code !== p.code) errors.push({ row: p.row, column: 'nationalCode', message: `Mã TTHC quốc gia ${p.nationalCode} đã gắn với thủ tục ${other.code}.` });
  }
  const preview = {
    procedures: list.map((p) => ({ ...p, exists: existing.has(p.code), agencyUnitId: resolver.resolve(p.agency).unitIds[0] ?? null })),
    errors,
    summary: { total: list.length, created: list.filter((p) => !existing.has(p.code)).length, updated: list.filter((p) => existing.has(p.code)).length },
    canSave: errors.length === 0,
  };
  if (dryRun) return preview;
  if (errors.length) {
    throw new AppError(400, 'IMPORT_INVALID', `Chưa thể lưu: ${errors.length} lỗi. Không có dữ liệu nào được lưu.`, `Cannot save: ${errors.length} errors. Nothing was saved.`, { errors });
  }
  await db.transaction(async (tx) => {
    for (const p of preview.procedures) {
      const values = {
        code: p.code,
        name: p.name,
        searchText: fold(`${p.code} ${p.nationalCode} ${p.name} ${p.field}`),
        field: p.field,
        level: p.level,
        agencyText: p.agency || null,
        agencyUnitId: p.agencyUnitId,
        limitValue: String(p.limit.value),
        limitUnit: p.limit.unit,
        onlineLevel: p.onlineLevel,
        fee: p.fee || null,
        legalBasis: p.legalBasis || null,
        updatedAt: new Date(),
      };
      const before = existing.get(p.code);
      // a national code mapped before (e.g. in the DVCQG screen) stays when the file leaves the column empty
      Object.assign(values, { nationalCode: p.nationalCode || before?.nationalCode || null });
      const [after] = before
        ? await tx.update(procedures).set(values).where(eq(procedures.id, before.id)).returning()
        : await tx.insert(procedures).values(values).returning();
      if (before) await recordAudit(tx, actor, { action: 'procedure.update', entityType: 'procedure', entityId: after.id, before: presentProcedure(before), after: presentProcedure(after) });
    }
    await publicVersion.touch(tx);
    await recordAudit(tx, actor, { action: 'procedure.import', entityType: 'procedure_list', entityId: fileName, after: preview.summary });
    // dossiers of the portal sync held for a national code the catalogue did not have are applied now
    for (const code of new Set(preview.procedures.map((p) => p.nationalCode).filter((c) => c))) await releaseHeld(tx, actor, 'procedure', code, new Date());
  });
  return preview;
}

/**
 * The names one-stop systems sent with their dossiers for these national codes (TenTTHC, TenLinhVuc: what the
 * portal's LayThuTuc gives them), the latest of each.
 */
async function nationalNames(db: Db, codes: string[]) {
  const out = new Map<string, { name: string | null; field: string | null }>();
  if (codes.length === 0) return out;
  const rows = await db
    .selectDistinctOn([dvcqgSnapshots.procedureCode], { code: dvcqgSnapshots.procedureCode, name: sql<string | null>`${dvcqgSnapshots.payload}->>'TenTTHC'`, field: sql<string | null>`${dvcqgSnapshots.payload}->>'TenLinhVuc'` })
    .from(dvcqgSnapshots)
    .where(inArray(dvcqgSnapshots.procedureCode, codes))
    .orderBy(dvcqgSnapshots.procedureCode, desc(dvcqgSnapshots.id));
  for (const r of rows) out.set(r.code!, { name: r.name, field: r.field });
  return out;
}

export async function searchProcedures(db: Db, q: { q?: string; field?: string; level?: string; limit: number; offset: number }) {
  const where: SQL[] = [];
  if (q.q) where.push(ilike(procedures.searchText, `%${fold(q.q).replace(/[%_\\]/g, '\\$&')}%`));
  if (q.field) where.push(eq(procedures.field, q.field));
  if (q.level) where.push(eq(procedures.level, q.level));
  const cond = where.length ? and(...where) : undefined;
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(procedures).where(cond);
  const items = await db.select().from(procedures).where(cond).orderBy(asc(procedures.field), asc(procedures.name)).limit(q.limit).offset(q.offset);
  const fields = await db.selectDistinct({ field: procedures.field }).from(procedures).orderBy(asc(procedures.field));
  return { total, items: items.map(presentProcedure), fields: fields.map((f) => f.field) };
}
