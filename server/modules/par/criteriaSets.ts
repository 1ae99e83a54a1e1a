/** PAR-index criteria sets: create (JSON or table file), list, read, export, clone to another year. */
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db, Tx } from '../../db/client.js';
import { parCriteriaSets } from '../../db/schema.js';
import { type CriteriaNode, type CriteriaSet, leaves, normaliseTree, setMaximum, validateSet } from '../../../domain/par/criteriaSet.js';
import { parseSetRows, setToRows } from '../../../domain/par/setTable.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { readTable } from '../files/tables.js';
import { setupPrint } from '../files/xlsxPrint.js';

type Row = typeof parCriteriaSets.$inferSelect;

export function presentSet(r: Row) {
  const set: CriteriaSet = { year: r.year, unitType: r.unitType, name: r.name, surveyShare: Number(r.surveyShare), areas: r.areas as CriteriaNode[] };
  return { id: r.id, version: r.version, source: r.source, ...set, maximum: setMaximum(set), items: leaves(set).length };
}

export interface SetInput extends CriteriaSet {
  source?: string | null;
}

function invalid(problems: { code: string; message: string }[]) {
  return new AppError(400, 'INVALID_CRITERIA_SET', `Bộ tiêu chí có ${problems.length} lỗi; chưa lưu gì.`, `The criteria set has ${problems.length} problems; nothing was saved.`, { problems });
}

export async function createSet(db: Db, actor: AuditActor, given: SetInput, now = new Date()) {
  const input = { ...given, areas: normaliseTree(given.areas) };
  const problems = validateSet(input);
  if (problems.length) throw invalid(problems);
  return db.transaction(async (tx) => {
    const [{ v }] = await tx.select({ v: max(parCriteriaSets.version) }).from(parCriteriaSets).where(and(eq(parCriteriaSets.year, input.year), eq(parCriteriaSets.unitType, input.unitType)));
    const [row] = await tx
      .insert(parCriteriaSets)
      .values({ year: input.year, unitType: input.unitType, version: (v ?? 0) + 1, name: input.name, surveyShare: String(input.surveyShare), areas: input.areas, source: input.source ?? null, createdAt: now })
      .returning();
    const out = presentSet(row);
    await recordAudit(tx, actor, { action: 'par.criteria_set.create', entityType: 'par_criteria_set', entityId: row.id, after: { year: out.year, unitType: out.unitType, version: out.version, name: out.name, maximum: out.maximum, items: out.items } }, now);
    return out;
  });
}

/** A set from a table file; row errors (with file rows) or tree problems reject it whole. */
export async function importSet(db: Db, actor: AuditActor, file: { name: string; data: Buffer }, meta: Omit<SetInput, 'areas'>, dryRun: boolean) {
  const { areas, errors: rowErrors } = parseSetRows(await readTable(file.name, file.data, 3));
  if (rowErrors.length) throw new AppError(400, 'INVALID_ROWS', `${rowErrors.length} dòng có lỗi; chưa lưu gì.`, `${rowErrors.length} rows have errors; nothing was saved.`, { errors: rowErrors });
  if (areas.length === 0) throw errors.badRequest('EMPTY', 'Tệp không có tiêu chí nào.', 'The file has no criteria.');
  const set = { ...meta, areas };
  const problems = validateSet(set);
  if (problems.length) throw invalid(problems);
  if (dryRun) return { dryRun: true, ...set, maximum: setMaximum(set), items: leaves(set).length };
  return createSet(db, actor, set);
}

export async function listSets(db: Db) {
  return (await db.select().from(parCriteriaSets).orderBy(desc(parCriteriaSets.year), parCriteriaSets.unitType, desc(parCriteriaSets.version))).map(presentSet);
}

export async function getSet(db: Db | Tx, id: number) {
  const [row] = await db.select().from(parCriteriaSets).where(eq(parCriteriaSets.id, id));
  if (!row) throw errors.notFound('criteria set');
  return presentSet(row);
}

/** The sets a round's units are scored on, by id. */
export async function setsOf(db: Db | Tx, units: { setId: number }[]) {
  const ids = [...new Set(units.map((u) => u.setId))];
  const rows = ids.length ? await db.select().from(parCriteriaSets).where(inArray(parCriteriaSets.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, presentSet(r)]));
}

/** Last year's set as the start of this year's: a new version, to be edited. */
export async function cloneSet(db: Db, actor: AuditActor, id: number, year: number) {
  const s = await getSet(db, id);
  return createSet(db, actor, { year, unitType: s.unitType, name: s.name, surveyShare: s.surveyShare, areas: s.areas, source: `Sao chép từ bộ ${s.year} (phiên bản ${s.version})` });
}

/** Unit types as the province names them (the types of domain/org/history.ts). */
export const UNIT_TYPE_VI: Record<string, string> = {
  province: 'Tỉnh, thành phố',
  department: 'Sở, ban, ngành',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  public_service: 'Đơn vị sự nghiệp',
  central_agency: 'Cơ quan TW trên địa bàn',
};

export async function exportSetXlsx(db: Db, id: number): Promise<Buffer> {
  const s = await getSet(db, id);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet('Bộ tiêu chí');
  for (const r of setToRows(s.areas)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 60, 12, 14, 40, 14, 50][i]));
  const title = `Bộ tiêu chí ${s.name} (${s.year}, phiên bản ${s.version})`;
  setupPrint(ws, { headerRows: 1, title });
  const info = wb.addWorksheet('Thông tin');
  info.addRows([
    ['Năm', s.year],
    ['Loại đơn vị', UNIT_TYPE_VI[s.unitType] ?? s.unitType],
    ['Tên', s.name],
    ['Điểm điều tra xã hội học', s.surveyShare],
    ['Tổng điểm tối đa', s.maximum],
  ]);
  info.getColumn(1).width = 26;
  info.getColumn(2).width = 60;
  setupPrint(info, { headerRows: 0, title });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
