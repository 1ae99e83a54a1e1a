/**
 * The daily counters of dossiers (table dossier_daily): written by ingest as deltas, read by the statistics,
 * and rebuilt from the dossiers' stored summaries when asked (recovery, bulk loads).
 */
import { and, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { dossierDaily, type dossiers } from '../../db/schema.js';
import { type Counter, COUNTERS, type Counters, type DossierSummary, type Result, zeroCounters } from '../../../domain/dossiers/summary.js';
import type { IsoDate } from '../../../domain/org/dates.js';

export function storedSummary(row: typeof dossiers.$inferSelect): DossierSummary {
  return { receivedOn: row.receivedOn, channel: row.channel as DossierSummary['channel'], endedOn: row.endedOn, result: row.result as Result | null, lateFrom: row.lateFrom };
}

/** Changes to the counters, gathered over a batch and written in one upsert per 500 rows. */
export class DailyDeltas {
  private rows = new Map<string, { unitId: number; procedureId: number; day: IsoDate } & Partial<Counters>>();

  add(unitId: number, procedureId: number, byDay: Map<IsoDate, Partial<Counters>>) {
    for (const [day, delta] of byDay) {
      const key = `${unitId}|${procedureId}|${day}`;
      const row = this.rows.get(key) ?? { unitId, procedureId, day };
      for (const [c, v] of Object.entries(delta) as [Counter, number][]) row[c] = (row[c] ?? 0) + v;
      this.rows.set(key, row);
    }
  }

  async write(tx: Tx | Db) {
    const rows = [...this.rows.values()].map((r) => ({ ...zeroCounters(), ...r }));
    const set = Object.fromEntries(COUNTERS.map((c) => [c, sql.raw(`"dossier_daily"."${column(c)}" + excluded."${column(c)}"`)]));
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(dossierDaily)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({ target: [dossierDaily.unitId, dossierDaily.procedureId, dossierDaily.day], set });
    }
  }
}

const column = (c: Counter) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);

/** Σ of every counter over the rows that match, in one query: before / up to / within the period. */
export async function sumCounters(db: Db, where: SQL | undefined, from: IsoDate, to: IsoDate) {
  const pick = (cond: SQL) => Object.fromEntries(COUNTERS.map((c) => [c, sql<string>`coalesce(sum(${dossierDaily[c]}) filter (where ${cond}), 0)`]));
  const [row] = await db
    .select({
      ...prefix('b_', pick(sql`${dossierDaily.day} < ${from}`)),
      ...prefix('u_', pick(sql`true`)),
      ...prefix('w_', pick(sql`${dossierDaily.day} >= ${from}`)),
    })
    .from(dossierDaily)
    .where(and(where, lte(dossierDaily.day, to)));
  return splitSums(row as Record<string, unknown>);
}

const prefix = (p: string, o: Record<string, SQL>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [p + k, v]));

export function splitSums(row: Record<string, unknown>) {
  const part = (p: string): Counters => {
    const c = zeroCounters();
    for (const k of COUNTERS) c[k] = Number(row[p + k] ?? 0);
    return c;
  };
  return { before: part('b_'), upTo: part('u_'), within: part('w_') };
}

/** Scope filter for the counters: the given units (all when null). */
export const unitFilter = (unitIds: number[] | null) => (unitIds ? inArray(dossierDaily.unitId, unitIds) : undefined);

export const dayRange = (from: IsoDate, to: IsoDate) => and(gte(dossierDaily.day, from), lte(dossierDaily.day, to));
export const beforeDay = (d: IsoDate) => lt(dossierDaily.day, d);
export const unitIs = (id: number) => eq(dossierDaily.unitId, id);

/**
 * The counters rebuilt from the dossiers' stored summaries in one statement (the same rules as
 * domain/dossiers/summary.ts `contribution`), replacing what is there.
 */
export async function rebuildCounters(tx: Tx | Db) {
  await tx.execute(sql`delete from dossier_daily`);
  await tx.execute(sql`
    insert into dossier_daily (unit_id, procedure_id, day, received_online, received_counter, early, on_time, late, refused, refused_late, withdrawn, not_accepted, late_start, late_end)
    select unit_id, procedure_id, day, sum(ro), sum(rc), sum(e), sum(o), sum(l), sum(rf), sum(rfl), sum(w), sum(na), sum(ls), sum(le)
    from (
      select unit_id, procedure_id, received_on as day,
             (channel = 'online')::int as ro, (channel is distinct from 'online')::int as rc,
             0 as e, 0 as o, 0 as l, 0 as rf, 0 as rfl, 0 as w, 0 as na, 0 as ls, 0 as le
        from dossiers where received_on is not null
      union all
      select unit_id, procedure_id, ended_on, 0, 0,
             (result = 'early')::int, (result = 'on_time')::int, (result = 'late')::int,
             (result in ('refused', 'refused_late'))::int, (result = 'refused_late')::int,
             (result = 'withdrawn')::int, (result = 'not_accepted')::int, 0,
             (late_from is not null and received_on is not null)::int
        from dossiers where ended_on is not null and result is not null
      union all
      select unit_id, procedure_id, late_from, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
        from dossiers where late_from is not null and received_on is not null
    ) x
    group by unit_id, procedure_id, day`);
}
