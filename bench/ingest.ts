/**
 * Ingest through the real path against a raw COPY of the same rows into the same tables (issue 15, item 1).
 *
 *   npm run bench:ingest -- --engine pglite|postgres --events 100000 [--batch 20000] [--concurrency 2]
 *
 * Realistic dossiers (as the demo's) are generated for 200 units and 2,000 procedures until there are about
 * `events` events. They go through `ingestInBatches` (every check, all-or-nothing per batch, counters) on
 * an empty database; the dossier and event rows it wrote are then copied out, the tables emptied, and the
 * same rows written back with COPY (PostgreSQL: COPY FROM a file the server reads; PGlite: COPY FROM
 * /dev/blob). Both rates are in events per second (the COPY writes the dossier rows too); the last line
 * printed is `{ eventsPerSecond, copyRowsPerSecond, ratio }`.
 */
import { unlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { bootstrap } from '../server/seed/bootstrap.js';
import { ingestInBatches } from '../server/modules/dossiers/ingest.js';
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

  const t0 = performance.now();
  // PostgreSQL: two batches in flight on disjoint lock buckets (one reads and checks while the other writes)
  const concurrency = Number(arg('concurrency', engine === 'postgres' ? '2' : '1'));
  await ingestInBatches(db, { id: null, name: 'bench' }, events, new Date('2026-11-02T00:00:00+07:00'), Number(arg('batch', '20000')), concurrency);
  const ingestS = (performance.now() - t0) / 1000;
  const [{ n: eventRows }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from dossier_events`);
  const eventsPerSecond = Math.round(eventRows / ingestS);
  log(`real path (batches of ${arg('batch', '20000')}, ${concurrency} at once): ${eventRows.toLocaleString('en')} events in ${ingestS.toFixed(1)} s = ${eventsPerSecond.toLocaleString('en')} events/s`);

  // the same rows, out and back in with COPY
  let copyS: number;
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
    copyS = (performance.now() - t1) / 1000;
    for (const f of Object.values(files)) {
      try {
        unlinkSync(f);
      } catch {
        /* written by the server's user: may not be ours to remove */
      }
    }
  } else {
    const client = (db as unknown as { $client: PGlite }).$client;
    const d = (await client.query(`copy dossiers to '/dev/blob'`)).blob!;
    const e = (await client.query(`copy dossier_events to '/dev/blob'`)).blob!;
    await client.query('truncate dossier_events, dossiers cascade');
    const t1 = performance.now();
    await client.transaction(async (tx) => {
      await tx.query(`copy dossiers from '/dev/blob'`, [], { blob: d });
      await tx.query(`copy dossier_events from '/dev/blob'`, [], { blob: e });
    });
    copyS = (performance.now() - t1) / 1000;
  }
  const copyRowsPerSecond = Math.round(eventRows / copyS);
  log(`raw COPY of the same dossier and event rows: ${copyS.toFixed(2)} s = ${copyRowsPerSecond.toLocaleString('en')} events/s`);
  await database.close();
  cleanup();
  console.log(JSON.stringify({ engine, events: eventRows, dossiers: dossierCount, eventsPerSecond, copyRowsPerSecond, ratio: Math.round((eventsPerSecond / copyRowsPerSecond) * 100) / 100 }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
