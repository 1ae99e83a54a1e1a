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
import { touchHistory } from '../server/modules/org/history.js';
import { getReport } from '../server/modules/reports/reports.js';
import type { SessionUser } from '../server/modules/auth/sessions.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/db/client.js';
import { bootstrap } from '../server/seed/bootstrap.js';
import { loadCalendar } from '../server/modules/calendar/calendar.js';
import { type IncomingEvent, ingestInBatches } from '../server/modules/dossiers/ingest.js';
import { index766, oneStopReport, resolveScope } from '../server/modules/dossiers/stats.js';
import { rebuildCounters } from '../server/modules/dossiers/counters.js';
import { generateDossier, receiptInstant, rng, toIncoming } from '../server/seed/dossierGen.js';
import { parsePeriod } from '../domain/periods/period.js';
import { bulkInsertDossiers } from './bulkLoad.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const engine = arg('engine', 'pglite');
const total = Number(arg('dossiers', engine === 'pglite' ? '1000000' : '10000000'));
const sample = Number(arg('ingest-sample', '20000'));
const runs = Number(arg('runs', '25'));
const UNITS = 200;
const PROCEDURES = 2000;
const START = '2024-11-01';
const DAYS = 730;

const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const rows = async <T>(db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }, q: ReturnType<typeof sql>) => ((await db.execute(q)) as { rows: T[] }).rows;

async function open() {
  if (engine === 'postgres') {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS cchc_bench');
    await admin.query('CREATE DATABASE cchc_bench');
    await admin.end();
    const url = new URL(base);
    url.pathname = '/cchc_bench';
    return { database: await openDatabase({ databaseUrl: url.toString() }), cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  return { database: await openDatabase({ dataDir: dir }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(name: string, f: (i: number) => Promise<unknown>) {
  await f(-1); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f(i);
    ms.push(performance.now() - t0);
  }
  const line = { query: name, p50_ms: Math.round(percentile(ms, 50) * 10) / 10, p95_ms: Math.round(percentile(ms, 95) * 10) / 10 };
  log(JSON.stringify(line));
  return line;
}

async function main() {
  log(`engine ${engine}, ${total.toLocaleString('en')} dossiers, ${UNITS} units, ${PROCEDURES} procedures, ${DAYS} days from ${START}`);
  const { database, cleanup } = await open();
  const db = database.db;
  await bootstrap(db, { demoData: true, demoDossiers: false, adminPassword: 'Bench12345', demoPassword: 'Bench12345' });
  // 200 units under the province (departments and communes), 2,000 procedures spread over them
  const [{ id: root }] = await rows<{ id: number }>(db, sql`select id from org_units where code = 'TN'`);
  await db.execute(sql`insert into org_units (code, type, valid_from) select 'B' || g, case when g <= 40 then 'department' else 'commune' end, '2015-01-01' from generate_series(1, ${UNITS}) g`);
  await db.execute(sql`insert into org_unit_names (unit_id, name, valid_from) select id, 'Đơn vị thử ' || code, '2015-01-01' from org_units where code like 'B%'`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from) select id, ${root}, '2015-01-01' from org_units where code like 'B%'`);
  await db.transaction((tx) => touchHistory(tx)); // written around the use cases: the history cache must know
  const unitIds = (await rows<{ id: number }>(db, sql`select id from org_units where code like 'B%' order by id`)).map((r) => r.id);
  await db.execute(sql`
    insert into procedures (code, name, search_text, field, level, agency_unit_id, limit_value, limit_unit, online_level)
    select 'BENCH.' || g, 'Thủ tục thử ' || g, 'thu tuc thu ' || g, 'Lĩnh vực ' || (g % 50), case when g % 3 = 0 then 'commune' else 'province' end,
           (${`{${unitIds.join(',')}}`}::int[])[1 + g % ${UNITS}], 1 + g % 15, 'day', (array['full', 'partial', 'none'])[1 + g % 3]
    from generate_series(1, ${PROCEDURES}) g`);
  const procs = await rows<{ id: number; code: string; unit: number; days: string }>(db, sql`select p.id, p.code, p.agency_unit_id as unit, p.limit_value as days from procedures p where code like 'BENCH.%' order by id`);
  const unitCode = new Map((await rows<{ id: number; code: string }>(db, sql`select id, code from org_units where code like 'B%'`)).map((u) => [u.id, u.code]));

  // 1. ingest through the real path
  const calendar = await loadCalendar(db);
  const r = rng(7);
  const events: IncomingEvent[] = [];
  const until = new Date('2026-11-01T00:00:00+07:00');
  for (let i = 0; i < sample; i++) {
    const p = r.pick(procs);
    const ctx = { calendar, limitMinutes: Number(p.days) * 480 };
    const at = receiptInstant(r, new Date('2026-09-01T00:00:00+07:00').getTime(), new Date('2026-10-25T00:00:00+07:00').getTime(), ctx);
    events.push(...toIncoming(generateDossier(r, at, until, ctx, 0.03), { sourceSystem: 'bench', dossierCode: `I-${i}`, procedureCode: p.code, unitCode: unitCode.get(p.unit)! }));
  }
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
