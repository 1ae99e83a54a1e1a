/**
 * Staffing figures read for a scope and a year: each unit's row, the sums (domain/staffing/figures.ts), the
 * job-position schemes approved and the people recruited; and one unit's row recorded (audited at `now`).
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { staffingFigures as figuresTable, staffingRecruitments, staffingSchemes } from '../../db/schema.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import type { OrgHistory } from '../../../domain/org/history.js';
import { aggregate, type Figure, figureOf, type StaffCounts, type StaffKind, unitRank } from '../../../domain/staffing/figures.js';
import { nfc } from '../../../domain/text/normalize.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadHistory } from '../org/history.js';

type FigureRow = typeof figuresTable.$inferSelect;

const num = (v: string | null) => (v === null ? null : Number(v));
export const civilOf = (r: FigureRow): StaffCounts => ({ assigned: r.civilAssigned, present: r.civilPresent, base2015: r.civilBase2015, reportedRate: num(r.civilReportedRate) });
export const publicOf = (r: FigureRow): StaffCounts => ({ assigned: r.publicAssigned, present: r.publicPresent, base2015: r.publicBase2015, reportedRate: num(r.publicReportedRate) });

export interface Window {
  from: IsoDate;
  to: IsoDate;
}

const yearWindow = (year: number): Window => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** A unit's name in a year: the name it had on the year's last day it was alive. */
export function nameInYear(h: OrgHistory, unitId: number, year: number): string {
  const names = h.names.filter((n) => n.unitId === unitId && n.validFrom <= `${year}-12-31` && (n.validTo === null || n.validTo >= `${year}-01-01`));
  const pick = names.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? h.names.filter((n) => n.unitId === unitId).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  return pick?.name ?? `#${unitId}`;
}

const typeOf = (h: OrgHistory, unitId: number) => h.units.find((u) => u.id === unitId)?.type ?? 'public_service';
const byKind = <T extends { kind: string }>(xs: T[], value: (x: T) => number) => ({
  civil_servant: xs.filter((x) => x.kind === 'civil_servant').reduce((s, x) => s + value(x), 0),
  public_employee: xs.filter((x) => x.kind === 'public_employee').reduce((s, x) => s + value(x), 0),
});

async function read(db: Db | Tx, unitIds: number[] | null, year: number, window?: Window) {
  const w = window ?? yearWindow(year);
  const inScope = <C extends typeof figuresTable.unitId | typeof staffingSchemes.unitId | typeof staffingRecruitments.unitId>(c: C): SQL[] => (unitIds === null ? [] : [inArray(c, unitIds)]);
  const rows = unitIds?.length === 0 ? [] : await db.select().from(figuresTable).where(and(eq(figuresTable.year, year), ...inScope(figuresTable.unitId)));
  const schemes = unitIds?.length === 0 ? [] : await db.select().from(staffingSchemes).where(and(gte(staffingSchemes.decisionDate, w.from), lte(staffingSchemes.decisionDate, w.to), ...inScope(staffingSchemes.unitId))).orderBy(asc(staffingSchemes.decisionDate), asc(staffingSchemes.id));
  // recruitment counts by its year; within a window given, by the day it was decided
  const recruitment =
    unitIds?.length === 0
      ? []
      : await db
          .select()
          .from(staffingRecruitments)
          .where(and(...(window ? [gte(staffingRecruitments.decidedOn, w.from), lte(staffingRecruitments.decidedOn, w.to)] : [eq(staffingRecruitments.year, year)]), ...inScope(staffingRecruitments.unitId)))
          .orderBy(asc(staffingRecruitments.decidedOn), asc(staffingRecruitments.id));
  return { rows, schemes, recruitment, window: w };
}

/**
 * For the report: the staffing of a scope in a year — pass a unit's statistics scope (itself, the units it
 * came from and everything below them: `statisticsScope`), or null for every unit. Schemes are those decided
 * in the year (or in `window`), recruitment that of the year (or decided in `window`).
 */
export async function staffingFigures(db: Db | Tx, unitIds: number[] | null, year: number, window?: Window) {
  const h = await loadHistory(db);
  const { rows, schemes, recruitment } = await read(db, unitIds, year, window);
  const ranked = (f: (r: FigureRow) => StaffCounts) => rows.map((r) => ({ rank: unitRank(typeOf(h, r.unitId)), counts: f(r) }));
  return {
    year,
    civilServants: aggregate(ranked(civilOf)) as Figure,
    publicEmployees: aggregate(ranked(publicOf)) as Figure,
    schemes: { total: schemes.length, byKind: byKind(schemes, () => 1), ids: schemes.map((s) => s.id) },
    recruited: recruitment.reduce((s, r) => s + r.count, 0),
    recruitedByKind: byKind(recruitment, (r) => r.count),
    recruitmentIds: recruitment.map((r) => r.id),
    rows: rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      civilServants: figureOf(civilOf(r)),
      publicEmployees: figureOf(publicOf(r)),
      /** as the unit reported them (shown as the rate only when no 2015 figure is known) */
      reportedRates: { civilServants: num(r.civilReportedRate), publicEmployees: num(r.publicReportedRate) },
      reference: r.reference,
      note: r.note,
    })),
  };
}

const TYPE_ORDER: Record<string, number> = { province: 0, department: 1, central_agency: 2, district: 3, commune: 4, public_service: 5 };

/** The staffing screen: the rows named and ordered, the total, schemes and recruitment listed. */
export async function getStaffing(db: Db | Tx, q: { scope: number[] | null; unitId: number | null; year: number; window?: Window }) {
  const h = await loadHistory(db);
  const figures = await staffingFigures(db, q.scope, q.year, q.window);
  const { schemes, recruitment, window } = await read(db, q.scope, q.year, q.window);
  const unit = (id: number) => ({ unitId: id, code: h.units.find((u) => u.id === id)?.code ?? '', unitName: nameInYear(h, id, q.year), unitType: typeOf(h, id) });
  const rows = figures.rows
    .map((r) => ({ ...r, ...unit(r.unitId) }))
    .sort((a, b) => TYPE_ORDER[a.unitType] - TYPE_ORDER[b.unitType] || a.unitName.localeCompare(b.unitName, 'vi'));
  const years = await db
    .selectDistinct({ year: figuresTable.year })
    .from(figuresTable)
    .where(q.scope === null ? undefined : q.scope.length ? inArray(figuresTable.unitId, q.scope) : sql`false`)
    .orderBy(asc(figuresTable.year));
  return {
    year: q.year,
    years: years.map((y) => y.year),
    window,
    unit: q.unitId === null ? null : { id: q.unitId, name: nameInYear(h, q.unitId, q.year) },
    total: { civilServants: figures.civilServants, publicEmployees: figures.publicEmployees },
    rows,
    schemes: {
      total: figures.schemes.total,
      byKind: figures.schemes.byKind,
      items: schemes.map((s) => ({ id: s.id, ...unit(s.unitId), kind: s.kind as StaffKind, decisionNumber: s.decisionNumber, decisionDate: s.decisionDate, title: s.title, note: s.note })),
    },
    recruitment: {
      total: figures.recruited,
      byKind: figures.recruitedByKind,
      items: recruitment.map((r) => ({ id: r.id, ...unit(r.unitId), year: r.year, kind: r.kind as StaffKind, count: r.count, reference: r.reference, decidedOn: r.decidedOn, note: r.note })),
    },
  };
}

export interface FigureInput {
  unitId: number;
  year: number;
  civilServants: StaffCounts;
  publicEmployees: StaffCounts;
  reference?: string | null;
  note?: string | null;
}

export const figureValues = (x: { civilServants: StaffCounts; publicEmployees: StaffCounts; reference?: string | null; note?: string | null }) => ({
  civilAssigned: x.civilServants.assigned,
  civilPresent: x.civilServants.present,
  civilBase2015: x.civilServants.base2015,
  civilReportedRate: x.civilServants.reportedRate === null ? null : String(x.civilServants.reportedRate),
  publicAssigned: x.publicEmployees.assigned,
  publicPresent: x.publicEmployees.present,
  publicBase2015: x.publicEmployees.base2015,
  publicReportedRate: x.publicEmployees.reportedRate === null ? null : String(x.publicEmployees.reportedRate),
  reference: (x.reference && nfc(x.reference)) || null,
  note: (x.note && nfc(x.note)) || null,
});

/** The row as the audit trail keeps it. */
export const figureAudit = (r: FigureRow) => ({ unitId: r.unitId, year: r.year, civilServants: civilOf(r), publicEmployees: publicOf(r), reference: r.reference, note: r.note });

/** True when the unit was alive on some day of the year. */
export function aliveInYear(h: OrgHistory, unitId: number, year: number): boolean {
  const u = h.units.find((x) => x.id === unitId);
  return !!u && u.validFrom <= `${year}-12-31` && (u.validTo === null || u.validTo >= `${year}-01-01`);
}

/** Writes one unit's row of a year (new, or over the one there), with its audit event; inside the caller's transaction. */
export async function writeFigure(tx: Tx, actor: AuditActor, x: FigureInput, now: Date): Promise<number> {
  const [before] = await tx.select().from(figuresTable).where(and(eq(figuresTable.unitId, x.unitId), eq(figuresTable.year, x.year)));
  const values = figureValues(x);
  const [after] = before
    ? await tx.update(figuresTable).set({ ...values, updatedAt: now }).where(eq(figuresTable.id, before.id)).returning()
    : await tx.insert(figuresTable).values({ unitId: x.unitId, year: x.year, ...values, createdAt: now, updatedAt: now }).returning();
  await recordAudit(tx, actor, { action: before ? 'staffing.figures.update' : 'staffing.figures.create', entityType: 'staffing_figures', entityId: after.id, unitId: x.unitId, before: before ? figureAudit(before) : undefined, after: figureAudit(after) }, now);
  return after.id;
}

export async function saveFigure(db: Db | Tx, actor: AuditActor, x: FigureInput, now: Date) {
  return db.transaction(async (tx) => {
    const h = await loadHistory(tx);
    if (!aliveInYear(h, x.unitId, x.year)) throw errors.badRequest('UNIT_NOT_ALIVE', `Đơn vị không hoạt động trong năm ${x.year}.`, `The unit was not alive in ${x.year}.`, { field: 'unitId' });
    const id = await writeFigure(tx, actor, x, now);
    const [row] = await tx.select().from(figuresTable).where(eq(figuresTable.id, id));
    return { id, unitId: row.unitId, year: row.year, unitName: nameInYear(h, row.unitId, row.year), civilServants: figureOf(civilOf(row)), publicEmployees: figureOf(publicOf(row)), reference: row.reference, note: row.note };
  });
}

/** Units named in an import: those alive in a year, or on a day, with the names they had then. */
export function knownUnits(h: OrgHistory, span: { from: IsoDate; to: IsoDate }) {
  const alive = h.units.filter((u) => u.validFrom <= span.to && (u.validTo === null || u.validTo >= span.from));
  return alive.map((u) => ({
    id: u.id,
    code: u.code,
    names: [...new Set(h.names.filter((n) => n.unitId === u.id && n.validFrom <= span.to && (n.validTo === null || n.validTo >= span.from)).map((n) => n.name))],
  }));
}
