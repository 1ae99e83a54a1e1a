/**
 * What the benchmarks share: a fresh database on either engine, an organisation of test units and
 * procedures under the province, and realistic dossier events for them (generated as the demo's are).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../server/db/client.js';
import type { Db } from '../server/db/client.js';
import { touchHistory } from '../server/modules/org/history.js';
import { loadCalendar } from '../server/modules/calendar/calendar.js';
import type { IncomingEvent } from '../server/modules/dossiers/ingest.js';
import { generateDossier, receiptInstant, rng, toIncoming } from '../server/seed/dossierGen.js';

export const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
export const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
export const rows = async <T>(db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }, q: ReturnType<typeof sql>) => ((await db.execute(q)) as { rows: T[] }).rows;

/**
 * A fresh database: PostgreSQL database `name` (dropped and made again; `reuse`: kept as a previous run left
 * it) or PGlite in a temporary directory.
 */
export async function openBenchDatabase(engine: string, name: string, opts: { reuse?: boolean } = {}): Promise<{ database: Database; cleanup: () => void }> {
  if (engine === 'postgres') {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    if (!opts.reuse) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { database: await openDatabase({ databaseUrl: url.toString() }), cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  return { database: await openDatabase({ dataDir: dir }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `units` units under the province (a fifth departments, the rest communes) and `procedures` procedures spread over them. */
export async function benchOrganisation(db: Db, units: number, procedures: number) {
  const [{ id: root }] = await rows<{ id: number }>(db, sql`select id from org_units where code = 'TN'`);
  await db.execute(sql`insert into org_units (code, type, valid_from) select 'B' || g, case when g <= ${Math.ceil(units / 5)} then 'department' else 'commune' end, '2015-01-01' from generate_series(1, ${units}) g`);
  await db.execute(sql`insert into org_unit_names (unit_id, name, valid_from) select id, 'Đơn vị thử ' || code, '2015-01-01' from org_units where code like 'B%'`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from) select id, ${root}, '2015-01-01' from org_units where code like 'B%'`);
  await db.transaction((tx) => touchHistory(tx)); // written around the use cases: the history cache must know
  const unitIds = (await rows<{ id: number }>(db, sql`select id from org_units where code like 'B%' order by id`)).map((r) => r.id);
  await db.execute(sql`
    insert into procedures (code, name, search_text, field, level, agency_unit_id, limit_value, limit_unit, online_level)
    select 'BENCH.' || g, 'Thủ tục thử ' || g, 'thu tuc thu ' || g, 'Lĩnh vực ' || (g % 50), case when g % 3 = 0 then 'commune' else 'province' end,
           (${`{${unitIds.join(',')}}`}::int[])[1 + g % ${units}], 1 + g % 15, 'day', (array['full', 'partial', 'none'])[1 + g % 3]
    from generate_series(1, ${procedures}) g`);
  const procs = await rows<{ id: number; code: string; unit: number; days: string }>(db, sql`select p.id, p.code, p.agency_unit_id as unit, p.limit_value as days from procedures p where code like 'BENCH.%' order by id`);
  const unitCode = new Map((await rows<{ id: number; code: string }>(db, sql`select id, code from org_units where code like 'B%'`)).map((u) => [u.id, u.code]));
  return { unitIds, procs, unitCode };
}

/** The events of `dossiers` realistic dossiers received from September to late October 2026 (3 % late). */
export async function benchEvents(db: Db, org: Awaited<ReturnType<typeof benchOrganisation>>, dossiers: number, prefix: string, seed = 7): Promise<IncomingEvent[]> {
  const calendar = await loadCalendar(db);
  const r = rng(seed);
  const events: IncomingEvent[] = [];
  const until = new Date('2026-11-01T00:00:00+07:00');
  for (let i = 0; i < dossiers; i++) {
    const p = r.pick(org.procs);
    const ctx = { calendar, limitMinutes: Number(p.days) * 480 };
    const at = receiptInstant(r, new Date('2026-09-01T00:00:00+07:00').getTime(), new Date('2026-10-25T00:00:00+07:00').getTime(), ctx);
    events.push(...toIncoming(generateDossier(r, at, until, ctx, 0.03), { sourceSystem: 'bench', dossierCode: `${prefix}-${i}`, procedureCode: p.code, unitCode: org.unitCode.get(p.unit)! }));
  }
  return events;
}

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** `f` once to warm up, then `runs` times; prints and returns its p50 / p95 in milliseconds. */
export async function timed(name: string, runs: number, f: (i: number) => Promise<unknown>) {
  await f(-1);
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
