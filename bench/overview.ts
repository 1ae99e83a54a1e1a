/**
 * Benchmark of the leaders' overview (issue 14, item 5): GET /api/overview for the whole province and a year
 * (every tile with its worst units: one-stop report and per unit, 766, plan tasks, PAR, targets, reports,
 * staffing), on PostgreSQL at 10 M dossiers.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:overview -- --dossiers 10000000
 *   npm run bench:overview -- --engine pglite --dossiers 1000000
 *
 * The set-up is bench/dossiers.ts's: 200 units (40 departments, 160 communes) under the province, 2,000
 * procedures, receipts over two years (1/11/2024–31/10/2026) generated inside the database in the stored
 * shape (bench/bulkLoad.ts) and the counters rebuilt from them, over the demo organisation (its plans,
 * targets, reports, staffing). A fresh database (`--database`, default cchc_bench_overview) is made on the server.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../server/seed/bootstrap.js';
import { rebuildCounters } from '../server/modules/dossiers/counters.js';
import type { SessionUser } from '../server/modules/auth/sessions.js';
import { overview } from '../server/modules/overview/overview.js';
import type { Db } from '../server/db/client.js';
import { index766, resolveScope } from '../server/modules/dossiers/stats.js';
import { getReport } from '../server/modules/reports/reports.js';
import { parsePeriod } from '../domain/periods/period.js';
import { bulkInsertDossiers } from './bulkLoad.js';
import { arg, benchOrganisation, log, openBenchDatabase, rows, timed } from './setup.js';

const engine = arg('engine', 'postgres');
const total = Number(arg('dossiers', engine === 'pglite' ? '1000000' : '10000000'));
const runs = Number(arg('runs', '15'));
const dbName = arg('database', 'cchc_bench_overview');
/** `--reuse true`: time the overview on the database a previous run loaded (no drop, no load) */
const reuse = arg('reuse', 'false') === 'true';
const UNITS = 200;
const PROCEDURES = 2000;
const START = '2024-11-01';
const DAYS = 730;

const time = (name: string, f: (i: number) => Promise<unknown>) => timed(name, runs, f);

async function main() {
  log(`engine ${engine}, ${total.toLocaleString('en')} dossiers, ${UNITS} units, ${PROCEDURES} procedures`);
  const { database, cleanup } = await openBenchDatabase(engine, dbName, { reuse });
  const db = database.db;
  if (reuse) return timings(db, database, cleanup);
  await bootstrap(db, { demoData: true, demoDossiers: false, adminPassword: 'Bench12345', demoPassword: 'Bench12345' });
  const { unitIds } = await benchOrganisation(db, UNITS, PROCEDURES);
  const procIds = (await rows<{ id: number }>(db, sql`select id from procedures where code like 'BENCH.%' order by id`)).map((p) => p.id);
  const chunk = engine === 'pglite' ? 250_000 : 1_000_000;
  const tb = performance.now();
  for (let done = 0; done < total; done += chunk) {
    const n = Math.min(chunk, total - done);
    await bulkInsertDossiers(db, { count: n, offset: done, unitIds, procedureIds: procIds, start: START, days: DAYS, openShare: 0, source: `bulk-${done}` });
    log(`bulk ${(done + n).toLocaleString('en')} / ${total.toLocaleString('en')}`);
  }
  const tr = performance.now();
  await rebuildCounters(db);
  await db.execute(sql`analyze`);
  log(`loaded in ${Math.round((tr - tb) / 1000)} s; counters rebuilt in ${Math.round((performance.now() - tr) / 1000)} s`);
  return timings(db, database, cleanup);
}

async function timings(db: Db, database: { close(): Promise<void> }, cleanup: () => void) {
  const unitIds = (await rows<{ id: number }>(db, sql`select id from org_units where code like 'B%' order by id`)).map((r) => r.id);
  const [counts] = await rows<{ dossiers: string; daily: string }>(db, sql`select (select count(*) from dossiers) as dossiers, (select count(*) from dossier_daily) as daily`);
  log(`dossiers ${counts.dossiers}, daily rows ${counts.daily}`);

  const [a] = await rows<{ id: number; unit_id: number }>(db, sql`select id, unit_id from users where username = 'admin'`);
  const leader: SessionUser = { id: a.id, username: 'admin', fullName: 'admin', role: 'leader', unitId: a.unit_id, locale: 'vi' };
  const now = new Date('2026-11-01T10:00:00+07:00');
  const first = await overview(db, leader, undefined, { period: '2026' }, now);
  log(`province ${first.unit.name}: ${first.units.length} units ranked, ${first.tiles.length} tiles; on-time ${first.tiles.find((t) => t.key === 'dossiersOnTimeRate')?.value} %`);
  const results = [
    await time('overview: province, year 2026 (every tile, worst units)', () => overview(db, leader, undefined, { period: '2026' }, now)),
    await time('overview: province, year 2026, dossier tiles only', () => overview(db, leader, undefined, { period: '2026', only: ['dossiersOnTimeRate', 'dossiersOnlineRate', 'dossiersReceived', 'dossiersOpenLate'] }, now)),
    await time('overview: province, Q3/2026 reporting window', () => overview(db, leader, undefined, { period: '2026-Q3', window: 'reporting' }, now)),
    await time('overview: one unit, year 2026', () => overview(db, leader, unitIds[7], { period: '2026' }, now)),
    // the pages the tiles open, on the same data
    await time('766 index: province, year 2026', async () => index766(db, await resolveScope(db, undefined), parsePeriod('2026')!, now)),
    await time('766 index: one unit, Q3/2026', async () => index766(db, await resolveScope(db, unitIds[7]), parsePeriod('2026-Q3')!, now)),
    await time('periodic report: province, year 2026 (all blocks)', () => getReport(db, { ...leader, role: 'admin' }, undefined, '2026', now)),
  ];
  console.log(JSON.stringify({ engine, dossiers: Number(counts.dossiers), dailyRows: Number(counts.daily), results }, null, 1));
  await database.close();
  cleanup();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
