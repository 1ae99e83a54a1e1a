/**
 * The statistics path on a database split by province (issue 15, item 9): the counter tables are made
 * partitioned by unit, Long An's units (the province before the 2025 merger) in foreign partitions on a
 * second PostgreSQL cluster through postgres_fdw, Tây Ninh's in a local partition. The unchanged server
 * then answers the statistics, the statistics by unit, the trend and the 766 index — and must give exactly
 * what it gave on one database. This stands for a Citus deployment distributed on unit_id (README, "Beyond
 * one machine"), which cannot be installed here.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL), root and pg_createcluster: the second cluster is made for the test
 * on a free port and dropped afterwards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login, type Session, type TestApp, testApp } from '../helpers/app.js';

const canRun = !!process.env.TEST_DATABASE_URL && existsSync('/usr/bin/pg_createcluster') && process.getuid?.() === 0;
const COUNTER_TABLES = ['dossier_daily', 'dossier_unit_daily', 'dossier_unit_monthly', 'dossier_procedure_monthly'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!canRun)('statistics on partitions by province, one of them on another PostgreSQL (postgres_fdw)', () => {
  let t: TestApp;
  let admin: Session;
  let port: number;
  const version = canRun ? execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0] : '';
  const cluster = `cchc_fdw_${process.pid}`;
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;
  const remote = (query: string) => execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'shard', '-v', 'ON_ERROR_STOP=1', '-tAc', query]).toString().trim();

  const REQUESTS = [
    '/api/dossiers/stats?from=2026-07-01&to=2026-09-30',
    '/api/dossiers/stats?from=2025-01-01&to=2025-06-30',
    '/api/dossiers/stats?from=2025-01-01&to=2026-11-30&by=unit',
    '/api/dossiers/stats/trend?from=2025-01-01&to=2026-10-31',
    '/api/index766?period=2026',
    '/api/index766?period=2025-Q2',
  ];
  const answers = async (unitIds: number[]) => {
    const out: Record<string, unknown> = {};
    for (const path of REQUESTS) {
      out[path] = (await as(t.app, admin).get(path)).json();
      for (const u of unitIds) out[`${path}&unit=${u}`] = (await as(t.app, admin).get(`${path}&unit=${u}`)).json();
    }
    return out;
  };

  beforeAll(async () => {
    port = await freePort();
    execFileSync('pg_createcluster', [version, cluster, '-p', String(port), '--', '--auth=trust'], { stdio: 'ignore' });
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start'], { stdio: 'ignore' });
    execFileSync('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'shard']);
    t = await testApp('postgres', { demoDossiers: true });
    admin = await login(t.app, 'admin');
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    if (canRun) execFileSync('pg_dropcluster', ['--stop', version, cluster], { stdio: 'ignore' });
  });

  it('gives the same figures as one database, with Long An’s counters on the other server', async () => {
    const [la] = await rows<{ ids: number[] }>(sql`select array_agg(id order by id) as ids from org_units where code = 'LA' or code like 'LA.%'`);
    const [tn] = await rows<{ ids: number[] }>(sql`select array_agg(id order by id) as ids from org_units where code = 'TN' or code like 'TN.%'`);
    expect(la.ids.length).toBeGreaterThan(5);
    const sample = [la.ids[0], tn.ids[0], ...la.ids.slice(1, 3), ...tn.ids.slice(1, 3)];
    const before = await answers(sample);
    for (const [key, v] of Object.entries(before)) expect({ key, error: (v as { code?: string }).code }).toEqual({ key, error: undefined });

    const db = t.database.db;
    await db.execute(sql`create extension if not exists postgres_fdw`);
    await db.execute(sql.raw(`create server shard foreign data wrapper postgres_fdw options (host '127.0.0.1', port '${port}', dbname 'shard')`));
    await db.execute(sql`create user mapping for current_user server shard options (user 'postgres')`);
    for (const table of COUNTER_TABLES) {
      const [{ cols }] = await rows<{ cols: string }>(
        sql`select string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod) || case when attnotnull then ' not null' else '' end, ', ' order by attnum) as cols
            from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`,
      );
      remote(`create table ${table}_la (${cols})`);
      // the table becomes partitioned by unit: Long An's units on the other server, the rest here
      await db.execute(sql.raw(`alter table ${table} rename to ${table}_single`));
      await db.execute(sql.raw(`create table ${table} (like ${table}_single including defaults) partition by list (unit_id)`));
      await db.execute(sql.raw(`create table ${table}_tn partition of ${table} default`));
      await db.execute(sql.raw(`create foreign table ${table}_la partition of ${table} for values in (${la.ids.join(',')}) server shard options (table_name '${table}_la')`));
      // a new table is watched like the others (migration 0025): its writes make the kept figures be read again
      await db.execute(sql.raw(`create trigger note_data_change after insert or update or delete or truncate on ${table} for each statement execute function note_data_change()`));
      await db.execute(sql.raw(`insert into ${table} select * from ${table}_single`));
    }
    // both partitions hold rows: the statistics below read across the two servers
    for (const table of COUNTER_TABLES) {
      expect(Number(remote(`select count(*) from ${table}_la`))).toBeGreaterThan(0);
      const [{ n }] = await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}_tn`));
      expect(n).toBeGreaterThan(0);
    }
    const after = await answers(sample);
    for (const key of Object.keys(before)) expect({ key, answer: after[key] }).toEqual({ key, answer: before[key] });
    // the province's year reads both sides (Long An's 2025 dossiers count in Tây Ninh's through the merger)
    expect(JSON.stringify(after['/api/dossiers/stats?from=2025-01-01&to=2026-11-30&by=unit'])).toContain('Long An');
  }, 240_000);
});
