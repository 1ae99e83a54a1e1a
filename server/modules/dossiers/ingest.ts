/**
 * Ingest of dossier events from one-stop systems (iGate and others), by REST or file. A batch is checked
 * whole: any row error (out of order, future-dated, unknown procedure or unit, impossible transition)
 * rejects the batch and writes nothing. An event already received (same source system, dossier code,
 * event and instant) is reported and skipped, so a re-sent batch changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { updateRows } from '../../db/bulk.js';
import { copyRows, JsonText } from '../../db/copy.js';
import type { WorkingCalendar } from '../../../domain/calendar/workingCalendar.js';
import { dossierEvents, dossiers, orgUnits, procedures } from '../../db/schema.js';
import { contributionDelta, type DossierSummary, summarize } from '../../../domain/dossiers/summary.js';
import { DailyDeltas, FactDeltas, storedSummary } from './counters.js';
import { type DossierFacts, factsDelta, NO_FACTS } from '../../../domain/dossiers/facts.js';
import { applyEvent, type DossierEvent, type DossierState, EVENT_KINDS, type EventKind, stateFromJson, stateToJson } from '../../../domain/dossiers/lifecycle.js';
import { limitMinutes } from '../../../domain/procedures/procedure.js';
import { DomainError } from '../../../domain/errors.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadCalendar } from '../calendar/calendar.js';
import { BatchBuilder } from './batches.js';
import { dossierLockKey, lockBucket } from './lockKeys.js';

export { dossierLockKey };

export interface IncomingEvent {
  sourceSystem: string;
  dossierCode: string;
  procedureCode?: string | null;
  unitCode?: string | null;
  /** the unit already resolved by the caller (the DVCQG receiver resolves unit names); wins over unitCode */
  unitId?: number;
  kind: string;
  at: string;
  channel?: string | null;
  appointment?: string | null;
  /**
   * Decision 766 facts (optional; absent or null: not reported, the dossier's earlier value is kept):
   * synced to the national portal, financial obligation paid online (false: paid otherwise), result issued
   * electronically, components digitised, digital data re-used.
   */
  syncedToPortal?: boolean | null;
  paidOnline?: boolean | null;
  electronicResult?: boolean | null;
  digitised?: boolean | null;
  reusedData?: boolean | null;
}

const FACT_FIELDS = ['syncedToPortal', 'paidOnline', 'electronicResult', 'digitised', 'reusedData'] as const;
const factsOf = (row: typeof dossiers.$inferSelect): DossierFacts => ({ syncedToPortal: row.syncedToPortal, paidOnline: row.paidOnline, electronicResult: row.electronicResult, digitised: row.digitised, reusedData: row.reusedData });

export interface IngestRowError {
  index: number;
  code: string;
  message: string;
}

const MESSAGES: Record<string, (e: IncomingEvent, d?: Record<string, unknown>) => string> = {
  MISSING_FIELD: (_e, d) => `Thiếu trường bắt buộc: ${d?.field}.`,
  UNKNOWN_KIND: (e) => `Loại sự kiện "${e.kind}" không hợp lệ.`,
  INVALID_DATE: (_e, d) => `Thời điểm "${d?.value}" không hợp lệ (ISO 8601, ví dụ 2026-03-02T09:00:00+07:00).`,
  FUTURE: () => 'Thời điểm sự kiện ở tương lai.',
  UNKNOWN_PROCEDURE: (e) => `Mã thủ tục "${e.procedureCode ?? ''}" không có trong danh mục TTHC.`,
  UNKNOWN_UNIT: (e) => `Mã đơn vị "${e.unitCode ?? ''}" không có trong cơ cấu tổ chức (và thủ tục không gắn cơ quan thực hiện).`,
  OUT_OF_ORDER: () => 'Sự kiện có thời điểm sớm hơn sự kiện trước đó của hồ sơ.',
  INVALID_TRANSITION: (e, d) => `Sự kiện "${e.kind}" không hợp lệ ở trạng thái hiện tại của hồ sơ (${d?.status ?? 'chưa có'}).`,
  APOLOGY_AFTER_DEADLINE: () => 'Thư xin lỗi phải được gửi trước khi hết hạn.',
  INVALID_APPOINTMENT: () => 'Ngày hẹn trả không hợp lệ (trước ngày tiếp nhận, hoặc không muộn hơn ngày hẹn cũ).',
  NO_APPOINTMENT: () => 'Không có ngày hẹn trả và thủ tục không có thời hạn giải quyết.',
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(s: string | null | undefined): Date | null | 'invalid' {
  if (s === null || s === undefined || s === '') return null;
  if (!ISO.test(s)) return 'invalid';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}



/**
 * The checks of one event that need nothing but the event (fields, kind, instants, not in the future): the
 * first part of ingest, also run over a whole file before a bulk import writes anything.
 */
export function checkEvent(e: IncomingEvent, now: Date): { at: Date; appointment: Date | null } | { code: string; details?: Record<string, unknown> } {
  for (const f of ['sourceSystem', 'dossierCode', 'kind', 'at'] as const) {
    if (!e[f] || typeof e[f] !== 'string') return { code: 'MISSING_FIELD', details: { field: f } };
  }
  if (!(EVENT_KINDS as readonly string[]).includes(e.kind)) return { code: 'UNKNOWN_KIND' };
  const at = parseInstant(e.at);
  if (at === 'invalid' || at === null) return { code: 'INVALID_DATE', details: { value: e.at } };
  const appointment = parseInstant(e.appointment);
  if (appointment === 'invalid') return { code: 'INVALID_DATE', details: { value: e.appointment } };
  if (at.getTime() > now.getTime() + 5 * 60_000) return { code: 'FUTURE' };
  return { at, appointment };
}

/** A row error's message in Vietnamese, as ingest gives it. */
export const ingestMessage = (code: string, e: IncomingEvent, details?: Record<string, unknown>) => (MESSAGES[code] ?? (() => code))(e, details);

/**
 * Locks the batch's dossiers (by source system and code) for the transaction, in one order for every batch.
 * The keys are hashed into LOCK_BUCKETS advisory locks (`lockBucket`), so a batch of any size takes at most
 * that many (the server's lock table is shared by every connection: a lock per dossier would run out of it on
 * a bulk import); two batches whose dossiers share a bucket wait for each other, which is slower but as
 * correct. A bulk import that keeps its batches to disjoint sets of buckets runs them side by side.
 */
export async function lockDossiers(tx: Tx, keys: string[]) {
  if (keys.length === 0) return;
  const buckets = [...new Set(keys.map(lockBucket))].sort((a, b) => a - b);
  await tx.execute(sql`SELECT count(pg_advisory_xact_lock(${INGEST_LOCK_SPACE}::int4, b)) FROM unnest(${`{${buckets.join(',')}}`}::int4[]) AS b`);
}

const INGEST_LOCK_SPACE = 7_310_766;
/** A text[] literal for one array parameter (one parameter instead of one per value). */
export const textArray = (items: string[]) => `{${items.map(pgArrayItem).join(',')}}`;
const pgArrayItem = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * One batch, all or nothing, in one transaction. The dossiers it touches are locked first (advisory locks
 * on source system + code), then read, so that batches sent at the same time give the result of one
 * after the other: the second sees what the first wrote (its events become duplicates or out of order).
 */
export async function ingestEvents(db: Db, actor: AuditActor, events: IncomingEvent[], now = new Date()) {
  const calendar = await loadCalendar(db);
  return db.transaction((tx) => ingestInTx(tx, calendar, actor, events, now));
}

/**
 * For bulk runs (`runBatches`): `onLocked` is called once the batch holds its dossiers' locks, and
 * `beforeShared` awaited once its own dossiers and events are written, before the counters and the audit
 * trail, which every batch shares (their locks are taken only after it).
 */
export interface BatchHooks {
  onLocked?: () => void;
  beforeShared?: () => Promise<void>;
}

/** The same, inside the caller's transaction (which keeps the locks it takes until it ends). */
export async function ingestInTx(tx: Tx, calendar: WorkingCalendar, actor: AuditActor, events: IncomingEvent[], now: Date, hooks: BatchHooks = {}) {
  const errors: IngestRowError[] = [];
  const err = (index: number, code: string, e: IncomingEvent, details?: Record<string, unknown>) =>
    errors.push({ index, code, message: ingestMessage(code, e, details) });

  const keyOf = (source: string, code: string) => `${source}\u0000${code}`;
  const keys = [...new Map(events.filter((e) => typeof e.sourceSystem === 'string' && typeof e.dossierCode === 'string').map((e) => [keyOf(e.sourceSystem, e.dossierCode), e])).values()];
  await lockDossiers(tx, keys.map((k) => dossierLockKey(k.sourceSystem, k.dossierCode)));
  hooks.onLocked?.();

  const existing = new Map<string, typeof dossiers.$inferSelect>();
  const wanted = new Set(keys.map((k) => keyOf(k.sourceSystem, k.dossierCode)));
  const codes = [...new Set(keys.map((k) => k.dossierCode))];
  if (codes.length) {
    // by code (indexed) in one query with one array parameter, the source system checked here
    const rows = await tx.select().from(dossiers).where(sql`${dossiers.code} = ANY(${textArray(codes)}::text[])`);
    for (const r of rows) if (wanted.has(keyOf(r.sourceSystem, r.code))) existing.set(keyOf(r.sourceSystem, r.code), r);
  }
  // the procedures the batch names, and those of the dossiers it continues
  const procCodes = [...new Set(events.map((e) => e.procedureCode).filter((c): c is string => !!c))];
  const procIds = [...new Set([...existing.values()].map((d) => d.procedureId))];
  const procCols = { id: procedures.id, code: procedures.code, agencyUnitId: procedures.agencyUnitId, limitValue: procedures.limitValue, limitUnit: procedures.limitUnit };
  const procRows =
    procCodes.length || procIds.length
      ? await tx.select(procCols).from(procedures).where(sql`${procedures.code} = ANY(${textArray(procCodes)}::text[]) OR ${procedures.id} = ANY(${textArray(procIds.map(String))}::int[])`)
      : [];
  const procs = new Map(procRows.map((p) => [p.code, p]));
  const procsById = new Map(procRows.map((p) => [p.id, p]));
  const unitCodes = [...new Set(events.map((e) => e.unitCode).filter((c): c is string => !!c))];
  const units = new Map(
    (unitCodes.length ? await tx.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(sql`${orgUnits.code} = ANY(${textArray(unitCodes)}::text[])`).orderBy(orgUnits.id) : []).map((u) => [u.code, u.id]),
  );
  const limitOf = (p: (typeof procRows)[number]) => limitMinutes({ value: Number(p.limitValue), unit: p.limitUnit as 'day' | 'hour' }, calendar.minutesPerDay());

  const seenEvents = new Set<string>();
  const existingIds = [...existing.values()].map((d) => d.id);
  const byId = new Map([...existing.values()].map((d) => [d.id, keyOf(d.sourceSystem, d.code)]));
  if (existingIds.length) {
    const rows = await tx
      .select({ dossierId: dossierEvents.dossierId, kind: dossierEvents.kind, at: dossierEvents.at })
      .from(dossierEvents)
      .where(sql`${dossierEvents.dossierId} = ANY(${textArray(existingIds.map(String))}::int8[])`);
    for (const r of rows) seenEvents.add(`${byId.get(r.dossierId)}\u0000${r.kind}\u0000${r.at.getTime()}`);
  }

  interface Work {
    key: string;
    sourceSystem: string;
    code: string;
    procedureId: number;
    unitId: number;
    limit: number | null;
    state: DossierState | null;
    /** the summary already counted in the daily counters (null for a new dossier) */
    counted: DossierSummary | null;
    /** the 766 facts as stored, and as they become */
    countedFacts: DossierFacts | null;
    facts: DossierFacts;
    id?: number;
    newEvents: DossierEvent[];
  }
  const work = new Map<string, Work>();
  const duplicates: number[] = [];

  events.forEach((e, index) => {
    const checked = checkEvent(e, now);
    if ('code' in checked) return err(index, checked.code, e, checked.details);
    const { at, appointment } = checked;
    const key = keyOf(e.sourceSystem, e.dossierCode);
    const eventKey = `${key}\u0000${e.kind}\u0000${at.getTime()}`;
    if (seenEvents.has(eventKey)) {
      duplicates.push(index);
      return;
    }
    seenEvents.add(eventKey);
    let w = work.get(key);
    if (!w) {
      const row = existing.get(key);
      if (row) {
        const p = procsById.get(row.procedureId);
        w = { key, sourceSystem: row.sourceSystem, code: row.code, procedureId: row.procedureId, unitId: row.unitId, limit: p ? limitOf(p) : null, state: stateFromJson(row.state as Record<string, unknown>), counted: storedSummary(row), countedFacts: factsOf(row), facts: factsOf(row), id: row.id, newEvents: [] };
      } else {
        const p = e.procedureCode ? procs.get(e.procedureCode) : undefined;
        if (!p) return err(index, 'UNKNOWN_PROCEDURE', e);
        const unitId = e.unitId ?? (e.unitCode ? units.get(e.unitCode) : (p.agencyUnitId ?? undefined));
        if (!unitId) return err(index, 'UNKNOWN_UNIT', e);
        w = { key, sourceSystem: e.sourceSystem, code: e.dossierCode, procedureId: p.id, unitId, limit: limitOf(p), state: null, counted: null, countedFacts: null, facts: { ...NO_FACTS }, newEvents: [] };
      }
      work.set(key, w);
    }
    const ev: DossierEvent = { kind: e.kind as EventKind, at, channel: e.channel === 'online' || e.channel === 'counter' ? e.channel : undefined, appointment: appointment ?? undefined };
    try {
      w.state = applyEvent(w.state, ev, { calendar, limitMinutes: w.limit });
      w.newEvents.push(ev);
      for (const f of FACT_FIELDS) if (typeof e[f] === 'boolean') w.facts[f] = e[f];
    } catch (x) {
      if (x instanceof DomainError) return err(index, x.code, e, x.details);
      throw x;
    }
  });

  if (errors.length) {
    throw new AppError(400, 'INGEST_INVALID', `${errors.length} dòng có lỗi; không có sự kiện nào được ghi.`, `${errors.length} rows have errors; nothing was written.`, { errors });
  }
  const touched = [...work.values()].filter((w) => w.newEvents.length > 0);
  const deltas = new DailyDeltas();
  const factDeltas = new FactDeltas();
  const rows = touched.map((w) => {
    const s = w.state!;
    const summary = summarize(s, calendar);
    deltas.add(w.unitId, w.procedureId, contributionDelta(w.counted, summary));
    factDeltas.add(w.unitId, factsDelta(w.counted && w.countedFacts ? { facts: w.countedFacts, at: w.counted } : null, { facts: w.facts, at: summary }));
    return {
      w,
      values: {
        state: s, // written as JSON (dates as ISO text, absent fields left out)
        status: s.status,
        channel: s.channel,
        receivedAt: s.receivedAt,
        appointment: s.appointment,
        endAt: s.endAt,
        receivedOn: summary.receivedOn,
        endedOn: summary.endedOn,
        result: summary.result,
        lateFrom: summary.lateFrom,
        lateAt: summary.lateAt,
        ...w.facts,
        updatedAt: now,
      },
    };
  });
  // in sets: the new dossiers and the events with COPY (ids for the new dossiers drawn from the sequence in one
  // query), the known dossiers updated in one statement
  const fresh = rows.filter((r) => r.w.id === undefined);
  const known = rows.filter((r) => r.w.id !== undefined);
  if (fresh.length) {
    const ids = (await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('dossiers', 'id'))::int8 AS id FROM generate_series(1, ${fresh.length})`)) as unknown as { rows: { id: string | number }[] };
    fresh.forEach((r, i) => (r.w.id = Number(ids.rows[i].id)));
    await copyRows(tx, dossiers, fresh.map(({ w, values }) => ({ id: w.id, ...values, state: new JsonText(stateToJson(values.state)), sourceSystem: w.sourceSystem, code: w.code, procedureId: w.procedureId, unitId: w.unitId })));
  }
  await updateRows(tx, dossiers, 'id', known.map(({ w, values }) => ({ id: w.id, ...values })));
  await copyRows(tx, dossierEvents, touched.flatMap((w) => w.newEvents.map((e) => ({ dossierId: w.id!, kind: e.kind, at: e.at, channel: e.channel ?? null, appointment: e.appointment ?? null }))));
  await hooks.beforeShared?.();
  await deltas.write(tx);
  await factDeltas.write(tx);
  await recordAudit(tx, actor, {
    action: 'dossier.ingest',
    entityType: 'dossier_batch',
    entityId: `${now.toISOString()}`,
    after: { events: events.length, applied: events.length - duplicates.length, duplicates: duplicates.length, dossiers: touched.length, sources: [...new Set(events.map((e) => e.sourceSystem))] },
  });
  return { applied: events.length - duplicates.length, duplicates, dossiers: touched.length };
}

/**
 * How many batches a bulk run keeps in flight: on PostgreSQL three (one is checked in JavaScript while two
 * write on their connections; bench/ingest.ts measured three above two on two cores), on PGlite one (a
 * single connection).
 */
export const bulkConcurrency = (engine: 'postgres' | 'pglite') => (engine === 'postgres' ? 3 : 1);

/**
 * A long list of events in batches of about `size` (`BatchBuilder`: a dossier's run never cut; with
 * `concurrency` > 1 the batches are kept to `concurrency` disjoint classes of the lock buckets, so that they overlap).
 */
export async function ingestInBatches(db: Db, actor: AuditActor, events: IncomingEvent[], now = new Date(), size = 5000, concurrency = 1) {
  function* batches() {
    const builder = new BatchBuilder(size, concurrency);
    for (const e of events) {
      const full = builder.add(e);
      if (full) yield full.events;
    }
    for (const b of builder.rest()) yield b.events;
  }
  return runBatches(db, actor, batches(), now, concurrency);
}

/**
 * Batches in their order, each all or nothing, with up to `concurrency` in flight (PostgreSQL: each on its
 * own connection, so that one batch reads, checks and writes its dossiers and events while the one before it
 * writes its counters). A batch starts once the one before it holds its dossiers' locks (a dossier in both
 * waits for the first to commit: its events are applied in the batches' order), and writes the counters and
 * commits only once that one has committed: what is written is always the batches up to some point, as if
 * they ran one after the other. The first batch refused stops the run
 * (those after it write nothing); its error is thrown with `batch` (its number from 0) in the details,
 * after `onBatch` was called, in order, for every batch written before it.
 */
export async function runBatches(
  db: Db,
  actor: AuditActor,
  batches: Iterable<IncomingEvent[]> | AsyncIterable<IncomingEvent[]>,
  now: Date,
  concurrency = 1,
  onBatch?: (n: number, events: IncomingEvent[], result: Awaited<ReturnType<typeof ingestEvents>>) => void,
) {
  const calendar = await loadCalendar(db);
  const running = new Set<Promise<boolean>>();
  let failure: { n: number; error: unknown } | null = null;
  let previous: Promise<boolean> = Promise.resolve(true);
  let n = 0;
  for await (const batch of batches) {
    if (failure) break;
    const k = n++;
    const before = previous;
    let locked!: () => void;
    const holdsLocks = new Promise<void>((resolve) => (locked = resolve));
    const hooks: BatchHooks = {
      onLocked: locked,
      beforeShared: async () => {
        if (!(await before)) throw CANCELLED;
      },
    };
    const done: Promise<boolean> = db
      .transaction((tx) => ingestInTx(tx, calendar, actor, batch, now, hooks))
      .then(
        (r) => (onBatch?.(k, batch, r), true),
        (error) => {
          if (error !== CANCELLED && (!failure || k < failure.n)) failure = { n: k, error };
          return false;
        },
      )
      .finally(() => {
        locked();
        running.delete(done);
      });
    running.add(done);
    previous = done;
    await holdsLocks;
    while (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) {
    const { n: at, error } = failure as { n: number; error: unknown };
    if (error instanceof AppError) throw new AppError(error.status, error.code, error.messageVi, error.messageEn, { ...error.details, batch: at });
    throw error;
  }
  return { batches: n };
}

/** A batch not written because one before it was refused. */
const CANCELLED = new Error('cancelled: an earlier batch was refused');

/** Dossiers whose code matches, newest receipt first (codes are meant to be unique across systems). */
export async function findByCode(db: Db, code: string) {
  return db.select().from(dossiers).where(eq(dossiers.code, code)).orderBy(sql`${dossiers.receivedAt} DESC NULLS LAST`);
}
