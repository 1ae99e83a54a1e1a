/**
 * A one-stop dossier (hồ sơ) from its events: status (the ten of the national portal), appointment,
 * working time spent waiting for the citizen's supplement (which does not count), and the outcome.
 *
 * Outcome (Decision 766, criterion 2.1): the end of processing is the first of processed / result returned /
 * stopped / refused; it is compared with the appointment moved later by the supplement time. Finished before
 * the appointment's day: early; on that day by its hour: on time; after: late. A second supplement request
 * makes the dossier late, and so does a supplement asked for once the deadline has been reached (the wait
 * cannot undo it). An apology letter sent before the deadline sets a new appointment. Unfinished dossiers
 * are judged at a reference instant (the end of the period, or now).
 */
import { DomainError } from '../errors.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';

export const EVENT_KINDS = [
  'registered', // nộp trực tuyến, chờ tiếp nhận
  'received', // tiếp nhận (trực tuyến hoặc tại quầy)
  'transferred', // chuyển xử lý
  'supplement_requested', // yêu cầu bổ sung
  'supplement_received', // nhận bổ sung
  'financial_requested', // yêu cầu thực hiện nghĩa vụ tài chính
  'financial_fulfilled', // đã thực hiện nghĩa vụ tài chính
  'processed', // đã xử lý xong
  'result_returned', // đã trả kết quả
  'refused', // từ chối / không tiếp nhận
  'withdrawn', // công dân rút hồ sơ
  'stopped', // dừng xử lý
  'apology', // thư xin lỗi, hẹn lại
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Status codes of systems synced with the national portal (REFERENCE.md §7). */
export const STATUS = {
  registered: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement: 5,
  financial: 6,
  withdrawn: 7,
  stopped: 8,
  processed: 9,
  returned: 10,
} as const;
export type StatusName = keyof typeof STATUS;

export interface DossierEvent {
  kind: EventKind;
  at: Date;
  channel?: 'online' | 'counter';
  /** the appointment given at receipt, or the new one of an apology letter */
  appointment?: Date;
}

export interface DossierState {
  status: StatusName;
  channel: 'online' | 'counter' | null;
  receivedAt: Date | null;
  appointment: Date | null;
  firstAppointment: Date | null;
  lastEventAt: Date;
  supplementRequests: number;
  /** working minutes spent waiting for the citizen, closed pauses only */
  supplementMinutes: number;
  pausedSince: Date | null;
  /** end of processing */
  endAt: Date | null;
  returnedAt: Date | null;
  apologies: number;
  /** when a second supplement request made the dossier late (Decision 766 rule); absent in older states */
  lateSince?: Date | null;
}

/** From which statuses each event may come. */
const FROM: Record<EventKind, (StatusName | null)[]> = {
  registered: [null],
  received: [null, 'registered'],
  transferred: ['received', 'processing'],
  supplement_requested: ['received', 'processing'],
  supplement_received: ['supplement'],
  financial_requested: ['received', 'processing'],
  financial_fulfilled: ['financial'],
  processed: ['received', 'processing', 'financial'],
  result_returned: ['processed', 'received', 'processing'],
  refused: ['registered', 'received', 'processing', 'supplement'],
  withdrawn: ['registered', 'received', 'processing', 'supplement', 'financial'],
  stopped: ['received', 'processing', 'supplement', 'financial'],
  apology: ['received', 'processing', 'supplement', 'financial'],
};

const TO: Partial<Record<EventKind, StatusName>> = {
  registered: 'registered',
  received: 'received',
  transferred: 'processing',
  supplement_requested: 'supplement',
  supplement_received: 'processing',
  financial_requested: 'financial',
  financial_fulfilled: 'processing',
  processed: 'processed',
  result_returned: 'returned',
  refused: 'refused',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
};

export interface Context {
  calendar: WorkingCalendar;
  /** the procedure's time limit in working minutes, to compute an appointment that was not given */
  limitMinutes: number | null;
}

export function applyEvent(state: DossierState | null, e: DossierEvent, ctx: Context): DossierState {
  if (state && e.at < state.lastEventAt) {
    throw new DomainError('OUT_OF_ORDER', 'The event is earlier than the dossier’s last event', { lastEventAt: state.lastEventAt.toISOString() });
  }
  const from = state?.status ?? null;
  if (!FROM[e.kind].includes(from)) {
    throw new DomainError('INVALID_TRANSITION', `A ${e.kind} event cannot follow status ${from ?? 'none'}`, { status: from, kind: e.kind });
  }
  const s: DossierState = state
    ? { ...state, lastEventAt: e.at }
    : { status: 'registered', channel: e.channel ?? null, receivedAt: null, appointment: null, firstAppointment: null, lastEventAt: e.at, supplementRequests: 0, supplementMinutes: 0, pausedSince: null, endAt: null, returnedAt: null, apologies: 0 };
  switch (e.kind) {
    case 'received': {
      s.receivedAt = e.at;
      s.channel = e.channel ?? s.channel ?? 'counter';
      const appointment = e.appointment ?? (ctx.limitMinutes !== null ? ctx.calendar.addWorkingMinutes(e.at, ctx.limitMinutes) : null);
      if (!appointment) throw new DomainError('NO_APPOINTMENT', 'No appointment was given and the procedure has no time limit', {});
      if (appointment < e.at) throw new DomainError('INVALID_APPOINTMENT', 'The appointment is before the receipt', {});
      s.appointment = appointment;
      s.firstAppointment = appointment;
      break;
    }
    case 'supplement_requested': {
      // asked for a supplement with no working time left: the deadline had been reached, and the wait
      // for the citizen cannot undo that
      const deadline = effectiveDeadline(s, e.at, ctx.calendar);
      if (deadline && (e.at >= deadline || ctx.calendar.workingMinutesBetween(e.at, deadline) === 0)) s.lateSince = s.lateSince ?? deadline;
      s.supplementRequests += 1;
      s.pausedSince = e.at;
      if (s.supplementRequests === 2 && !(s.lateSince && s.lateSince <= e.at)) s.lateSince = e.at;
      break;
    }
    case 'supplement_received':
      s.supplementMinutes += ctx.calendar.workingMinutesBetween(s.pausedSince!, e.at);
      s.pausedSince = null;
      break;
    case 'apology': {
      const deadline = effectiveDeadline(s, e.at, ctx.calendar);
      if (!e.appointment || e.appointment <= s.appointment!) throw new DomainError('INVALID_APPOINTMENT', 'An apology letter sets a later appointment', {});
      if (deadline && e.at > deadline) throw new DomainError('APOLOGY_AFTER_DEADLINE', 'An apology letter must be sent before the deadline', { deadline: deadline.toISOString() });
      s.appointment = e.appointment;
      s.apologies += 1;
      break;
    }
    case 'processed':
    case 'refused':
    case 'stopped':
    case 'withdrawn':
      s.endAt = s.endAt ?? e.at;
      break;
    case 'result_returned':
      s.endAt = s.endAt ?? e.at;
      s.returnedAt = e.at;
      break;
    default:
      break;
  }
  if (s.pausedSince && e.kind !== 'supplement_requested' && e.kind !== 'supplement_received' && s.endAt) {
    // ended while waiting for the citizen: the pause ends with it
    s.supplementMinutes += ctx.calendar.workingMinutesBetween(s.pausedSince, e.at);
    s.pausedSince = null;
  }
  const to = TO[e.kind];
  if (to) s.status = to;
  return s;
}

/** The appointment moved later by the supplement time counted up to `at`. */
export function effectiveDeadline(s: DossierState, at: Date, calendar: WorkingCalendar): Date | null {
  if (!s.appointment) return null;
  const paused = s.supplementMinutes + (s.pausedSince ? calendar.workingMinutesBetween(s.pausedSince, at) : 0);
  return paused > 0 ? calendar.addWorkingMinutes(s.appointment, paused) : s.appointment;
}

export type Outcome = 'early' | 'on_time' | 'late' | 'in_progress_on_time' | 'in_progress_late' | 'withdrawn' | 'not_received';

const localDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export function outcome(s: DossierState, ref: Date, calendar: WorkingCalendar): { outcome: Outcome; lateMinutes: number } {
  if (s.status === 'withdrawn') return { outcome: 'withdrawn', lateMinutes: 0 };
  if (!s.receivedAt) return { outcome: s.status === 'refused' ? 'on_time' : 'not_received', lateMinutes: 0 };
  const finished = s.endAt !== null;
  const at = finished ? s.endAt! : ref;
  const deadline = effectiveDeadline(s, at, calendar)!;
  const lateMinutes = at > deadline ? calendar.workingMinutesBetween(deadline, at) : 0;
  const late = s.supplementRequests >= 2 || at > deadline || (!!s.lateSince && s.lateSince < at);
  if (!finished) return { outcome: late ? 'in_progress_late' : 'in_progress_on_time', lateMinutes };
  if (late) return { outcome: 'late', lateMinutes };
  return { outcome: localDay(at) < localDay(deadline) ? 'early' : 'on_time', lateMinutes: 0 };
}

export function replay(events: DossierEvent[], ctx: Context): DossierState {
  let s: DossierState | null = null;
  for (const e of events) s = applyEvent(s, e, ctx);
  if (!s) throw new DomainError('NO_EVENTS', 'A dossier needs at least one event', {});
  return s;
}

const DATE_FIELDS = ['receivedAt', 'appointment', 'firstAppointment', 'lastEventAt', 'pausedSince', 'endAt', 'returnedAt', 'lateSince'] as const;

/**
 * The state as JSON text: what JSON.stringify gives (dates as ISO text, absent fields left out), without its
 * generic walk and a toJSON call per date — ingest writes one per dossier of a batch.
 */
export function stateToJson(s: DossierState): string {
  let out = '{';
  for (const k in s) {
    const v = (s as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue;
    const text = v === null ? 'null' : v instanceof Date ? `"${v.toISOString()}"` : typeof v === 'number' && Number.isFinite(v) ? String(v) : JSON.stringify(v);
    out += `${out.length > 1 ? ',' : ''}"${k}":${text}`;
  }
  return `${out}}`;
}

/** A state read back from JSON storage (dates as ISO strings). */
export function stateFromJson(j: Record<string, unknown>): DossierState {
  const s = { ...j };
  for (const k of DATE_FIELDS) if (typeof s[k] === 'string') s[k] = new Date(s[k] as string);
  return s as unknown as DossierState;
}
