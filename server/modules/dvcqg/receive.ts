/**
 * The receiver: the records of a `DongBoHoSoMC` / `CapNhatTienDoHoSoMC` message become events of the existing
 * ingest (`ingestInTx`: the same checks, state, counters and audit as `POST /api/dossiers/events`), in one
 * transaction. The message's dossiers are locked first with ingest's own locks, so two messages about the
 * same dossier give the result of one after the other. Each record is applied, unchanged, held (a new dossier
 * whose unit name or national procedure code has no mapping yet: applied once an administrator maps it) or
 * refused with its Vietnamese message — a refused record writes no event, the others of the message apply.
 * Every record is kept, without the personal fields, with its arrival time.
 */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { agencyAliases, dossiers, dvcqgHeld, dvcqgSnapshots, procedures } from '../../db/schema.js';
import type { WorkingCalendar } from '../../../domain/calendar/workingCalendar.js';
import { type DossierState, stateFromJson } from '../../../domain/dossiers/lifecycle.js';
import { deriveEvents } from '../../../domain/dvcqg/derive.js';
import { type DossierSnapshot, readRecord, type ReadResult, type RecordError } from '../../../domain/dvcqg/snapshot.js';
import { AgencyResolver } from '../../../domain/plans/agencies.js';
import { unitsAsOf } from '../../../domain/org/history.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { limitMinutes } from '../../../domain/procedures/procedure.js';
import { fold } from '../../../domain/text/normalize.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadCalendar } from '../calendar/calendar.js';
import { dossierLockKey, type IncomingEvent, ingestInTx, type IngestRowError, lockDossiers } from '../dossiers/ingest.js';
import { loadHistory } from '../org/history.js';
import type { Source } from './sources.js';

export type SyncService = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
export type Outcome = 'applied' | 'unchanged' | 'held' | 'refused';

/** One record to process: as received, or taken again from the kept snapshots (held records, replay). */
export interface Item {
  service: SyncService;
  raw: unknown;
  arrivedAt: Date;
  /** the kept snapshot it comes from (held records) */
  snapshotId?: number;
}

export interface ItemResult {
  code: string;
  outcome: Outcome;
  errors: RecordError[];
  events: number;
  held?: { reason: 'unit' | 'procedure' | 'queue'; key: string; text: string };
  snapshotId?: number;
}

type ProcedureRow = typeof procedures.$inferSelect;
type DossierRow = typeof dossiers.$inferSelect;

/** What a dossier of the message is, as the records are taken in order. */
interface Known {
  state: DossierState | null;
  previous: DossierSnapshot | null;
  limit: number | null;
  procedureCode?: string;
  unitId?: number;
  /** held: later records of the dossier wait behind it */
  queued: boolean;
}

const HELD_MESSAGES = {
  unit: (text: string) => `Chưa xác định được đơn vị "${text}" (DonViXuLy); hồ sơ được giữ lại và sẽ được cập nhật khi quản trị viên ánh xạ tên đơn vị.`,
  procedure: (text: string) => `Mã thủ tục "${text}" (MaTTHC) chưa có trong danh mục TTHC; hồ sơ được giữ lại và sẽ được cập nhật khi quản trị viên ánh xạ mã thủ tục.`,
  queue: () => 'Hồ sơ đang chờ ánh xạ (một bản ghi trước đó của hồ sơ đã được giữ lại); bản ghi được giữ theo thứ tự.',
};

export function heldMessage(h: NonNullable<ItemResult['held']>): string {
  return h.reason === 'queue' ? HELD_MESSAGES.queue() : HELD_MESSAGES[h.reason](h.text);
}

/** The lifecycle state and the local procedure code of the dossiers with these codes, for a source. */
async function loadDossiers(tx: Tx, source: Source, codes: string[]) {
  const rows: DossierRow[] = [];
  for (let i = 0; i < codes.length; i += 1000) rows.push(...(await tx.select().from(dossiers).where(and(eq(dossiers.sourceSystem, source.code), inArray(dossiers.code, codes.slice(i, i + 1000))))));
  const procIds = [...new Set(rows.map((r) => r.procedureId))];
  const procs = new Map((procIds.length ? await tx.select().from(procedures).where(inArray(procedures.id, procIds)) : []).map((p) => [p.id, p]));
  return new Map(rows.map((r) => [r.code, { row: r, procedure: procs.get(r.procedureId)! }]));
}

/** The last snapshot of each dossier that was accepted (applied or unchanged). */
async function loadPrevious(tx: Tx, source: Source, codes: string[]) {
  const out = new Map<string, DossierSnapshot>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await tx
      .selectDistinctOn([dvcqgSnapshots.dossierCode], { code: dvcqgSnapshots.dossierCode, payload: dvcqgSnapshots.payload })
      .from(dvcqgSnapshots)
      .where(and(eq(dvcqgSnapshots.sourceId, source.id), inArray(dvcqgSnapshots.dossierCode, codes.slice(i, i + 1000)), eq(dvcqgSnapshots.service, 'DongBoHoSoMC'), inArray(dvcqgSnapshots.outcome, ['applied', 'unchanged'])))
      .orderBy(dvcqgSnapshots.dossierCode, desc(dvcqgSnapshots.id));
    for (const r of rows) {
      const read = readRecord('DongBoHoSoMC', r.payload);
      if (read.ok && read.record.kind === 'snapshot') out.set(r.code, read.record);
    }
  }
  return out;
}

/** Dossier codes with records held (waiting for a mapping), except those being applied now. */
async function loadQueued(tx: Tx, source: Source, codes: string[], except: Set<number>) {
  const out = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await tx.select({ code: dvcqgHeld.dossierCode, snapshotId: dvcqgHeld.snapshotId }).from(dvcqgHeld).where(and(eq(dvcqgHeld.sourceId, source.id), inArray(dvcqgHeld.dossierCode, codes.slice(i, i + 1000))));
    for (const r of rows) if (!except.has(r.snapshotId)) out.add(r.code);
  }
  return out;
}

/** Procedures by national code (MaTTHC) or, failing that, by local code equal to it. */
async function loadProcedures(tx: Tx, codes: string[]) {
  if (codes.length === 0) return (_c: string) => undefined;
  const rows = await tx.select().from(procedures).where(or(inArray(procedures.nationalCode, codes), inArray(procedures.code, codes)));
  const byNational = new Map(rows.filter((p) => p.nationalCode).map((p) => [p.nationalCode!, p]));
  const byCode = new Map(rows.map((p) => [p.code, p]));
  return (c: string): ProcedureRow | undefined => byNational.get(c) ?? byCode.get(c);
}

/** Unit names resolved with the plan import's resolver and the remembered aliases, among the units alive that day. */
async function unitResolver(tx: Tx) {
  let history: Awaited<ReturnType<typeof loadHistory>> | undefined;
  let aliases: { text: string; unitId: number | null }[] | undefined;
  const byDay = new Map<string, AgencyResolver>();
  return async (name: string, at: Date): Promise<number | null> => {
    history ??= await loadHistory(tx);
    aliases ??= await tx.select({ text: agencyAliases.text, unitId: agencyAliases.unitId }).from(agencyAliases);
    const day = vietnamDateOf(at);
    let r = byDay.get(day);
    if (!r) {
      r = new AgencyResolver(unitsAsOf(history, day), aliases);
      byDay.set(day, r);
    }
    const res = r.resolve(name);
    return res.unitIds.length === 1 && res.groups.length === 0 && res.unresolved.length === 0 && res.external.length === 0 ? res.unitIds[0] : null;
  };
}

const toIncoming = (source: Source, code: string, known: Known, e: { kind: string; at: Date; channel?: string; appointment?: Date }): IncomingEvent => ({
  sourceSystem: source.code,
  dossierCode: code,
  procedureCode: known.procedureCode ?? null,
  unitId: known.unitId,
  kind: e.kind,
  at: e.at.toISOString(),
  channel: e.channel ?? null,
  appointment: e.appointment ? e.appointment.toISOString() : null,
});

const INGEST_REFUSED = (e: IngestRowError): RecordError => ({ code: e.code, message: e.message });

/**
 * Takes the records in order and writes what they make, inside the caller's transaction. `now` bounds the
 * dates (nothing in the future); a record's own arrival time is its `now` for the derivation.
 */
export async function processItems(tx: Tx, calendar: WorkingCalendar, source: Source, actor: AuditActor, items: Item[], now: Date, opts: { releasing?: Set<number>; fresh?: boolean } = {}): Promise<ItemResult[]> {
  const reads: ReadResult[] = items.map((it) => readRecord(it.service, it.raw));
  const codes = [...new Set(reads.map((r) => (r.ok ? r.record.code : r.code)).filter((c) => c))];
  await lockDossiers(tx, codes.map((c) => dossierLockKey(source.code, c)));
  const rows = opts.fresh ? new Map() : await loadDossiers(tx, source, codes);
  const previous = opts.fresh ? new Map<string, DossierSnapshot>() : await loadPrevious(tx, source, codes);
  const queued = await loadQueued(tx, source, codes, opts.releasing ?? new Set());
  const procedureOf = await loadProcedures(tx, [...new Set(reads.filter((r) => r.ok && r.record.kind === 'snapshot').map((r) => (r as { record: DossierSnapshot }).record.procedureCode))]);
  const resolveUnit = await unitResolver(tx);
  const limitOf = (p: ProcedureRow) => limitMinutes({ value: Number(p.limitValue), unit: p.limitUnit as 'day' | 'hour' }, calendar.minutesPerDay());

  const known = new Map<string, Known>();
  const results: ItemResult[] = [];
  const events: { item: number; event: IncomingEvent }[] = [];
  for (const [i, read] of reads.entries()) {
    const item = items[i];
    if (!read.ok) {
      results.push({ code: read.code, outcome: 'refused', errors: read.errors, events: 0 });
      continue;
    }
    const record = read.record;
    const code = record.code;
    let k = known.get(code);
    if (!k) {
      const r = rows.get(code);
      k = r
        ? { state: stateFromJson(r.row.state as Record<string, unknown>), previous: previous.get(code) ?? null, limit: limitOf(r.procedure), queued: false }
        : { state: null, previous: null, limit: null, queued: queued.has(code) };
      known.set(code, k);
    }
    if (k.queued) {
      results.push({ code, outcome: 'held', errors: [], events: 0, held: { reason: 'queue', key: '', text: '' } });
      continue;
    }
    if (!k.state && record.kind === 'snapshot') {
      const p = procedureOf(record.procedureCode);
      if (!p) {
        k.queued = true;
        results.push({ code, outcome: 'held', errors: [], events: 0, held: { reason: 'procedure', key: record.procedureCode, text: record.procedureCode } });
        continue;
      }
      let unitId: number | null = null;
      if (record.unitName) {
        unitId = await resolveUnit(record.unitName, record.receivedAt ?? item.arrivedAt);
        if (unitId === null) {
          k.queued = true;
          results.push({ code, outcome: 'held', errors: [], events: 0, held: { reason: 'unit', key: fold(record.unitName), text: record.unitName } });
          continue;
        }
      } else if (p.agencyUnitId) unitId = p.agencyUnitId;
      else {
        results.push({ code, outcome: 'refused', errors: [{ code: 'MISSING_FIELD', message: 'Thiếu DonViXuLy và thủ tục không gắn cơ quan thực hiện trong danh mục TTHC.' }], events: 0 });
        continue;
      }
      k.limit = limitOf(p);
      k.procedureCode = p.code;
      k.unitId = unitId;
    }
    const d = deriveEvents({ state: k.state, previous: k.previous, record, ctx: { calendar, limitMinutes: k.limit, now: item.arrivedAt } });
    if (!d.ok) {
      results.push({ code, outcome: 'refused', errors: [d.error], events: 0 });
      continue;
    }
    k.state = d.state;
    if (record.kind === 'snapshot') k.previous = record;
    for (const e of d.events) events.push({ item: i, event: toIncoming(source, code, k, e) });
    results.push({ code, outcome: d.events.length ? 'applied' : 'unchanged', errors: [], events: d.events.length });
  }

  // through the existing ingest; a row it refuses (none is expected: the derivation ran the same lifecycle)
  // refuses its record and the later records of that dossier in the message, and the rest is sent again
  let pending = events;
  for (let round = 0; pending.length > 0 && round <= items.length; round++) {
    try {
      await ingestInTx(tx, calendar, actor, pending.map((p) => p.event), now);
      break;
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'INGEST_INVALID') throw e;
      const bad = new Map<string, number>();
      for (const err of e.details.errors as IngestRowError[]) {
        const p = pending[err.index];
        const code = p.event.dossierCode;
        if (!bad.has(code) || bad.get(code)! > p.item) {
          bad.set(code, p.item);
          results[p.item] = { code, outcome: 'refused', errors: [INGEST_REFUSED(err)], events: 0 };
        }
      }
      for (const [code, first] of bad) {
        for (let j = first + 1; j < results.length; j++) {
          if (results[j].code === code && results[j].outcome !== 'refused') results[j] = { code, outcome: 'refused', errors: [{ code: 'EARLIER_REFUSED', message: 'Một bản ghi trước đó của hồ sơ này trong cùng lần gửi bị từ chối.' }], events: 0 };
        }
      }
      pending = pending.filter((p) => !bad.has(p.event.dossierCode) || p.item < bad.get(p.event.dossierCode)!);
    }
  }
  return results.map((r, i) => ({ ...r, snapshotId: items[i].snapshotId }));
}

/** Keeps the records (as read, without personal fields) with what became of them; held ones join the queue. */
export async function keepRecords(tx: Tx, source: Source, items: Item[], results: ItemResult[]) {
  const rows = items.map((it, i) => {
    const read = readRecord(it.service, it.raw);
    const r = results[i];
    return {
      sourceId: source.id,
      service: it.service,
      dossierCode: r.code,
      procedureCode: read.ok && read.record.kind === 'snapshot' ? read.record.procedureCode : null,
      payload: read.stored,
      arrivedAt: it.arrivedAt,
      outcome: r.outcome,
      errorCode: r.errors[0]?.code ?? null,
      message: r.held ? heldMessage(r.held) : r.errors.map((e) => e.message).join(' ') || null,
      events: r.events,
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) ids.push(...(await tx.insert(dvcqgSnapshots).values(rows.slice(i, i + 500)).returning({ id: dvcqgSnapshots.id })).map((r) => r.id));
  const held = results.flatMap((r, i) => (r.held ? [{ snapshotId: ids[i], sourceId: source.id, dossierCode: r.code, reason: r.held.reason, key: r.held.key, text: r.held.text }] : []));
  for (let i = 0; i < held.length; i += 500) await tx.insert(dvcqgHeld).values(held.slice(i, i + 500));
  return ids;
}

export function summarise(results: ItemResult[]) {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return { records: results.length, applied: count('applied'), unchanged: count('unchanged'), held: count('held'), refused: count('refused'), events: results.reduce((s, r) => s + r.events, 0) };
}

/** A sync message: its records processed, kept and audited in one transaction. */
export async function receiveSync(db: Db, source: Source, service: SyncService, data: unknown[], now: Date) {
  const calendar = await loadCalendar(db);
  const items: Item[] = data.map((raw) => ({ service, raw, arrivedAt: now }));
  return db.transaction(async (tx) => {
    const actor: AuditActor = { id: null, name: `dvcqg:${source.code}` };
    const results = await processItems(tx, calendar, source, actor, items, now);
    await keepRecords(tx, source, items, results);
    await recordAudit(tx, actor, { action: 'dvcqg.sync', entityType: 'dvcqg_source', entityId: source.id, after: { service, ...summarise(results) } }, now);
    return results;
  });
}

/** The kept records of held dossiers, oldest first, as items to process again. */
export async function heldItems(tx: Tx, sourceId: number, dossierCodes: string[]) {
  const rows = await tx
    .select({ heldId: dvcqgHeld.id, snapshotId: dvcqgSnapshots.id, service: dvcqgSnapshots.service, payload: dvcqgSnapshots.payload, arrivedAt: dvcqgSnapshots.arrivedAt })
    .from(dvcqgHeld)
    .innerJoin(dvcqgSnapshots, eq(dvcqgSnapshots.id, dvcqgHeld.snapshotId))
    .where(and(eq(dvcqgHeld.sourceId, sourceId), inArray(dvcqgHeld.dossierCode, dossierCodes)))
    .orderBy(asc(dvcqgSnapshots.id));
  return rows.map((r) => ({ heldId: r.heldId, item: { service: r.service as SyncService, raw: r.payload, arrivedAt: r.arrivedAt, snapshotId: r.snapshotId } satisfies Item }));
}
