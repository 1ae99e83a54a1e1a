/**
 * Ingest through the real path against a raw COPY of the same rows into the same tables (issue 15, item 1).
 *
 *   npm run bench:ingest -- --engine pglite|postgres --events 100000 [--batch 20000] [--concurrency 3] [--rounds 3]
 *
 * Realistic dossiers (as the demo's) are generated for 200 units and 2,000 procedures until there are about
 * `events` events. They go through `ingestInBatches` (every check, all-or-nothing per batch, counters) on
 * an empty database; the dossier and event rows it wrote are then copied out, the tables emptied, and the
 * same rows written back with COPY (PostgreSQL: COPY FROM a file the server reads; PGlite: COPY FROM
 * /dev/blob). Both rates are in events per second (the COPY writes the dossier rows too). The two run side
 * by side `--rounds` times (default 3, the tables emptied before each); the last line printed is
 * `{ eventsPerSecond, copyRowsPerSecond, ratio }` with the median of each.
 */
import { unlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { bootstrap } from '../server/seed/bootstrap.js';
import { bulkConcurrency, ingestInBatches } from '../server/modules/dossiers/ingest.js';
import type { Db } from '../server/db/client.js';
import { arg, benchEvents, benchOrganisation, log, openBenchDatabase, rows } from './setup.js';

const engine = arg('engine', 'pglite');
const target = Number(arg('events', '100000'));

async function main() {
  const { database, cleanup } = await openBenchDatabase(engine, 'cchc_bench_ingest');
  const db = database.db;
  await bootstrap(db, { demoData: true, demoDossiers: false, demoPar: false, demoReports: false, adminPassword: 'Bench12345', demoPassword: 'Bench12345' });
  const org = await benchOrganisation(db, 200, 2000);
  // about 4 events per dossier: generate a little more than needed, then cut at a dossier's end
  const events = (await benchEvents(db, org, Math.ceil(target / 3.5), 'G')).slice(0, target);
  while (events.length > 1 && events[events.length - 1].dossierCode === events[events.length - 2].dossierCode && events[events.length - 1].kind !== 'processed') events.pop();
  const dossierCount = new Set(events.map((e) => e.dossierCode)).size;
  log(`engine ${engine}: ${events.length.toLocaleString('en')} events of ${dossierCount.toLocaleString('en')} dossiers`);

  // PostgreSQL: batches in flight on disjoint lock buckets (one checks in JavaScript while the others write)
  const concurrency = Number(arg('concurrency', String(bulkConcurrency(engine as 'postgres' | 'pglite'))));
  const batch = Number(arg('batch', '20000'));
  // the machine is shared and noisy: each round runs both side by side, and the medians are compared
  const rounds = Number(arg('rounds', '3'));
  const real: number[] = [];
  const copy: number[] = [];
  let eventRows = 0;
  for (let round = 1; round <= rounds; round++) {
    await db.execute(sql`truncate dossier_events, dossiers, dossier_daily, dossier_unit_daily, dossier_unit_monthly, dossier_procedure_monthly, dossier_facts_monthly cascade`);
    const t0 = performance.now();
    await ingestInBatches(db, { id: null, name: 'bench' }, events, new Date('2026-11-02T00:00:00+07:00'), batch, concurrency);
    const ingestS = (performance.now() - t0) / 1000;
    [{ n: eventRows }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from dossier_events`);
    real.push(Math.round(eventRows / ingestS));
    const copyS = await rawCopy(db);
    copy.push(Math.round(eventRows / copyS));
    log(`round ${round}: real path (batches of ${batch}, ${concurrency} at once) ${eventRows.toLocaleString('en')} events in ${ingestS.toFixed(1)} s = ${real.at(-1)!.toLocaleString('en')} events/s; raw COPY of the same dossier and event rows ${copyS.toFixed(2)} s = ${copy.at(-1)!.toLocaleString('en')} events/s`);
  }
  await database.close();
  cleanup();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const eventsPerSecond = median(real);
  const copyRowsPerSecond = median(copy);
  console.log(JSON.stringify({ engine, events: eventRows, dossiers: dossierCount, rounds, concurrency, eventsPerSecond, copyRowsPerSecond, ratio: Math.round((eventsPerSecond / copyRowsPerSecond) * 100) / 100 }));
}

/** The dossier and event rows the real path wrote, out and back in with COPY: the seconds the COPY took. */
async function rawCopy(db: Db): Promise<number> {
  if (engine === 'postgres') {
    const files = { d: `/tmp/cchc-bench-dossiers-${process.pid}.csv`, e: `/tmp/cchc-bench-events-${process.pid}.csv` };
    await db.execute(sql.raw(`copy dossiers to '${files.d}'`));
    await db.execute(sql.raw(`copy dossier_events to '${files.e}'`));
    await db.execute(sql`truncate dossier_events, dossiers cascade`);
    const t1 = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`copy dossiers from '${files.d}'`));
      await tx.execute(sql.raw(`copy dossier_events from '${files.e}'`));
    });
    const s = (performance.now() - t1) / 1000;
    for (const f of Object.values(files)) {
      try {
        unlinkSync(f);
      } catch {
        /* written by the server's user: may not be ours to remove */
      }
    }
    return s;
  }
  const client = (db as unknown as { $client: PGlite }).$client;
  const d = (await client.query(`copy dossiers to '/dev/blob'`)).blob!;
  const e = (await client.query(`copy dossier_events to '/dev/blob'`)).blob!;
  await client.query('truncate dossier_events, dossiers cascade');
  const t1 = performance.now();
  await client.transaction(async (tx) => {
    await tx.query(`copy dossiers from '/dev/blob'`, [], { blob: d });
    await tx.query(`copy dossier_events from '/dev/blob'`, [], { blob: e });
  });
  return (performance.now() - t1) / 1000;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
