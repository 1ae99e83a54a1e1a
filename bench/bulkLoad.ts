/**
 * Dossiers in bulk, generated inside the database in one statement (generate_series), in the shape ingest
 * stores them (summary columns filled, events not stored), followed by the counters rebuilt from them.
 * For benchmarks at millions of rows and for the seed-002 check; ingest itself is measured separately.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { rebuildCounters } from '../server/modules/dossiers/counters.js';

export interface BulkSpec {
  /** how many dossiers, numbered from `offset + 1` */
  count: number;
  offset?: number;
  unitIds: number[];
  procedureIds: number[];
  /** first receipt day, and the number of days receipts spread over */
  start: string;
  days: number;
  /** the first `lateCount` dossiers (of this call) end late; otherwise about 2 % are late */
  lateCount?: number;
  /** share of dossiers still open (the latest ones); 0 by default */
  openShare?: number;
  source?: string;
}

export async function bulkInsertDossiers(db: Db, s: BulkSpec) {
  const units = `{${s.unitIds.join(',')}}`;
  const procs = `{${s.procedureIds.join(',')}}`;
  const offset = s.offset ?? 0;
  const lateCount = s.lateCount ?? -1;
  const open = s.openShare ?? 0;
  await db.execute(sql`
    insert into dossiers (source_system, code, procedure_id, unit_id, state, status, channel, received_at, appointment, end_at, received_on, ended_on, result, late_from)
    select ${s.source ?? 'bulk'}, 'B-' || g, p, u, '{}'::jsonb,
           case when is_open then 'processing' else 'returned' end,
           case when (g * 7) % 10 < 4 then 'online' else 'counter' end,
           recv, recv + interval '3 days', case when is_open then null else done end,
           (recv at time zone 'Asia/Ho_Chi_Minh')::date,
           case when is_open then null else (done at time zone 'Asia/Ho_Chi_Minh')::date end,
           case when is_open then null when is_late then 'late' when (g % 5) = 0 then 'on_time' else 'early' end,
           case when is_late or is_open then ((recv + interval '3 days') at time zone 'Asia/Ho_Chi_Minh')::date end
    from (
      select g, (${units}::int[])[1 + (g * 2654435761) % ${s.unitIds.length}] as u,
             (${procs}::int[])[1 + (g * 40503) % ${s.procedureIds.length}] as p,
             (${s.start}::date + ((g - 1 - ${offset}) * ${s.days}::bigint / ${s.count}) * interval '1 day' + interval '1 hour' + (g % 480) * interval '1 minute') at time zone 'Asia/Ho_Chi_Minh' as recv,
             case when ${lateCount} >= 0 then g - ${offset} <= ${lateCount} else (g * 13) % 50 = 0 end as is_late,
             (g - ${offset}) > ${s.count} * (1 - ${open}::float8) as is_open
      from generate_series(${offset + 1}::bigint, ${offset + s.count}::bigint) g
    ) x, lateral (select recv + case when is_late then interval '5 days' else interval '1 day' + (g % 100) * interval '1 minute' end as done) d`);
}

export async function bulkLoad(db: Db, specs: BulkSpec[]) {
  for (const s of specs) await bulkInsertDossiers(db, s);
  await rebuildCounters(db);
}
