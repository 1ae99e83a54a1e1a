/**
 * The bulk import of a large CSV file (issue 15): the same dossiers, events and counters as the same events
 * sent through the event API; a file with errors writes nothing and names its rows; a state error met while
 * writing stops the import with the batches before it kept, and the corrected file imported again completes
 * it; the HTTP upload runs as a job with its progress; a file over the limit is a 413.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client.js';
import { AppError } from '../../server/errors.js';
import { bulkImport, type BulkProgress } from '../../server/modules/dossiers/bulkImport.js';
import { FACT_COLUMNS, FILE_COLUMNS } from '../../server/modules/dossiers/eventFile.js';
import { type IncomingEvent, ingestEvents } from '../../server/modules/dossiers/ingest.js';
import { loadCalendar } from '../../server/modules/calendar/calendar.js';
import { limitMinutes } from '../../domain/procedures/procedure.js';
import { generateDossier, receiptInstant, rng, toIncoming } from '../../server/seed/dossierGen.js';
import { as, ENGINES, login, type TestApp, testApp } from '../helpers/app.js';
import { vnInstant } from '../helpers/generatedDossiers.js';

const ACTOR = { id: null, name: 'test' };
const NOW = new Date('2026-11-02T00:00:00+07:00');
const dir = mkdtempSync(join(tmpdir(), 'cchc-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN: [string, string, string][] = [
  ['MAU.TP.01', 'LA.STP', 'TN.STP'],
  ['MAU.CT.01', 'LA.TANAN.P1', 'TN.PLONGAN'],
  ['MAU.HT.01', 'LA.TANAN.P2', 'TN.PLONGAN'],
  ['MAU.DN.01', 'LA.STC', 'TN.STC'],
];

/** Generated dossiers' events, some with 766 facts, interleaved across dossiers (each dossier's in order). */
async function generate(db: Db, count: number, seed: number, prefix: string): Promise<IncomingEvent[]> {
  const calendar = await loadCalendar(db);
  const procs = (await db.execute(sql`SELECT code, limit_value, limit_unit FROM procedures`)) as unknown as { rows: { code: string; limit_value: string; limit_unit: 'day' | 'hour' }[] };
  const byCode = new Map(procs.rows.map((p) => [p.code, p]));
  const r = rng(seed);
  const perDossier: IncomingEvent[][] = [];
  for (let i = 0; i < count; i++) {
    const [procedure, before, after] = r.pick(PLAN);
    const p = byCode.get(procedure)!;
    const ctx = { calendar, limitMinutes: limitMinutes({ value: Number(p.limit_value), unit: p.limit_unit }, calendar.minutesPerDay()) };
    const at = receiptInstant(r, vnInstant('2025-05-01T00:00:00').getTime(), vnInstant('2026-10-20T00:00:00').getTime(), ctx);
    const evs = generateDossier(r, at, vnInstant('2026-11-01T00:00:00'), ctx, 0.2);
    if (!evs.length) continue;
    const incoming = toIncoming(evs, { sourceSystem: 'gen', dossierCode: `${prefix}${i}`, procedureCode: procedure, unitCode: at < vnInstant('2025-07-01T00:00:00') ? before : after });
    const last = incoming[incoming.length - 1];
    if (i % 3 === 0) Object.assign(last, { syncedToPortal: true, paidOnline: i % 2 === 0, digitised: true });
    perDossier.push(incoming);
  }
  // round robin over the dossiers: a dossier's events are far apart in the file, in more than one batch
  const out: IncomingEvent[] = [];
  for (let k = 0; perDossier.some((d) => d.length > k); k++) for (const d of perDossier) if (d[k]) out.push(d[k]);
  return out;
}

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? 'có' : 'không') : String(v);
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csv(events: IncomingEvent[], name: string) {
  const cols = [...FILE_COLUMNS, ...FACT_COLUMNS];
  const lines = [cols.join(','), ...events.map((e) => cols.map((c) => cell((e as unknown as Record<string, unknown>)[c])).join(','))];
  const path = join(dir, name);
  writeFileSync(path, '\ufeff' + lines.join('\r\n') + '\r\n');
  return path;
}

/**
 * Everything ingest writes, without ids: dossiers, events, every counter table (without rows of zeros, which
 * a dossier's contribution leaves where it moved from one day to another between two batches: they add nothing).
 */
async function fingerprint(db: Db) {
  const KEYS = new Set(['unit_id', 'procedure_id', 'day', 'month']);
  const q = async (text: string) =>
    ((await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows.filter((r) => Object.entries(r).some(([k, v]) => KEYS.has(k) === false && v !== 0 && v !== '0'));
  return {
    dossiers: await q(`SELECT source_system, code, unit_id, procedure_id, status, channel, received_at, appointment, end_at, received_on, ended_on, result, late_from, late_at, synced_to_portal, paid_online, digitised FROM dossiers ORDER BY source_system, code`),
    events: await q(`SELECT d.code, e.kind, e.at, e.channel, e.appointment FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id ORDER BY d.code, e.at, e.kind`),
    daily: await q(`SELECT * FROM dossier_daily ORDER BY unit_id, procedure_id, day`),
    unitDaily: await q(`SELECT * FROM dossier_unit_daily ORDER BY unit_id, day`),
    unitMonthly: await q(`SELECT * FROM dossier_unit_monthly ORDER BY unit_id, month`),
    procedureMonthly: await q(`SELECT * FROM dossier_procedure_monthly ORDER BY unit_id, procedure_id, month`),
    facts: await q(`SELECT * FROM dossier_facts_monthly ORDER BY unit_id, month`),
  };
}
const count = async (db: Db, table: string) => Number((((await db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`))) as unknown as { rows: { n: string }[] }).rows[0].n));

describe.each(ENGINES)('bulk import of a CSV file on %s', (engine) => {
  let reference: TestApp;
  let bulk: TestApp;
  let events: IncomingEvent[];
  const concurrency = engine === 'postgres' ? 2 : 1;

  beforeAll(async () => {
    [reference, bulk] = await Promise.all([testApp(engine), testApp(engine, { importDir: join(dir, `uploads-${engine}`), bulkImportMaxBytes: 2 * 1024 * 1024 })]);
    events = await generate(reference.database.db, 400, 766, 'B-');
    // the reference: the same events through ingest in batches of 500, in the file's order
    for (let i = 0; i < events.length; i += 500) await ingestEvents(reference.database.db, ACTOR, events.slice(i, i + 500), NOW);
  }, 180_000);
  afterAll(async () => {
    await reference?.close();
    await bulk?.close();
  });

  it('a file with row errors writes nothing and names the rows (all of them counted, the first listed)', async () => {
    const before = { dossiers: await count(bulk.database.db, 'dossiers'), daily: await count(bulk.database.db, 'dossier_daily') };
    const bad = events.slice(0, 300).map((e) => ({ ...e }));
    bad[3].at = '2026-13-45T09:00:00+07:00'; // row 5
    bad[150].kind = 'teleported'; // row 152
    bad[200].at = '2027-01-05T09:00:00+07:00'; // row 202: in the future
    bad[250].procedureCode = 'KHONG.CO'; // row 252
    const e = await bulkImport(bulk.database.db, ACTOR, csv(bad, 'bad.csv'), { now: NOW, batchSize: 50, concurrency, maxErrors: 3 }).then(
      () => null,
      (x) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('INGEST_INVALID');
    expect(e.details.errorCount).toBe(4);
    expect(e.details.errors.map((x: { row: number }) => x.row)).toEqual([5, 152, 202]);
    expect(e.details.errors.map((x: { code: string }) => x.code)).toEqual(['INVALID_DATE', 'UNKNOWN_KIND', 'FUTURE']);
    expect(e.messageVi).toMatch(/không có sự kiện nào được ghi/);
    expect(await count(bulk.database.db, 'dossiers')).toBe(before.dossiers);
    expect(await count(bulk.database.db, 'dossier_daily')).toBe(before.daily);
  });

  it('a state error met while writing stops the import, keeps the batches before it; the corrected file completes it', async () => {
    // a new dossier whose first event is its result being returned, late in the file: only the write pass can tell
    const baseline = await count(bulk.database.db, 'dossier_events');
    const broken = [...events];
    const at = Math.floor(events.length * 0.8);
    broken.splice(at, 0, { sourceSystem: 'gen', dossierCode: 'B-BROKEN', procedureCode: 'MAU.TP.01', unitCode: 'TN.STP', kind: 'result_returned', at: '2026-10-05T10:00:00+07:00' });
    const progress: BulkProgress[] = [];
    const e = await bulkImport(bulk.database.db, ACTOR, csv(broken, 'broken.csv'), { now: NOW, batchSize: 120, concurrency, onProgress: (p) => progress.push(p) }).then(
      () => null,
      (x) => x,
    );
    expect(e?.code, JSON.stringify(e?.details).slice(0, 500)).toBe('IMPORT_STOPPED');
    expect(e.details.errors[0]).toMatchObject({ row: at + 2, code: 'INVALID_TRANSITION' });
    expect(e.messageVi).toMatch(/nhập lại/);
    const kept = (await count(bulk.database.db, 'dossier_events')) - baseline;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(events.length);
    expect(kept).toBe(e.details.progress.written);
    expect(progress.at(-1)!.phase).toBe('failed');

    // the corrected file (the broken row removed), imported again: what was written is skipped
    const done = await bulkImport(bulk.database.db, ACTOR, csv(events, 'fixed.csv'), { now: NOW, batchSize: 120, concurrency });
    expect(done.phase).toBe('done');
    expect(done.rows).toBe(events.length);
    expect(done.duplicates).toBe(kept);
    expect(done.applied).toBe(events.length - kept);
    expect(await fingerprint(bulk.database.db)).toEqual(await fingerprint(reference.database.db));

    // and once more: nothing changes
    const again = await bulkImport(bulk.database.db, ACTOR, csv(events, 'again.csv'), { now: NOW, batchSize: 120, concurrency });
    expect(again.applied).toBe(0);
    expect(again.duplicates).toBe(events.length);
    expect(await fingerprint(bulk.database.db)).toEqual(await fingerprint(reference.database.db));
  }, 120_000);

  it('through HTTP: the upload is a job whose progress the screen polls; its audit events; too large is a 413', async () => {
    const admin = await login(bulk.app, 'admin');
    const more = await generate(bulk.database.db, 60, 2026, 'H-');
    const path = csv(more, 'upload.csv');
    const res = await as(bulk.app, admin).upload('/api/dossiers/import/bulk', 'lich-su.csv', (await import('node:fs')).readFileSync(path));
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    expect(job.status).toBe('running');
    // one import at a time: refused before the second file is received
    const second = await as(bulk.app, admin).upload('/api/dossiers/import/bulk', 'lich-su-2.csv', Buffer.from('x'));
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('IMPORT_RUNNING');
    let polled = job;
    for (let i = 0; i < 200 && polled.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      polled = (await as(bulk.app, admin).get(`/api/dossiers/import/jobs/${job.id}`)).json();
    }
    expect(polled.status, JSON.stringify(polled.error)).toBe('done');
    expect(polled.progress).toMatchObject({ phase: 'done', rows: more.length, applied: more.length, duplicates: 0 });
    expect((await as(bulk.app, admin).get('/api/dossiers/import/jobs')).json()[0].id).toBe(job.id);
    const audit = ((await bulk.database.db.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${job.id} ORDER BY id`)) as unknown as { rows: { action: string }[] }).rows;
    expect(audit.map((a) => a.action)).toEqual(['dossier.bulk_import.start', 'dossier.bulk_import.end']);

    // a unit's officer may not import; a spreadsheet is refused; over the limit: 413 and nothing kept
    const officer = await login(bulk.app, 'stp.canbo');
    expect((await as(bulk.app, officer).upload('/api/dossiers/import/bulk', 'a.csv', Buffer.from('x'))).statusCode).toBe(403);
    const xlsx = await as(bulk.app, admin).upload('/api/dossiers/import/bulk', 'a.xlsx', Buffer.from('x'));
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json().code).toBe('FILE_TYPE');
    const big = await as(bulk.app, admin).upload('/api/dossiers/import/bulk', 'big.csv', Buffer.alloc(3 * 1024 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('FILE_TOO_LARGE');
    expect((await import('node:fs')).readdirSync(join(dir, `uploads-${engine}`))).toEqual([]);
    expect((await as(bulk.app, admin).get('/api/dossiers/import/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    // past the 10 MB of an ordinary upload (the default limit is gigabytes): taken, then refused by the check
    const refAdmin = await login(reference.app, 'admin');
    const large = Buffer.concat([Buffer.from(`${FILE_COLUMNS.join(',')}\n`), Buffer.alloc(12 * 1024 * 1024, '\n')]);
    const taken = await as(reference.app, refAdmin).upload('/api/dossiers/import/bulk', 'trong.csv', large);
    expect(taken.statusCode, taken.body).toBe(202);
    let end = taken.json();
    for (let i = 0; i < 200 && end.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      end = (await as(reference.app, refAdmin).get(`/api/dossiers/import/jobs/${end.id}`)).json();
    }
    expect(end.status).toBe('failed');
    expect(end.error.code).toBe('EMPTY');
  }, 60_000);
});
