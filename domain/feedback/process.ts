/**
 * Citizen feedback (phản ánh, kiến nghị — PAKN) under Decree 20/2008/NĐ-CP (amended 92/2017), REFERENCE.md §9
 * and §13: the states, the transitions and who may make each, the deadline of the current step in working
 * time, the time used and left, and whether the item is overdue at an instant.
 *
 * Process. Received → classified as one of: refused (fails art. 7; closed), about a civil servant's conduct
 * (forwarded to the body that manages them; closed), outside competence (forwarded to the competent body;
 * closed), within competence (assigned to a unit). The assigned unit handles it: it may transfer it to another
 * unit (each transfer restarts the handling limit), ask the citizen for more information (the clock stops until
 * the information arrives, as with dossier supplements), and answer; the unit head approves the answer (or
 * returns it), which ends the handling; the answer is then published.
 *
 * Time limits (working days, as data; defaults §9): refuse within 2 of receipt, forward within 5 of receipt,
 * ask for information within 5 of the start of handling, handle within 15 from receipt or from the latest
 * transfer, publish within 2 of approval.
 *
 * On time. The handling of an item ends at the refusal, the forwarding, or the head's approval of the answer.
 * A refusal is on time within the refusal limit, a forwarding within the forwarding limit, an approved answer by
 * the handling deadline moved later by the working time spent waiting for the citizen. An item still open is
 * judged at the instant: overdue exactly when the deadline of its current step has passed. While the unit waits
 * for information the clock is stopped and the item cannot turn overdue, unless the request came once the
 * deadline had already passed (the wait cannot undo a delay).
 */
import { DomainError } from '../errors.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';

export const STATES = [
  'received', // đã tiếp nhận, chờ phân loại
  'refused', // từ chối tiếp nhận (không đáp ứng điều 7)
  'forwarded_conduct', // chuyển cơ quan quản lý cán bộ (hành vi, thái độ)
  'forwarded_outside', // chuyển cơ quan có thẩm quyền (ngoài thẩm quyền)
  'assigned', // đang xử lý tại đơn vị được giao
  'info_requested', // chờ bổ sung thông tin (dừng tính thời gian)
  'answered', // đã dự thảo trả lời, chờ lãnh đạo duyệt
  'approved', // đã duyệt trả lời, chờ công khai
  'published', // đã công khai
] as const;
export type FeedbackStateName = (typeof STATES)[number];

export const EVENTS = [
  'received',
  'refused',
  'forwarded_conduct',
  'forwarded_outside',
  'accepted', // within competence: assigned to a unit
  'transferred',
  'info_requested',
  'info_received',
  'answered',
  'answer_returned', // the head returns the draft answer
  'approved',
  'published',
] as const;
export type FeedbackEventKind = (typeof EVENTS)[number];

/** Who acts: the province's intake desk (Sở Nội vụ), an officer or the head of the item's current unit, the citizen. */
export const PARTIES = ['desk', 'officer', 'head', 'citizen'] as const;
export type Party = (typeof PARTIES)[number];

export const CHANNELS = ['web', 'hotline', 'letter', 'email', 'portal', 'direct'] as const;
export type Channel = (typeof CHANNELS)[number];

interface Transition {
  from: (FeedbackStateName | null)[];
  to: FeedbackStateName;
  by: Party[];
}

/** The transitions table: for each event, the states it may follow, the state it leads to, who may make it. */
export const TRANSITIONS: Record<FeedbackEventKind, Transition> = {
  received: { from: [null], to: 'received', by: ['desk', 'officer', 'head', 'citizen'] },
  refused: { from: ['received'], to: 'refused', by: ['desk', 'officer', 'head'] },
  forwarded_conduct: { from: ['received'], to: 'forwarded_conduct', by: ['desk', 'officer', 'head'] },
  forwarded_outside: { from: ['received'], to: 'forwarded_outside', by: ['desk', 'officer', 'head'] },
  accepted: { from: ['received'], to: 'assigned', by: ['desk', 'officer', 'head'] },
  transferred: { from: ['assigned'], to: 'assigned', by: ['desk', 'officer', 'head'] },
  info_requested: { from: ['assigned'], to: 'info_requested', by: ['officer', 'head'] },
  info_received: { from: ['info_requested'], to: 'assigned', by: ['citizen', 'officer', 'head', 'desk'] },
  answered: { from: ['assigned'], to: 'answered', by: ['officer', 'head'] },
  answer_returned: { from: ['answered'], to: 'assigned', by: ['head'] },
  approved: { from: ['answered'], to: 'approved', by: ['head'] },
  published: { from: ['approved'], to: 'published', by: ['desk', 'head'] },
};

export const CLOSED: ReadonlySet<FeedbackStateName> = new Set(['refused', 'forwarded_conduct', 'forwarded_outside', 'approved', 'published']);
export const isOpen = (s: FeedbackStateName) => !CLOSED.has(s);

/** Time limits in working days (REFERENCE.md §9 defaults; ministries and provinces set their own). */
export interface TimeLimits {
  refuseDays: number;
  forwardDays: number;
  infoRequestDays: number;
  handleDays: number;
  publishDays: number;
}
export const DEFAULT_LIMITS: TimeLimits = { refuseDays: 2, forwardDays: 5, infoRequestDays: 5, handleDays: 15, publishDays: 2 };

export interface FeedbackEvent {
  kind: FeedbackEventKind;
  at: Date;
  /** the unit assigned (accepted) or transferred to */
  unitId?: number | null;
}

export interface FeedbackState {
  state: FeedbackStateName;
  receivedAt: Date;
  lastEventAt: Date;
  unitId: number | null;
  /** every unit the item has been assigned to, in order */
  units: number[];
  /** the handling limit runs from here: receipt, or the latest transfer */
  handleStart: Date;
  /** working minutes waited for the citizen since `handleStart` (closed pauses) */
  pausedMinutes: number;
  pausedSince: Date | null;
  infoRequests: number;
  /** when the item became late through an information request made with no time left */
  lateSince: Date | null;
  /** end of the handling: refusal, forwarding or approval */
  closedAt: Date | null;
  closedLate: boolean | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  publishedLate: boolean | null;
  transfers: number;
}

const perDay = (c: WorkingCalendar) => c.minutesPerDay();

/** The handling deadline, given the pauses so far (for a paused item: as it stood when the clock stopped). */
export function handleDeadline(s: FeedbackState, limits: TimeLimits, cal: WorkingCalendar): Date {
  return cal.addWorkingMinutes(s.handleStart, limits.handleDays * perDay(cal) + s.pausedMinutes);
}

export function applyEvent(state: FeedbackState | null, e: FeedbackEvent, limits: TimeLimits, cal: WorkingCalendar): FeedbackState {
  if (state && e.at < state.lastEventAt) {
    throw new DomainError('OUT_OF_ORDER', 'The event is earlier than the item’s last event', { lastEventAt: state.lastEventAt.toISOString() });
  }
  const from = state?.state ?? null;
  const t = TRANSITIONS[e.kind];
  if (!t.from.includes(from)) throw new DomainError('INVALID_TRANSITION', `A ${e.kind} event cannot follow state ${from ?? 'none'}`, { state: from, kind: e.kind });
  if (!state) {
    return {
      state: 'received', receivedAt: e.at, lastEventAt: e.at, unitId: e.unitId ?? null, units: e.unitId ? [e.unitId] : [], handleStart: e.at, pausedMinutes: 0,
      pausedSince: null, infoRequests: 0, lateSince: null, closedAt: null, closedLate: null, approvedAt: null, publishedAt: null, publishedLate: null, transfers: 0,
    };
  }
  const s: FeedbackState = { ...state, units: [...state.units], state: t.to, lastEventAt: e.at };
  const within = (days: number, start: Date) => e.at <= cal.addWorkingMinutes(start, days * perDay(cal));
  switch (e.kind) {
    case 'refused':
      s.closedAt = e.at;
      s.closedLate = !within(limits.refuseDays, s.receivedAt);
      break;
    case 'forwarded_conduct':
    case 'forwarded_outside':
      s.closedAt = e.at;
      s.closedLate = !within(limits.forwardDays, s.receivedAt);
      break;
    case 'accepted':
    case 'transferred': {
      if (!e.unitId) throw new DomainError('UNIT_REQUIRED', 'Assigning or transferring needs a unit', {});
      if (e.kind === 'transferred') {
        if (e.unitId === s.unitId) throw new DomainError('SAME_UNIT', 'The item is already at this unit', {});
        // a transfer restarts the handling limit; a delay already incurred stays
        const deadline = handleDeadline(s, limits, cal);
        if (e.at > deadline) s.lateSince = s.lateSince ?? deadline;
        s.handleStart = e.at;
        s.pausedMinutes = 0;
        s.transfers += 1;
      }
      s.unitId = e.unitId;
      if (s.units[s.units.length - 1] !== e.unitId) s.units.push(e.unitId);
      break;
    }
    case 'info_requested': {
      const deadline = handleDeadline(s, limits, cal);
      if (e.at >= deadline || cal.workingMinutesBetween(e.at, deadline) === 0) s.lateSince = s.lateSince ?? deadline;
      s.infoRequests += 1;
      s.pausedSince = e.at;
      break;
    }
    case 'info_received':
      s.pausedMinutes += cal.workingMinutesBetween(s.pausedSince!, e.at);
      s.pausedSince = null;
      break;
    case 'approved': {
      const deadline = handleDeadline(s, limits, cal);
      s.closedAt = e.at;
      s.approvedAt = e.at;
      s.closedLate = e.at > deadline || (s.lateSince !== null && s.lateSince <= e.at);
      break;
    }
    case 'published':
      s.publishedAt = e.at;
      s.publishedLate = e.at > cal.addWorkingMinutes(s.approvedAt!, limits.publishDays * perDay(cal));
      break;
    default:
      break;
  }
  return s;
}

export function replay(events: FeedbackEvent[], limits: TimeLimits, cal: WorkingCalendar): FeedbackState {
  let s: FeedbackState | null = null;
  for (const e of events) s = applyEvent(s, e, limits, cal);
  if (!s) throw new DomainError('NO_EVENTS', 'No events', {});
  return s;
}

/** Whether `party` may make `kind` from the item's state (the table above). */
export function allowed(state: FeedbackStateName | null, kind: FeedbackEventKind, party: Party): boolean {
  const t = TRANSITIONS[kind];
  return t.from.includes(state) && t.by.includes(party);
}

/** The events the party may make next. */
export function nextEvents(state: FeedbackStateName, party: Party): FeedbackEventKind[] {
  return EVENTS.filter((k) => allowed(state, k, party));
}

export type Step = 'classify' | 'handle' | 'info' | 'approve' | 'publish' | 'done';

export interface Clock {
  step: Step;
  /** the deadline of the current step; null when the clock is stopped or nothing is due */
  deadline: Date | null;
  stopped: boolean;
  /** working minutes used of the step's time (pauses excluded) */
  usedMinutes: number;
  /** working minutes left to the deadline; negative once past it; null when nothing is due */
  leftMinutes: number | null;
  overdue: boolean;
}

/** The current step, its deadline, time used and left, overdue — all at instant `at`. */
export function clock(s: FeedbackState, limits: TimeLimits, cal: WorkingCalendar, at: Date): Clock {
  const lateBy = (deadline: Date) => (at > deadline ? -cal.workingMinutesBetween(deadline, at) : cal.workingMinutesBetween(at, deadline));
  switch (s.state) {
    case 'received': {
      const deadline = cal.addWorkingMinutes(s.receivedAt, limits.forwardDays * perDay(cal));
      return { step: 'classify', deadline, stopped: false, usedMinutes: cal.workingMinutesBetween(s.receivedAt, at), leftMinutes: lateBy(deadline), overdue: at > deadline };
    }
    case 'assigned':
    case 'answered': {
      const deadline = handleDeadline(s, limits, cal);
      const overdue = at > deadline || (s.lateSince !== null && s.lateSince <= at);
      return { step: s.state === 'assigned' ? 'handle' : 'approve', deadline, stopped: false, usedMinutes: Math.max(0, cal.workingMinutesBetween(s.handleStart, at) - s.pausedMinutes), leftMinutes: lateBy(deadline), overdue };
    }
    case 'info_requested': {
      const deadline = handleDeadline(s, limits, cal);
      const used = Math.max(0, cal.workingMinutesBetween(s.handleStart, s.pausedSince!) - s.pausedMinutes);
      const left = s.pausedSince! > deadline ? -cal.workingMinutesBetween(deadline, s.pausedSince!) : cal.workingMinutesBetween(s.pausedSince!, deadline);
      return { step: 'info', deadline: null, stopped: true, usedMinutes: used, leftMinutes: left, overdue: s.lateSince !== null && s.lateSince <= at };
    }
    case 'approved': {
      const deadline = cal.addWorkingMinutes(s.approvedAt!, limits.publishDays * perDay(cal));
      return { step: 'publish', deadline, stopped: false, usedMinutes: cal.workingMinutesBetween(s.approvedAt!, at), leftMinutes: lateBy(deadline), overdue: at > deadline };
    }
    default:
      return { step: 'done', deadline: null, stopped: false, usedMinutes: 0, leftMinutes: null, overdue: false };
  }
}

/**
 * When the handling of the item is (or will be, if nothing happens) late, for the counters of open items
 * judged at an instant: the deadline of an open item whose clock runs, the moment a delay was incurred, or for
 * a closed late item its deadline. Null: on time so far (or closed on time, or paused in time).
 */
export function lateAt(s: FeedbackState, limits: TimeLimits, cal: WorkingCalendar): Date | null {
  const day = perDay(cal);
  switch (s.state) {
    case 'received':
      return cal.addWorkingMinutes(s.receivedAt, limits.forwardDays * day);
    case 'assigned':
    case 'answered':
      return s.lateSince ?? handleDeadline(s, limits, cal);
    case 'info_requested':
      return s.lateSince;
    case 'refused':
      return s.closedLate ? cal.addWorkingMinutes(s.receivedAt, limits.refuseDays * day) : null;
    case 'forwarded_conduct':
    case 'forwarded_outside':
      return s.closedLate ? cal.addWorkingMinutes(s.receivedAt, limits.forwardDays * day) : null;
    default:
      return s.closedLate ? (s.lateSince ?? handleDeadline(s, limits, cal)) : null;
  }
}

/** "còn 2 ngày 3 giờ" / "quá 1 ngày 30 phút" / "2 days 3 hours left". */
export function timeLeftText(leftMinutes: number, cal: WorkingCalendar, lang: 'vi' | 'en' = 'vi'): string {
  const { days, hours, minutes } = cal.split(Math.abs(leftMinutes));
  const parts: string[] = [];
  if (lang === 'vi') {
    if (days) parts.push(`${days} ngày`);
    if (hours) parts.push(`${hours} giờ`);
    if (minutes && !days) parts.push(`${minutes} phút`);
    const span = parts.join(' ') || '0 phút';
    return leftMinutes >= 0 ? `còn ${span}` : `quá ${span}`;
  }
  if (days) parts.push(`${days} day${days > 1 ? 's' : ''}`);
  if (hours) parts.push(`${hours} hour${hours > 1 ? 's' : ''}`);
  if (minutes && !days) parts.push(`${minutes} min`);
  const span = parts.join(' ') || '0 min';
  return leftMinutes >= 0 ? `${span} left` : `${span} overdue`;
}

/** A Vietnamese local date (UTC+7) of an instant. */
export const localDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * What an item adds to the daily counters (received on its receipt day; on time / late on the day its handling
 * ended; late_start on the day it turned late, late_end on the day a late item closed), all under its current
 * unit (0: still at the desk), channel and field. Open late on day D = Σ late_start − Σ late_end up to D.
 */
export interface Contribution {
  unitId: number;
  channel: string;
  field: string;
  day: string;
  counter: 'received' | 'onTime' | 'late' | 'lateStart' | 'lateEnd';
}

export function contribution(s: FeedbackState, meta: { channel: string; field: string | null }, limits: TimeLimits, cal: WorkingCalendar): Contribution[] {
  const base = { unitId: s.unitId ?? 0, channel: meta.channel, field: meta.field ?? '' };
  const out: Contribution[] = [{ ...base, day: localDay(s.receivedAt), counter: 'received' }];
  if (s.closedAt) out.push({ ...base, day: localDay(s.closedAt), counter: s.closedLate ? 'late' : 'onTime' });
  const late = lateAt(s, limits, cal);
  if (late) {
    out.push({ ...base, day: localDay(late), counter: 'lateStart' });
    if (s.closedAt) out.push({ ...base, day: localDay(s.closedAt), counter: 'lateEnd' });
  }
  return out;
}

/** The on-time rate counting open overdue items as late; null when there is nothing to judge. */
export function onTimeRate(f: { onTime: number; late: number; openLate: number }): number | null {
  const n = f.onTime + f.late + f.openLate;
  return n === 0 ? null : f.onTime / n;
}

/** Tracking code PAKN.yyyymmdd.nnnn of the n-th item received on a local day. */
export function trackingCode(day: string, n: number): string {
  return `PAKN.${day.replace(/-/g, '')}.${String(n).padStart(4, '0')}`;
}
export const TRACKING_CODE = /^PAKN\.\d{8}\.\d{4,}$/;
