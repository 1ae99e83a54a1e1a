/**
 * The bulk import of a CSV file of dossier events of any size (a province's history: tens of millions of
 * rows) through the real ingest path, in two passes over the file on disk, never holding more than a few
 * batches in memory:
 *
 * 1. **check** — the columns, every row's 766 cells, fields, instants (not in the future), and the
 *    procedure and unit codes it names (the catalogue read once). Any error: nothing is written; the first
 *    `maxErrors` errors come back with their row numbers, and how many there are in all.
 * 2. **write** — the rows in batches through `runBatches`: every check against the stored state, the
 *    counters and one audit event per batch, each batch all or nothing. A dossier's events keep their order
 *    in the file. With `concurrency` n > 1 (PostgreSQL: `bulkConcurrency`) the batches are kept to n disjoint
 *    classes of the lock buckets, so that one batch reads and checks while those before it write.
 *
 * A batch refused in pass 2 (an event out of order with one already stored, a transition the dossier's state
 * does not allow) stops the import: the batches before it stay written, and the error names its rows.
 * Importing the corrected file again is safe — the events already written are recognised as duplicates.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, errors } from '../../errors.js';
import type { AuditActor } from '../audit/record.js';
import { csvGroups } from '../files/csvStream.js';
import { eventColumns, type EventColumns, eventOfRow, FILE_COLUMNS, isBlankRow } from './eventFile.js';
import { checkEvent, type IncomingEvent, ingestMessage, runBatches } from './ingest.js';
import { BatchBuilder } from './batches.js';

export interface BulkProgress {
  phase: 'checking' | 'writing' | 'done' | 'failed';
  totalBytes: number;
  /** bytes of the file read by the current pass */
  bytesRead: number;
  /** data rows (events) found so far by the check; the whole file's once writing starts */
  rows: number;
  /** events of the batches committed (applied + duplicates) */
  written: number;
  applied: number;
  duplicates: number;
  /** batches committed */
  batches: number;
  elapsedMs: number;
  /** events written per second since writing started */
  eventsPerSecond: number;
  /** seconds left at that rate, while writing */
  etaSeconds: number | null;
}

export interface BulkRowError {
  row: number;
  code: string;
  message: string;
}

export interface BulkOptions {
  now?: Date;
  /** events per batch (a dossier's run of events in the file may make one a little larger) */
  batchSize?: number;
  /** batches in flight: 2 on PostgreSQL (each on its own connection), 1 on PGlite */
  concurrency?: number;
  maxErrors?: number;
  onProgress?: (p: BulkProgress) => void;
}

const READ_CHUNK = 1024 * 1024;

const file = (path: string) => createReadStream(path, { highWaterMark: READ_CHUNK });

/** The procedure and unit codes of the catalogue, read once for the check. */
async function catalogue(db: Db) {
  const procs = (await db.execute(sql`SELECT code FROM procedures`)) as unknown as { rows: { code: string }[] };
  const units = (await db.execute(sql`SELECT code FROM org_units WHERE code IS NOT NULL`)) as unknown as { rows: { code: string }[] };
  return { procedures: new Set(procs.rows.map((r) => r.code)), units: new Set(units.rows.map((r) => r.code)) };
}

/** Rows of the file as events with their row numbers, the header checked (pass 1 and pass 2 read alike). */
async function* eventsOf(path: string, onBytes: (bytes: number) => void): AsyncGenerator<{ row: number; cells: string[]; cols: EventColumns }> {
  let cols: EventColumns | null = null;
  for await (const g of csvGroups(file(path))) {
    onBytes(g.bytes);
    for (let i = 0; i < g.rows.length; i++) {
      const row = g.first + i;
      const cells = g.rows[i];
      if (row === 1) {
        cols = eventColumns(cells);
        if (!cols) throw errors.badRequest('WRONG_COLUMNS', `Các cột phải là: ${FILE_COLUMNS.join(', ')}.`, `Columns must be: ${FILE_COLUMNS.join(', ')}.`, { expected: FILE_COLUMNS });
        continue;
      }
      if (isBlankRow(cells)) continue;
      yield { row, cells, cols: cols! };
    }
  }
}

export async function bulkImport(db: Db, actor: AuditActor, path: string, opts: BulkOptions = {}): Promise<BulkProgress> {
  const now = opts.now ?? new Date();
  const size = opts.batchSize ?? 20_000;
  const classes = Math.max(1, opts.concurrency ?? 1);
  const maxErrors = opts.maxErrors ?? 100;
  const started = Date.now();
  const p: BulkProgress = { phase: 'checking', totalBytes: (await stat(path)).size, bytesRead: 0, rows: 0, written: 0, applied: 0, duplicates: 0, batches: 0, elapsedMs: 0, eventsPerSecond: 0, etaSeconds: null };
  let lastReport = 0;
  const report = (force = false) => {
    const t = Date.now();
    if (!force && t - lastReport < 250) return;
    lastReport = t;
    p.elapsedMs = t - started;
    opts.onProgress?.({ ...p });
  };

  // pass 1: the whole file checked before anything is written
  const { procedures, units } = await catalogue(db);
  const found: BulkRowError[] = [];
  let errorCount = 0;
  const fail = (row: number, code: string, message: string) => {
    errorCount++;
    if (found.length < maxErrors) found.push({ row, code, message });
  };
  for await (const { row, cells, cols } of eventsOf(path, (b) => ((p.bytesRead = b), report()))) {
    p.rows++;
    const x = eventOfRow(cols, cells);
    if ('message' in x) {
      fail(row, 'INVALID_CELL', x.message);
      continue;
    }
    const e = x.event;
    const checked = checkEvent(e, now);
    if ('code' in checked) fail(row, checked.code, ingestMessage(checked.code, e, checked.details));
    else if (e.procedureCode && !procedures.has(e.procedureCode)) fail(row, 'UNKNOWN_PROCEDURE', ingestMessage('UNKNOWN_PROCEDURE', e));
    else if (e.unitCode && !units.has(e.unitCode)) fail(row, 'UNKNOWN_UNIT', ingestMessage('UNKNOWN_UNIT', e));
  }
  if (p.rows === 0) throw errors.badRequest('EMPTY', 'Tệp không có dòng dữ liệu nào.', 'The file has no rows.');
  if (errorCount) {
    throw new AppError(400, 'INGEST_INVALID', `${errorCount.toLocaleString('vi-VN')} dòng có lỗi; không có sự kiện nào được ghi.`, `${errorCount} rows have errors; nothing was written.`, { errors: found, errorCount });
  }

  // pass 2: batches, each keeping to the lock buckets of its class
  p.phase = 'writing';
  p.bytesRead = 0;
  report(true);
  const writingFrom = Date.now();
  const rowsOf = new Map<number, number[]>();
  let made = 0;
  async function* batches(): AsyncGenerator<IncomingEvent[]> {
    const builder = new BatchBuilder<number>(size, classes);
    const take = (b: { events: IncomingEvent[]; tags: number[] }) => (rowsOf.set(made++, b.tags), b.events);
    for await (const { row, cells, cols } of eventsOf(path, (b) => (p.bytesRead = b))) {
      const full = builder.add((eventOfRow(cols, cells) as { event: IncomingEvent }).event, row);
      if (full) yield take(full);
    }
    for (const b of builder.rest()) yield take(b);
  }
  try {
    await runBatches(db, actor, batches(), now, classes, (n, events, r) => {
      rowsOf.delete(n);
      p.batches++;
      p.written += events.length;
      p.applied += r.applied;
      p.duplicates += r.duplicates.length;
      const seconds = (Date.now() - writingFrom) / 1000;
      p.eventsPerSecond = seconds > 0 ? Math.round(p.written / seconds) : 0;
      p.etaSeconds = p.eventsPerSecond > 0 ? Math.round((p.rows - p.written) / p.eventsPerSecond) : null;
      report();
    });
  } catch (e) {
    p.phase = 'failed';
    report(true);
    if (e instanceof AppError && typeof e.details.batch === 'number') {
      const rows = rowsOf.get(e.details.batch) ?? [];
      const rowErrors = ((e.details.errors ?? []) as { index: number; code: string; message: string }[]).map((x) => ({ row: rows[x.index], code: x.code, message: x.message }));
      const first = rowErrors[0]?.row;
      throw new AppError(
        e.status,
        'IMPORT_STOPPED',
        `Đã ghi ${p.written.toLocaleString('vi-VN')} sự kiện; dừng ở một lô có lỗi${first ? ` (dòng ${first.toLocaleString('vi-VN')})` : ''}: ${e.messageVi} Sửa tệp rồi nhập lại cả tệp: các sự kiện đã ghi được nhận ra là trùng và bỏ qua.`,
        `${p.written} events written; stopped at a batch with errors${first ? ` (row ${first})` : ''}: ${e.messageEn} Fix the file and import it again: events already written are skipped as duplicates.`,
        { errors: rowErrors.slice(0, maxErrors), errorCount: rowErrors.length, progress: { ...p } },
      );
    }
    throw e;
  }
  p.phase = 'done';
  p.etaSeconds = 0;
  report(true);
  return { ...p, elapsedMs: Date.now() - started };
}
