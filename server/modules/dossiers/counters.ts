/**
 * The daily counters of dossiers (table dossier_daily): written by ingest as deltas, read by the statistics,
 * and rebuilt from the dossiers' stored summaries when asked (recovery, bulk loads).
 */
import { and, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { insertRows } from '../../db/bulk.js';
import { copyRows } from '../../db/copy.js';
import { dossierDaily, dossierFactsMonthly, dossierProcedureMonthly, dossierUnitDaily, dossierUnitMonthly, type dossiers } from '../../db/schema.js';
import { FACT_COUNTERS, type FactCounter, type FactCounters, zeroFacts } from '../../../domain/dossiers/facts.js';
import { type Counter, COUNTERS, type Counters, type DossierSummary, type Result, zeroCounters } from '../../../domain/dossiers/summary.js';
import type { IsoDate } from '../../../domain/org/dates.js';

export function storedSummary(row: typeof dossiers.$inferSelect): DossierSummary {
  return { receivedOn: row.receivedOn, channel: row.channel as DossierSummary['channel'], endedOn: row.endedOn, result: row.result as Result | null, lateFrom: row.lateFrom, lateAt: row.lateAt };
}

/**
 * Changes to the counters, gathered over a batch and written as one upsert per table: per unit, procedure
 * and day; per unit and day; per unit and month.
 */
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

  /**
   * The deltas are copied into a staging table of the transaction (COPY, the database's bulk path), then
   * one statement adds them to the four counter tables: per unit, procedure and day as they are, and rolled
   * up by the database per unit and day, per unit and month, and (online receipts) per procedure and month.
   * Each upsert takes its rows in key order, so two batches that touch the same counters lock them in the
   * same order.
   */
  async write(tx: Tx) {
    if (this.rows.size === 0) return;
    const rows = [...this.rows.values()].map((r) => ({ ...zeroCounters(), ...r }));
    await tx.execute(sql.raw(`CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (LIKE dossier_daily) ON COMMIT DELETE ROWS`));
    await copyRows(tx, dossierDaily, rows, STAGE);
    const cols = COUNTERS.map(column);
    const set = (table: string) => cols.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ');
    const sums = cols.map((c) => `sum("${c}")`).join(', ');
    const list = cols.map((c) => `"${c}"`).join(', ');
    await tx.execute(
      sql.raw(`WITH d AS (
        INSERT INTO dossier_daily (unit_id, procedure_id, day, ${list}) SELECT unit_id, procedure_id, day, ${list} FROM ${STAGE} ORDER BY unit_id, procedure_id, day
        ON CONFLICT (unit_id, procedure_id, day) DO UPDATE SET ${set('dossier_daily')}
      ), u AS (
        INSERT INTO dossier_unit_daily (unit_id, day, ${list}) SELECT unit_id, day, ${sums} FROM ${STAGE} GROUP BY unit_id, day ORDER BY unit_id, day
        ON CONFLICT (unit_id, day) DO UPDATE SET ${set('dossier_unit_daily')}
      ), m AS (
        INSERT INTO dossier_unit_monthly (unit_id, month, ${list}) SELECT unit_id, date_trunc('month', day)::date, ${sums} FROM ${STAGE} GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (unit_id, month) DO UPDATE SET ${set('dossier_unit_monthly')}
      ), p AS (
        INSERT INTO dossier_procedure_monthly (unit_id, procedure_id, month, received_online)
        SELECT unit_id, procedure_id, date_trunc('month', day)::date, sum(received_online) FROM ${STAGE} GROUP BY 1, 2, 3 HAVING sum(received_online) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (unit_id, procedure_id, month) DO UPDATE SET received_online = dossier_procedure_monthly.received_online + excluded.received_online
      ) SELECT 1`),
    );
    await tx.execute(sql.raw(`DELETE FROM ${STAGE}`));
  }
}

/** The staging table of the counter deltas (a temporary table of the connection, emptied after each batch). */
const STAGE = 'cchc_stage_dossier_daily';

/** Changes to the monthly Decision 766 fact counters over a batch, written as one upsert per 500 rows. */
export class FactDeltas {
  private rows = new Map<string, { unitId: number; month: string } & Partial<FactCounters>>();

  add(unitId: number, byMonth: Map<string, Partial<FactCounters>>) {
    for (const [month, delta] of byMonth) {
      const key = `${unitId}|${month}`;
      const row = this.rows.get(key) ?? { unitId, month };
      for (const [c, v] of Object.entries(delta) as [FactCounter, number][]) row[c] = (row[c] ?? 0) + v;
      this.rows.set(key, row);
    }
  }

  async write(tx: Tx | Db) {
    const rows = [...this.rows.values()].map((r) => ({ ...zeroFacts(), ...r }));
    // one upsert, in key order (as the other counters)
    const set = sql.raw(FACT_COUNTERS.map((c) => `"${snake(c)}" = "dossier_facts_monthly"."${snake(c)}" + excluded."${snake(c)}"`).join(', '));
    rows.sort((a, b) => a.unitId - b.unitId || a.month.localeCompare(b.month));
    await insertRows(tx, dossierFactsMonthly, rows, { onConflict: sql`(unit_id, month) DO UPDATE SET ${set}` });
  }
}

/** Σ of the fact counters over the months of [from, to] (whole months), for the units together. */
export async function sumFacts(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate): Promise<FactCounters> {
  const [r] = await db
    .select(Object.fromEntries(FACT_COUNTERS.map((c) => [c, sql<string>`coalesce(sum(${dossierFactsMonthly[c]}), 0)`])))
    .from(dossierFactsMonthly)
    .where(and(unitIds ? inArray(dossierFactsMonthly.unitId, unitIds) : undefined, gte(dossierFactsMonthly.month, monthOf(from)), lte(dossierFactsMonthly.month, monthOf(to))));
  const out = zeroFacts();
  for (const c of FACT_COUNTERS) out[c] = Number((r as Record<string, unknown>)?.[c] ?? 0);
  return out;
}

const snake = (c: string) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);
const column = (c: Counter) => snake(c);
export const monthOf = (day: IsoDate) => `${day.slice(0, 7)}-01`;

const sums = (t: typeof dossierUnitDaily | typeof dossierUnitMonthly | typeof dossierDaily) => Object.fromEntries(COUNTERS.map((c) => [c, sql<string>`coalesce(sum(${t[c]}), 0)`]));

function toCounters(r: Record<string, unknown> | undefined): Counters {
  const c = zeroCounters();
  for (const k of COUNTERS) c[k] = Number(r?.[k] ?? 0);
  return c;
}

export const minus = (a: Counters, b: Counters): Counters => {
  const c = {} as Counters;
  for (const k of COUNTERS) c[k] = a[k] - b[k];
  return c;
};
export const plus = (a: Counters, b: Counters): Counters => {
  const c = {} as Counters;
  for (const k of COUNTERS) c[k] = a[k] + b[k];
  return c;
};

/**
 * Σ of every counter before `from` and up to the end of `to`, per unit (`byUnit`) or for the units together:
 * whole months from the monthly rows, the rest of each month from the unit-day rows, both prefixes in one
 * statement. Reads a few rows per unit and month, whatever the number of dossiers.
 */
async function prefixes(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate, byUnit: boolean): Promise<Map<number, { before: Counters; upTo: Counters }>> {
  const mFrom = monthOf(from);
  const mTo = monthOf(to);
  const M = dossierUnitMonthly;
  const D = dossierUnitDaily;
  const pair = (t: typeof M | typeof D, before: SQL, upTo: SQL) =>
    sql.join(COUNTERS.flatMap((c) => [sql`coalesce(sum(${t[c]}) filter (where ${before}), 0) as ${sql.identifier(`b_${c}`)}`, sql`coalesce(sum(${t[c]}) filter (where ${upTo}), 0) as ${sql.identifier(`u_${c}`)}`]), sql`, `);
  const unit = (t: typeof M | typeof D) => (byUnit ? sql`${t.unitId}` : sql`0`);
  const group = (t: typeof M | typeof D) => (byUnit ? sql` group by ${t.unitId}` : sql``);
  // a day before `from` in its month counts before; a day of `to`'s month up to `to` counts up to (both when the months are one)
  const res = (await db.execute(sql`
    select ${unit(M)} as unit_id, ${pair(M, sql`${M.month} < ${mFrom}`, sql`true`)} from ${M}
      where ${and(unitIds ? inArray(M.unitId, unitIds) : undefined, lt(M.month, mTo))}${group(M)}
    union all
    select ${unit(D)}, ${pair(D, sql`${D.day} < ${from}`, sql`${D.day} >= ${mTo}`)} from ${D}
      where ${and(unitIds ? inArray(D.unitId, unitIds) : undefined, or(and(gte(D.day, mFrom), lt(D.day, from)), and(gte(D.day, mTo), lte(D.day, to))))}${group(D)}`)) as unknown as { rows: Record<string, unknown>[] };
  const out = new Map<number, { before: Counters; upTo: Counters }>();
  for (const r of res.rows) {
    const id = Number(r.unit_id);
    const acc = out.get(id) ?? { before: zeroCounters(), upTo: zeroCounters() };
    for (const k of COUNTERS) {
      acc.before[k] += Number(r[`b_${k}`] ?? 0);
      acc.upTo[k] += Number(r[`u_${k}`] ?? 0);
    }
    out.set(id, acc);
  }
  return out;
}

/** Before / up to / within the period, per unit. */
export async function sumsByUnit(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate) {
  const out = new Map<number, { before: Counters; upTo: Counters; within: Counters }>();
  for (const [id, { before, upTo }] of await prefixes(db, unitIds, from, to, true)) out.set(id, { before, upTo, within: minus(upTo, before) });
  return out;
}

/** Σ of every counter before `day`, for the units together (all units when null). */
export async function sumBefore(db: Db, unitIds: number[] | null, day: IsoDate): Promise<Counters> {
  return (await sumCounters(db, unitIds, day, day)).before;
}

/** Before / up to / within the period, for the units together (all units when null). */
export async function sumCounters(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate) {
  const { before, upTo } = (await prefixes(db, unitIds, from, to, false)).get(0) ?? { before: zeroCounters(), upTo: zeroCounters() };
  return { before, upTo, within: minus(upTo, before) };
}

/** Per month of [from, to] (`YYYY-MM`), from the unit-day rows. */
export async function sumsByMonth(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate): Promise<Map<string, Counters>> {
  const month = sql<string>`to_char(${dossierUnitDaily.day}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, ...sums(dossierUnitDaily) })
    .from(dossierUnitDaily)
    .where(and(unitIds ? inArray(dossierUnitDaily.unitId, unitIds) : undefined, gte(dossierUnitDaily.day, from), lte(dossierUnitDaily.day, to)))
    .groupBy(month);
  return new Map(rows.map((r) => [r.month, toCounters(r as Record<string, unknown>)]));
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

/** Before / up to / within columns over the procedure-level rows, for breakdowns by procedure. */
export function periodSums(from: IsoDate) {
  const pick = (cond: SQL, p: string) => prefix(p, Object.fromEntries(COUNTERS.map((c) => [c, sql<string>`coalesce(sum(${dossierDaily[c]}) filter (where ${cond}), 0)`])));
  return { ...pick(sql`${dossierDaily.day} < ${from}`, 'b_'), ...pick(sql`true`, 'u_'), ...pick(sql`${dossierDaily.day} >= ${from}`, 'w_') };
}

/**
 * The counters rebuilt from the dossiers' stored summaries in one statement (the same rules as
 * domain/dossiers/summary.ts `contribution`), replacing what is there.
 */
export async function rebuildCounters(tx: Tx | Db) {
  await tx.execute(sql`delete from dossier_unit_monthly`);
  await tx.execute(sql`delete from dossier_unit_daily`);
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
  await tx.execute(sql`delete from dossier_procedure_monthly`);
  await tx.execute(sql`
    insert into dossier_procedure_monthly (unit_id, procedure_id, month, received_online)
    select unit_id, procedure_id, date_trunc('month', day)::date, sum(received_online)::int from dossier_daily group by 1, 2, 3 having sum(received_online) <> 0`);
  await rebuildUnitCounters(tx);
  await rebuildFactCounters(tx);
}

/** The monthly Decision 766 fact counters from the dossiers' stored facts (domain/dossiers/facts.ts rules). */
async function rebuildFactCounters(tx: Tx | Db) {
  await tx.execute(sql`delete from dossier_facts_monthly`);
  await tx.execute(sql`
    insert into dossier_facts_monthly (unit_id, month, synced, sync_reported, paid_online, payment_reported, digitised, digitised_reported, reused, reused_reported, electronic_result, electronic_result_reported)
    select unit_id, month, sum(s), sum(sr), sum(p), sum(pr), sum(d), sum(dr), sum(r), sum(rr), sum(e), sum(er)
    from (
      select unit_id, date_trunc('month', received_on)::date as month,
             coalesce(synced_to_portal::int, 0) as s, (synced_to_portal is not null)::int as sr,
             coalesce(paid_online::int, 0) as p, (paid_online is not null)::int as pr,
             coalesce(digitised::int, 0) as d, (digitised is not null)::int as dr,
             coalesce(reused_data::int, 0) as r, (reused_data is not null)::int as rr,
             0 as e, 0 as er
        from dossiers where received_on is not null
      union all
      select unit_id, date_trunc('month', ended_on)::date, 0, 0, 0, 0, 0, 0, 0, 0,
             coalesce(electronic_result::int, 0), (electronic_result is not null)::int
        from dossiers where ended_on is not null and result in ('early', 'on_time', 'late')
    ) x
    group by unit_id, month
    having sum(sr) + sum(pr) + sum(dr) + sum(rr) + sum(er) > 0`);
}

const ALL = 'received_online, received_counter, early, on_time, late, refused, refused_late, withdrawn, not_accepted, late_start, late_end';
const SUMS = ALL.split(', ').map((c) => `sum(${c})`).join(', ');

/** The unit-level counters rolled up from the procedure-level ones (after a rebuild). */
async function rebuildUnitCounters(tx: Tx | Db) {
  await tx.execute(sql.raw(`insert into dossier_unit_daily (unit_id, day, ${ALL}) select unit_id, day, ${SUMS} from dossier_daily group by unit_id, day`));
  await tx.execute(sql.raw(`insert into dossier_unit_monthly (unit_id, month, ${ALL}) select unit_id, date_trunc('month', day)::date, ${SUMS} from dossier_unit_daily group by 1, 2`));
}
