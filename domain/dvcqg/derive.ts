/**
 * Snapshots into events. The portal's messages say where a dossier stands, not what happened; the events of
 * the lifecycle (domain/dossiers/lifecycle.ts) are derived from what the new record adds to the dossier as it
 * is known (its lifecycle state, and the last snapshot for what was already read from it):
 *
 * - receipt at `NgayTiepNhan` with the appointment `NgayHenTra` (online when the dossier was seen waiting for
 *   receipt, status 1, or `KenhThucHien` is 2); a dossier first seen as 3 "not accepted" was never received;
 * - each entry of `DanhSachHoSoBoSung` with a `NgayBoSung`, in that order: the k-th request for a supplement
 *   (a request already known from a status 5 counts as one), received at `NgayTiepNhanBoSung`; a
 *   `NgayHenTraMoi` not seen before and later than the deadline the lifecycle gives (the appointment moved by
 *   the citizen's wait) is a new appointment, as an apology letter sent at the supplement's receipt (or its
 *   request while waiting) — one sent after the deadline does not count (Decision 766) and is left out;
 * - the status: the path of events from the lifecycle's status to the record's, each at the instant of its
 *   own field (`NgayKetThucXuLy` for the end of processing, refusal, withdrawal, stop; `NgayTra` for the
 *   result returned) or, in a progress update, at `ThoiDiemXuLy`. A step with no instant in a snapshot
 *   (to 4 processing, to 6 financial obligation, to 5 without a dated entry) is not invented: it waits for the
 *   progress update one-stop systems send after the snapshot (OpenCPS sends `CapNhatTienDoHoSoMC` right after
 *   `DongBoHoSoMC`) or for a later dated step.
 *
 * A record that repeats what is known adds nothing. A status the lifecycle cannot reach from where the
 * dossier is (backwards, or after its end) is refused, and so is a step out of time order: each with a
 * Vietnamese message. Dates already applied are kept as first received. Pure: the state, calendar and `now`
 * are given.
 */
import { DomainError } from '../errors.js';
import { applyEvent, type Context, type DossierEvent, type DossierState, effectiveDeadline, type EventKind, STATUS, type StatusName } from '../dossiers/lifecycle.js';
import { type DossierSnapshot, type RecordError, statusLabel, type StatusCode, type SyncRecord, vnDateTime } from './snapshot.js';

export const STATUS_OF_CODE: Record<StatusCode, StatusName> = Object.fromEntries(Object.entries(STATUS).map(([name, code]) => [code, name])) as Record<StatusCode, StatusName>;

export interface DeriveInput {
  /** the dossier's lifecycle state now (null: not known yet) */
  state: DossierState | null;
  /** the last snapshot accepted for the dossier (null: none) */
  previous: DossierSnapshot | null;
  record: SyncRecord;
  ctx: Context & { now: Date };
}

export type DeriveResult = { ok: true; events: DossierEvent[]; state: DossierState | null } | { ok: false; error: RecordError };

/** An event of the derivation, with the field it came from (for messages) */
interface Step {
  event: DossierEvent;
  field: string;
  /** an apology that is left out when the lifecycle would not count it */
  optional?: boolean;
}

/**
 * The steps from the lifecycle's status to the record's, as event kinds with the instant each needs: `end`
 * (NgayKetThucXuLy), `ret` (NgayTra), `endOrRet` (the first if given, else the second), `ifEnd` (only when
 * NgayKetThucXuLy is given: the end of processing before the result was returned) or `undated` (no field of
 * its own; in a progress update every step is at ThoiDiemXuLy). No entry: the lifecycle cannot get there.
 */
type Need = 'end' | 'ret' | 'endOrRet' | 'ifEnd' | 'undated';
type Path = [EventKind, Need][];
const FROM_RECEIVED: Partial<Record<StatusName, Path>> = {
  processing: [['transferred', 'undated']],
  supplement: [['supplement_requested', 'undated']],
  financial: [['financial_requested', 'undated']],
  processed: [['processed', 'end']],
  returned: [['processed', 'ifEnd'], ['result_returned', 'ret']],
  refused: [['refused', 'end']],
  withdrawn: [['withdrawn', 'end']],
  stopped: [['stopped', 'end']],
};
export const PATHS: Partial<Record<StatusName, Partial<Record<StatusName, Path>>>> = {
  registered: {
    received: [['received', 'undated']],
    ...Object.fromEntries(Object.entries(FROM_RECEIVED).map(([to, path]) => [to, to === 'refused' || to === 'withdrawn' ? path : [['received', 'undated'], ...path!]])),
  },
  received: FROM_RECEIVED,
  processing: { ...FROM_RECEIVED, processing: undefined },
  supplement: {
    processing: [['supplement_received', 'undated']],
    financial: [['supplement_received', 'undated'], ['financial_requested', 'undated']],
    processed: [['supplement_received', 'end'], ['processed', 'end']],
    returned: [['supplement_received', 'endOrRet'], ['processed', 'ifEnd'], ['result_returned', 'ret']],
    refused: [['refused', 'end']],
    withdrawn: [['withdrawn', 'end']],
    stopped: [['stopped', 'end']],
  },
  financial: {
    processing: [['financial_fulfilled', 'undated']],
    supplement: [['financial_fulfilled', 'undated'], ['supplement_requested', 'undated']],
    processed: [['processed', 'end']],
    returned: [['processed', 'endOrRet'], ['result_returned', 'ret']],
    refused: [['financial_fulfilled', 'end'], ['refused', 'end']],
    withdrawn: [['withdrawn', 'end']],
    stopped: [['stopped', 'end']],
  },
  processed: { returned: [['result_returned', 'ret']] },
};

const KIND_ORDER: EventKind[] = ['registered', 'received', 'transferred', 'supplement_requested', 'supplement_received', 'apology', 'financial_requested', 'financial_fulfilled', 'processed', 'result_returned', 'refused', 'withdrawn', 'stopped'];

const fail = (code: string, message: string): DeriveResult => ({ ok: false, error: { code, message } });

/** Lifecycle errors of a derived step, in the sender's terms. */
function explain(e: DomainError, step: Step, state: DossierState | null): RecordError {
  const at = vnDateTime(step.event.at);
  switch (e.code) {
    case 'OUT_OF_ORDER':
      return { code: 'OUT_OF_ORDER', message: `${step.field} (${at}) sớm hơn sự kiện trước đó của hồ sơ (${vnDateTime(state!.lastEventAt)}); các mốc thời gian phải theo thứ tự.` };
    case 'INVALID_TRANSITION':
      return { code: 'IMPOSSIBLE_STEP', message: `Không thể ${STEP_VI[step.event.kind]} khi hồ sơ đang ở trạng thái ${state ? statusLabel(STATUS[state.status]) : 'chưa có'} (${step.field}).` };
    case 'NO_APPOINTMENT':
      return { code: 'MISSING_FIELD', message: 'Thiếu NgayHenTra và thủ tục không có thời hạn giải quyết trong danh mục.' };
    case 'INVALID_APPOINTMENT':
      return { code: 'INVALID_DATE', message: 'NgayHenTra sớm hơn NgayTiepNhan.' };
    default:
      return { code: e.code, message: e.message };
  }
}

const STEP_VI: Record<EventKind, string> = {
  registered: 'ghi nhận hồ sơ mới đăng ký',
  received: 'tiếp nhận hồ sơ',
  transferred: 'chuyển xử lý',
  supplement_requested: 'yêu cầu bổ sung',
  supplement_received: 'nhận bổ sung',
  financial_requested: 'yêu cầu thực hiện nghĩa vụ tài chính',
  financial_fulfilled: 'ghi nhận đã thực hiện nghĩa vụ tài chính',
  processed: 'ghi nhận đã xử lý xong',
  result_returned: 'trả kết quả',
  refused: 'từ chối hồ sơ',
  withdrawn: 'ghi nhận công dân rút hồ sơ',
  stopped: 'dừng xử lý',
  apology: 'hẹn lại ngày trả',
};

/** Applies steps in order of time (ties in lifecycle order); an optional apology the lifecycle would not count is left out. */
function run(state: DossierState | null, steps: Step[], ctx: DeriveInput['ctx']): { state: DossierState | null; events: DossierEvent[] } | { error: RecordError } {
  const sorted = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.event.at.getTime() - b.s.event.at.getTime() || KIND_ORDER.indexOf(a.s.event.kind) - KIND_ORDER.indexOf(b.s.event.kind) || a.i - b.i)
    .map((x) => x.s);
  let s = state;
  const events: DossierEvent[] = [];
  for (const step of sorted) {
    if (step.event.at.getTime() > ctx.now.getTime() + 5 * 60_000) return { error: { code: 'FUTURE', message: `${step.field} (${vnDateTime(step.event.at)}) ở tương lai.` } };
    if (step.optional) {
      if (!s || !s.appointment || s.endAt) continue;
      const deadline = effectiveDeadline(s, step.event.at, ctx.calendar)!;
      if (step.event.at > deadline || step.event.appointment! <= deadline || step.event.at < s.lastEventAt) continue;
    }
    try {
      s = applyEvent(s, step.event, ctx);
      events.push(step.event);
    } catch (e) {
      if (e instanceof DomainError) return { error: explain(e, step, s) };
      throw e;
    }
  }
  return { state: s, events };
}

/** The events a record adds to the dossier. */
export function deriveEvents({ state, previous, record, ctx }: DeriveInput): DeriveResult {
  const target = STATUS_OF_CODE[record.status];
  if (record.kind === 'progress' && !state) {
    return fail('NOT_SYNCED', 'Hồ sơ chưa được đồng bộ (DongBoHoSoMC) nên chưa cập nhật được tiến độ.');
  }
  const steps: Step[] = [];
  let current = state?.status ?? null;

  if (record.kind === 'snapshot') {
    const r = record;
    // 1. receipt
    const notAccepted = target === 'refused' && (current === null || current === 'registered');
    const beforeReceipt = target === 'registered' || notAccepted || (target === 'withdrawn' && (current === 'registered' || (current === null && !r.receivedAt)));
    if (current === null && beforeReceipt) {
      steps.push({ event: { kind: 'registered', at: r.receivedAt ?? (r.endAt && target !== 'registered' ? r.endAt : ctx.now), channel: 'online' }, field: 'NgayTiepNhan' });
      current = 'registered';
    } else if ((current === null || current === 'registered') && !beforeReceipt) {
      if (!r.receivedAt) return fail('MISSING_FIELD', `Thiếu NgayTiepNhan: hồ sơ ở trạng thái ${statusLabel(r.status)} phải đã được tiếp nhận.`);
      const channel = current === 'registered' ? undefined : (r.channel ?? 'counter');
      steps.push({ event: { kind: 'received', at: r.receivedAt, channel, appointment: r.appointment ?? undefined }, field: 'NgayTiepNhan' });
      current = 'received';
    }
    // 2. supplements and new appointments, when the dossier has been received
    if (current !== 'registered' && current !== null && !(state && state.endAt)) {
      const known = state?.supplementRequests ?? 0;
      const open = !!state?.pausedSince;
      r.supplements.forEach((e, k) => {
        if (k >= known) steps.push({ event: { kind: 'supplement_requested', at: e.requestedAt! }, field: `DanhSachHoSoBoSung[${k + 1}].NgayBoSung` });
        if (e.receivedAt && (k >= known || (k === known - 1 && open))) steps.push({ event: { kind: 'supplement_received', at: e.receivedAt }, field: `DanhSachHoSoBoSung[${k + 1}].NgayTiepNhanBoSung` });
        const seen = previous?.supplements.some((p) => p.newAppointment && e.newAppointment && p.newAppointment.getTime() === e.newAppointment.getTime());
        if (e.newAppointment && !seen) {
          steps.push({ event: { kind: 'apology', at: e.receivedAt ?? e.requestedAt!, appointment: e.newAppointment }, field: `DanhSachHoSoBoSung[${k + 1}].NgayHenTraMoi`, optional: true });
        }
      });
    } else if (current !== null && state?.endAt && r.supplements.length > (state.supplementRequests ?? 0) && target === current) {
      return fail('IMPOSSIBLE_STEP', `DanhSachHoSoBoSung có yêu cầu bổ sung mới trong khi hồ sơ đã ở trạng thái ${statusLabel(STATUS[current])}.`);
    }
  }

  // 3. the status: simulate what precedes it, then the path from there
  const before = run(state, steps, ctx);
  if ('error' in before) return { ok: false, error: before.error };
  const reached = before.state?.status ?? null;
  if (reached === target || (reached === null && target === 'registered')) return { ok: true, events: before.events, state: before.state };
  const path = reached ? PATHS[reached]?.[target] : undefined;
  if (!path) {
    return fail('BACKWARDS', `Trạng thái ${statusLabel(record.status)} không thể đến sau trạng thái hiện tại của hồ sơ: ${reached ? statusLabel(STATUS[reached]) : 'chưa có'}.`);
  }
  const instant = (need: Need): [Date | null, string] => {
    if (record.kind === 'progress') return [need === 'ifEnd' ? null : record.at, 'ThoiDiemXuLy'];
    if (need === 'end' || need === 'ifEnd') return [record.endAt, 'NgayKetThucXuLy'];
    if (need === 'ret') return [record.returnedAt, 'NgayTra'];
    if (need === 'endOrRet') return record.endAt ? [record.endAt, 'NgayKetThucXuLy'] : [record.returnedAt, 'NgayTra'];
    return [null, ''];
  };
  const tail: Step[] = [];
  for (const [kind, need] of path) {
    const [at, field] = instant(need);
    if (need === 'ifEnd' && !at) continue;
    // no instant of its own: not invented, it waits for the progress update (or a later dated step)
    if (!at) break;
    tail.push({ event: { kind, at }, field });
  }
  if (tail.length === 0) return { ok: true, events: before.events, state: before.state };
  const after = run(before.state, tail, ctx);
  if ('error' in after) return { ok: false, error: after.error };
  return { ok: true, events: [...before.events, ...after.events], state: after.state };
}
