/** Procedures: import (all or nothing, upsert by code, audited) and search with or without diacritics. */
import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { procedures } from '../../db/schema.js';
import { AgencyResolver } from '../../../domain/plans/agencies.js';
import { isProcedureHeader, PROCEDURE_LABELS, readProcedureTable } from '../../../domain/procedures/procedureTable.js';
import { fold } from '../../../domain/text/normalize.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { readTable } from '../files/tables.js';
import { listUnitsAsOf } from '../org/queries.js';

type Row = typeof procedures.$inferSelect;

export function presentProcedure(p: Row) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agencyText,
    agencyUnitId: p.agencyUnitId,
    limit: { value: Number(p.limitValue), unit: p.limitUnit },
    onlineLevel: p.onlineLevel,
    fee: p.fee,
    legalBasis: p.legalBasis,
  };
}

export async function importProcedures(db: Db, actor: AuditActor, fileName: string, file: Buffer, dryRun: boolean) {
  const table = await readTable(fileName, file, PROCEDURE_LABELS.length);
  const headerAt = table.findIndex((r) => r.some((c) => c.trim()));
  if (headerAt === -1 || !isProcedureHeader(table[headerAt])) {
    throw new AppError(400, 'WRONG_COLUMNS', `Các cột không đúng mẫu: ${PROCEDURE_LABELS.join(', ')}.`, 'Wrong columns.', { expected: PROCEDURE_LABELS });
  }
  const { procedures: list, errors } = readProcedureTable(table.slice(headerAt + 1).map((cells, i) => ({ row: headerAt + i + 2, cells })));
  const units = await listUnitsAsOf(db, vietnamDateOf(new Date()));
  const resolver = new AgencyResolver(units);
  const existing = new Map((await db.select().from(procedures)).map((p) => [p.code, p]));
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
        searchText: fold(`${p.code} ${p.name} ${p.field}`),
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
      const [after] = before
        ? await tx.update(procedures).set(values).where(eq(procedures.id, before.id)).returning()
        : await tx.insert(procedures).values(values).returning();
      if (before) await recordAudit(tx, actor, { action: 'procedure.update', entityType: 'procedure', entityId: after.id, before: presentProcedure(before), after: presentProcedure(after) });
    }
    await recordAudit(tx, actor, { action: 'procedure.import', entityType: 'procedure_list', entityId: fileName, after: preview.summary });
  });
  return preview;
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
