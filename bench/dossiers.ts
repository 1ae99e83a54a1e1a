/**
 * Benchmark of dossier ingest and statistics at scale (issue 4, item 7).
 *
 *   npm run bench:dossiers -- --engine pglite --dossiers 1000000
 *   npm run bench:dossiers -- --engine postgres --dossiers 10000000   (DATABASE_URL or BENCH_DATABASE_URL; a
 *                                                                       fresh database cchc_bench is made there)
 *
 * 200 units, 2,000 procedures, two years of receipts. A sample of realistic dossiers goes through the real
 * ingest path (events, checks, daily counters) to measure the ingest rate; the rest is generated inside the
 * database in the same stored shape and the counters rebuilt from it. Then the statistics and 766 queries
 * of the API (from the counters) are timed against a plain GROUP BY over the dossiers table, p50 / p95.
 */
import { getReport } from '../server/modules/reports/reports.js';
import type { SessionUser } from '../server/modules/auth/sessions.js';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../server/seed/bootstrap.js';
import { ingestInBatches } from '../server/modules/dossiers/ingest.js';
import { index766, oneStopReport, resolveScope } from '../server/modules/dossiers/stats.js';
import { rebuildCounters } from '../server/modules/dossiers/counters.js';
import { parsePeriod } from '../domain/periods/period.js';
import { arg, benchEvents, benchOrganisation, log, openBenchDatabase, rows, timed } from './setup.js';
import { bulkInsertDossiers } from './bulkLoad.js';

const engine = arg('engine', 'pglite');
const total = Number(arg('dossiers', engine === 'pglite' ? '1000000' : '10000000'));
const sample = Number(arg('ingest-sample', '20000'));
const runs = Number(arg('runs', '25'));
const UNITS = 200;
const PROCEDURES = 2000;
const START = '2024-11-01';
const DAYS = 730;

const time = (name: string, f: (i: number) => Promise<unknown>) => timed(name, runs, f);

async function main() {
  log(`engine ${engine}, ${total.toLocaleString('en')} dossiers, ${UNITS} units, ${PROCEDURES} procedures, ${DAYS} days from ${START}`);
  const { database, cleanup } = await openBenchDatabase(engine, 'cchc_bench');
  const db = database.db;
  await bootstrap(db, { demoData: true, demoDossiers: false, adminPassword: 'Bench12345', demoPassword: 'Bench12345' });
  // 200 units under the province (departments and communes), 2,000 procedures spread over them
  const org = await benchOrganisation(db, UNITS, PROCEDURES);
  const { unitIds, procs } = org;

  // 1. ingest through the real path
  const events = await benchEvents(db, org, sample, 'I');
  const t0 = performance.now();
  await ingestInBatches(db, { id: null, name: 'bench' }, events, new Date('2026-11-02T00:00:00+07:00'));
  const ingestS = (performance.now() - t0) / 1000;
  const ingest = { events: events.length, dossiers: sample, seconds: Math.round(ingestS * 10) / 10, events_per_s: Math.round(events.length / ingestS), dossiers_per_s: Math.round(sample / ingestS) };
  log('ingest', JSON.stringify(ingest));

  // 2. the rest in bulk, inside the database
  const chunk = engine === 'pglite' ? 250_000 : 1_000_000;
  const procIds = procs.map((p) => p.id);
  const tb = performance.now();
  for (let done = 0; done < total - sample; done += chunk) {
    const n = Math.min(chunk, total - sample - done);
    await bulkInsertDossiers(db, { count: n, offset: done, unitIds, procedureIds: procIds, start: START, days: DAYS, openShare: 0, source: `bulk-${done}` });
    log(`bulk ${(done + n).toLocaleString('en')} / ${(total - sample).toLocaleString('en')}`);
  }
  const tr = performance.now();
  await rebuildCounters(db);
  const rebuildS = (performance.now() - tr) / 1000;
  await db.execute(sql`analyze`);
  const [counts] = await rows<{ dossiers: string; daily: string }>(db, sql`select (select count(*) from dossiers) as dossiers, (select count(*) from dossier_daily) as daily`);
  log(`loaded in ${Math.round((tr - tb) / 1000)} s; counters rebuilt in ${Math.round(rebuildS)} s; dossiers ${counts.dossiers}, daily counter rows ${counts.daily}`);

  // 3. queries
  const pickUnit = (i: number) => unitIds[((i + 1) * 37 + 11) % unitIds.length];
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
  const q = (i: number) => parsePeriod(quarters[(i + 7) % quarters.length])!;
  const now = new Date('2026-11-01T10:00:00+07:00');
  const [adminRow] = await rows<{ id: number; unit_id: number }>(db, sql`select id, unit_id from users where username = 'admin'`);
  const benchAdmin: SessionUser = { id: adminRow.id, username: 'admin', fullName: 'admin', role: 'admin', unitId: adminRow.unit_id, locale: 'vi' };
  const plainUnit = (unit: number, from: string, to: string) => sql`
    select procedure_id,
      count(*) filter (where received_on < ${from} and (ended_on is null or ended_on >= ${from})) as carried_over,
      count(*) filter (where received_on between ${from} and ${to} and channel = 'online') as received_online,
      count(*) filter (where received_on between ${from} and ${to}) as received,
      count(*) filter (where ended_on between ${from} and ${to} and result = 'early') as early,
      count(*) filter (where ended_on between ${from} and ${to} and result = 'on_time') as on_time,
      count(*) filter (where ended_on between ${from} and ${to} and result = 'late') as late,
      count(*) filter (where ended_on between ${from} and ${to} and result = 'withdrawn') as withdrawn,
      count(*) filter (where (ended_on is null or ended_on > ${to}) and late_from <= ${to}) as in_progress_late,
      count(*) filter (where ended_on is null or ended_on > ${to}) as in_progress
    from dossiers where unit_id = ${unit} and received_on <= ${to} group by procedure_id`;
  const plainProvince = (from: string, to: string) => sql`
    select unit_id,
      count(*) filter (where received_on < ${from} and (ended_on is null or ended_on >= ${from})) as carried_over,
      count(*) filter (where received_on between ${from} and ${to}) as received,
      count(*) filter (where ended_on between ${from} and ${to} and result in ('early', 'on_time')) as on_time,
      count(*) filter (where ended_on between ${from} and ${to} and result = 'late') as late,
      count(*) filter (where ended_on is null or ended_on > ${to}) as in_progress
    from dossiers where received_on <= ${to} group by unit_id`;
  const results = [
    await time('stats: one unit, one quarter (counters)', async (i) => oneStopReport(db, await resolveScope(db, pickUnit(i)), q(i).from, q(i).to)),
    await time('plain GROUP BY: one unit, one quarter (dossiers)', (i) => db.execute(plainUnit(pickUnit(i), q(i).from, q(i).to))),
    await time('stats: whole province, one quarter (counters)', async (i) => oneStopReport(db, await resolveScope(db, undefined), q(i).from, q(i).to)),
    await time('plain GROUP BY: whole province, one quarter (dossiers)', (i) => db.execute(plainProvince(q(i).from, q(i).to))),
    await time('766 index: one unit, one quarter (counters)', async (i) => index766(db, await resolveScope(db, pickUnit(i)), q(i), now)),
    await time('766 index: whole province, one year (counters)', async () => index766(db, await resolveScope(db, undefined), parsePeriod('2026')!, now)),
    // the periodic CCHC report of the province for a year: every block (dossiers and by unit, 766, online
    // services, plan tasks, PAR, targets) over the 2026 reporting window, as GET /api/reports/cchc computes it
    await time('periodic report: province, one year (all blocks)', async () => getReport(db, benchAdmin, undefined, '2026', now)),
  ];
  console.log(JSON.stringify({ engine, dossiers: Number(counts.dossiers), dailyRows: Number(counts.daily), ingest, rebuildSeconds: Math.round(rebuildS), results }, null, 1));
  await database.close();
  cleanup();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
