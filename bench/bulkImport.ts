/**
 * The bulk import of a province's history (issue 15, item 1): a CSV file of `dossiers` realistic dossiers'
 * events (as the demo's, over 200 units and 2,000 procedures, received from January 2025 to October 2026)
 * written to disk as a one-stop system exports it, then imported through the real path (`bulkImport`: the
 * whole file checked, then written in batches with every check, the counters and the audit).
 *
 *   npm run bench:bulk -- --engine postgres --dossiers 1000000 [--batch 20000] [--concurrency 3]
 *
 * Prints the progress every 15 s and last a JSON line { dossiers, events, fileMB, checkSeconds,
 * writeSeconds, eventsPerSecond, totalSeconds }.
 */
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from '../server/seed/bootstrap.js';
import { loadCalendar } from '../server/modules/calendar/calendar.js';
import { bulkImport, type BulkProgress } from '../server/modules/dossiers/bulkImport.js';
import { bulkConcurrency } from '../server/modules/dossiers/ingest.js';
import { FILE_COLUMNS } from '../server/modules/dossiers/eventFile.js';
import { generateDossier, receiptInstant, rng, toIncoming } from '../server/seed/dossierGen.js';
import { arg, benchOrganisation, log, openBenchDatabase } from './setup.js';

const engine = arg('engine', 'postgres');
const dossiers = Number(arg('dossiers', '100000'));
const path = join(tmpdir(), `cchc-bench-bulk-${process.pid}.csv`);

async function writeFile(org: Awaited<ReturnType<typeof benchOrganisation>>, calendar: Awaited<ReturnType<typeof loadCalendar>>) {
  const out = createWriteStream(path);
  const r = rng(11);
  const until = new Date('2026-11-01T00:00:00+07:00');
  const from = new Date('2025-01-02T00:00:00+07:00').getTime();
  const to = new Date('2026-10-25T00:00:00+07:00').getTime();
  let events = 0;
  let chunk = `${FILE_COLUMNS.join(',')}\n`;
  for (let i = 0; i < dossiers; i++) {
    const p = r.pick(org.procs);
    const ctx = { calendar, limitMinutes: Number(p.days) * 480 };
    const evs = toIncoming(generateDossier(r, receiptInstant(r, from, to, ctx), until, ctx, 0.03), { sourceSystem: 'bench', dossierCode: `H-${i}`, procedureCode: p.code, unitCode: org.unitCode.get(p.unit)! });
    for (const e of evs) chunk += `${e.sourceSystem},${e.dossierCode},${e.procedureCode ?? ''},${e.unitCode ?? ''},${e.kind},${e.at},${e.channel ?? ''},${e.appointment ?? ''}\n`;
    events += evs.length;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return events;
}

async function main() {
  const { database, cleanup } = await openBenchDatabase(engine, 'cchc_bench_bulk');
  const db = database.db;
  await bootstrap(db, { demoData: true, demoDossiers: false, demoPar: false, demoReports: false, adminPassword: 'Bench12345', demoPassword: 'Bench12345' });
  const org = await benchOrganisation(db, 200, 2000);
  const events = await writeFile(org, await loadCalendar(db));
  const fileMB = Math.round(statSync(path).size / 1024 / 1024);
  log(`engine ${engine}: ${dossiers.toLocaleString('en')} dossiers, ${events.toLocaleString('en')} events, ${fileMB} MB of CSV`);

  const concurrency = Number(arg('concurrency', String(bulkConcurrency(engine as 'postgres' | 'pglite'))));
  const t0 = Date.now();
  let checked = 0;
  let shown = 0;
  const r = await bulkImport(db, { id: null, name: 'bench' }, path, {
    now: new Date('2026-11-02T00:00:00+07:00'),
    batchSize: Number(arg('batch', '20000')),
    concurrency,
    onProgress: (p: BulkProgress) => {
      if (p.phase === 'writing' && !checked) checked = Date.now();
      if (Date.now() - shown < 15_000) return;
      shown = Date.now();
      log(p.phase === 'checking' ? `checking: ${Math.round(p.bytesRead / 1048576)} / ${fileMB} MB, ${p.rows.toLocaleString('en')} rows` : `writing: ${p.written.toLocaleString('en')} / ${p.rows.toLocaleString('en')} events, ${p.eventsPerSecond.toLocaleString('en')}/s, ETA ${p.etaSeconds} s`);
    },
  });
  const total = (Date.now() - t0) / 1000;
  const checkSeconds = (checked - t0) / 1000;
  const writeSeconds = total - checkSeconds;
  log(`done: ${r.applied.toLocaleString('en')} events applied in ${r.batches} batches (${concurrency} at once)`);
  rmSync(path, { force: true });
  await database.close();
  cleanup();
  console.log(JSON.stringify({ engine, dossiers, events, fileMB, concurrency, checkSeconds: Math.round(checkSeconds * 10) / 10, writeSeconds: Math.round(writeSeconds * 10) / 10, eventsPerSecond: Math.round(events / writeSeconds), totalSeconds: Math.round(total * 10) / 10 }));
}

main().catch((e) => {
  rmSync(path, { force: true });
  console.error(e);
  process.exit(1);
});
