/**
 * Reads of the portal sync: the administration overview (per source: its account, the last message, the
 * records of today by outcome, the latest records), what waits for a mapping, and the look-ups a sender
 * makes (`TraCuuHoSo`, `LayThuTuc`), answered as the portal answers them.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dossiers, dvcqgSnapshots, dvcqgSources, procedures } from '../../db/schema.js';
import { STATUS, stateFromJson } from '../../../domain/dossiers/lifecycle.js';
import { formatPortalDate } from '../../../domain/dvcqg/snapshot.js';
import { AgencyResolver } from '../../../domain/plans/agencies.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { listUnitsAsOf } from '../org/queries.js';
import { unresolved } from './mapping.js';
import type { Source } from './sources.js';

/** The start of the Vietnamese day of `now`. */
const startOfDay = (now: Date) => new Date(`${vietnamDateOf(now)}T00:00:00+07:00`);

export async function overview(db: Db, now: Date) {
  const sources = await db.select().from(dvcqgSources).orderBy(dvcqgSources.name);
  const today = await db
    .select({ sourceId: dvcqgSnapshots.sourceId, outcome: dvcqgSnapshots.outcome, n: sql<number>`count(*)::int` })
    .from(dvcqgSnapshots)
    .where(gte(dvcqgSnapshots.arrivedAt, startOfDay(now)))
    .groupBy(dvcqgSnapshots.sourceId, dvcqgSnapshots.outcome);
  const list = [];
  for (const s of sources) {
    const counts = { applied: 0, unchanged: 0, held: 0, refused: 0 };
    for (const r of today) if (r.sourceId === s.id) counts[r.outcome as keyof typeof counts] = r.n;
    const recent = await db
      .select({ id: dvcqgSnapshots.id, service: dvcqgSnapshots.service, dossierCode: dvcqgSnapshots.dossierCode, arrivedAt: dvcqgSnapshots.arrivedAt, outcome: dvcqgSnapshots.outcome, message: dvcqgSnapshots.message, events: dvcqgSnapshots.events })
      .from(dvcqgSnapshots)
      .where(eq(dvcqgSnapshots.sourceId, s.id))
      .orderBy(desc(dvcqgSnapshots.id))
      .limit(10);
    const [{ dossiersCount }] = await db.select({ dossiersCount: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.sourceSystem, s.code));
    list.push({ id: s.id, code: s.code, name: s.name, username: s.username, madonvi: s.madonvi, active: s.active, lastMessageAt: s.lastMessageAt, lastService: s.lastService, today: counts, dossiers: dossiersCount, recent });
  }
  const waiting = await unresolved(db);
  // suggestions for the names, among the units alive today
  const units = await listUnitsAsOf(db, vietnamDateOf(now));
  const resolver = new AgencyResolver(units);
  return {
    sources: list,
    unresolvedUnits: waiting.units.map((u) => ({ ...u, suggestions: resolver.resolve(u.text).unresolved[0]?.suggestions ?? [] })),
    unresolvedProcedures: waiting.procedures,
  };
}

/** TraCuuHoSo: the dossier as cchc has it for this source (no personal fields: none are kept). */
export async function lookupDossier(db: Db, source: Source, code: string) {
  const [row] = await db.select().from(dossiers).where(and(eq(dossiers.sourceSystem, source.code), eq(dossiers.code, code)));
  if (!row) return [];
  const [last] = await db
    .select({ payload: dvcqgSnapshots.payload })
    .from(dvcqgSnapshots)
    .where(and(eq(dvcqgSnapshots.sourceId, source.id), eq(dvcqgSnapshots.dossierCode, code), eq(dvcqgSnapshots.service, 'DongBoHoSoMC')))
    .orderBy(desc(dvcqgSnapshots.id))
    .limit(1);
  const [proc] = await db.select().from(procedures).where(eq(procedures.id, row.procedureId));
  const s = stateFromJson(row.state as Record<string, unknown>);
  const p = (last?.payload ?? {}) as Record<string, unknown>;
  return [
    {
      MaHoSo: row.code,
      MaTTHC: (p.MaTTHC as string) ?? proc?.nationalCode ?? proc?.code ?? '',
      TenTTHC: proc?.name ?? (p.TenTTHC as string) ?? '',
      DonViXuLy: (p.DonViXuLy as string) ?? '',
      TrangThaiHoSo: String(STATUS[s.status]),
      NgayTiepNhan: formatPortalDate(s.receivedAt),
      NgayHenTra: formatPortalDate(s.appointment),
      NgayKetThucXuLy: formatPortalDate(s.endAt),
      NgayTra: formatPortalDate(s.returnedAt),
    },
  ];
}

/** LayThuTuc: a procedure of the catalogue by its national code (or its local code), in the portal's shape. */
export async function lookupProcedure(db: Db, code: string) {
  const [p] = await db.select().from(procedures).where(eq(procedures.nationalCode, code));
  const found = p ?? (await db.select().from(procedures).where(eq(procedures.code, code)))[0];
  if (!found) return [];
  const [seen] = await db
    .select({ field: sql<string | null>`${dvcqgSnapshots.payload}->>'MaLinhVuc'` })
    .from(dvcqgSnapshots)
    .where(and(eq(dvcqgSnapshots.procedureCode, code), sql`${dvcqgSnapshots.payload} ? 'MaLinhVuc'`))
    .orderBy(desc(dvcqgSnapshots.id))
    .limit(1);
  return [{ MATTHC: found.nationalCode ?? found.code, TENTTHC: found.name, LINHVUCTHUCHIEN: [{ MALINHVUC: seen?.field ?? '', TENLINHVUC: found.field }] }];
}
