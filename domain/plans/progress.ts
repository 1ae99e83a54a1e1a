/**
 * Progress of plan tasks: each unit reports per task and quarter. The unit officer drafts, the unit head
 * submits, Sở Nội vụ accepts or returns it with a comment. Only accepted reports count in the figures.
 */
import { ratePercent } from '../numbers/rate.js';
import { DomainError } from '../errors.js';
import { addDays, type IsoDate } from '../org/dates.js';

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export type ProgressAction = 'save' | 'submit' | 'accept' | 'return';

/** Which report states each action starts from, and where it leads. */
const TRANSITIONS: Record<ProgressAction, { from: (ReportState | null)[]; to: ReportState }> = {
  save: { from: [null, 'draft', 'returned'], to: 'draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
};

export function nextState(current: ReportState | null, action: ProgressAction): ReportState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(current)) {
    throw new DomainError('INVALID_TRANSITION', `Cannot ${action} a report that is ${current ?? 'not started'}`, { state: current, action });
  }
  return t.to;
}

/** "2026-Q1" */
export const PERIOD = /^(\d{4})-Q([1-4])$/;

export function periodEnd(period: string): IsoDate {
  const m = PERIOD.exec(period);
  if (!m) throw new DomainError('INVALID_PERIOD', 'Period must look like 2026-Q1', { period });
  const [y, q] = [Number(m[1]), Number(m[2])];
  return addDays(q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
}

export function periodOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A report's content must agree with itself: done is 100 %, not started is 0 %. */
export function checkReport(r: { status: TaskStatus; percent: number; report: string }): void {
  if (!Number.isInteger(r.percent) || r.percent < 0 || r.percent > 100) {
    throw new DomainError('INVALID_PERCENT', 'Percent must be a whole number from 0 to 100', { field: 'percent' });
  }
  if (r.status === 'done' && r.percent !== 100) throw new DomainError('INVALID_PERCENT', 'A done task is 100 %', { field: 'percent' });
  if (r.status === 'not_started' && r.percent !== 0) throw new DomainError('INVALID_PERCENT', 'A task not started is 0 %', { field: 'percent' });
  if (r.status === 'in_progress' && (r.percent === 0 || r.percent === 100)) {
    throw new DomainError('INVALID_PERCENT', 'A task in progress is between 1 and 99 %', { field: 'percent' });
  }
}

/**
 * The status of a task from its lead units' latest accepted reports: done when every lead unit is done
 * (or not concerned), in progress when any has started, else not started. A task with no lead unit in
 * the system (led by a group such as "các cơ quan liên quan") follows its reports, whoever made them.
 */
export function taskStatus(leadUnitIds: number[], latestAccepted: Map<number, TaskStatus>): TaskStatus {
  const considered = leadUnitIds.length ? leadUnitIds : [...latestAccepted.keys()];
  const statuses = considered.map((u) => latestAccepted.get(u) ?? 'not_started');
  if (statuses.length === 0) return 'not_started';
  if (statuses.every((s) => s === 'not_applicable')) return 'not_applicable';
  if (statuses.every((s) => s === 'done' || s === 'not_applicable')) return 'done';
  if (statuses.some((s) => s !== 'not_started')) return 'in_progress';
  return 'not_started';
}

export function isOverdue(due: IsoDate | null, status: TaskStatus, today: IsoDate): boolean {
  return due !== null && due < today && status !== 'done' && status !== 'not_applicable';
}

/** Which follow-up list a task falls in on `today`: overdue, or due within 1, 3 or 7 days. */
export function followUpBucket(due: IsoDate | null, status: TaskStatus, today: IsoDate): 'overdue' | 'due1' | 'due3' | 'due7' | null {
  if (due === null || status === 'done' || status === 'not_applicable') return null;
  if (due < today) return 'overdue';
  if (due <= addDays(today, 1)) return 'due1';
  if (due <= addDays(today, 3)) return 'due3';
  if (due <= addDays(today, 7)) return 'due7';
  return null;
}

export interface Completion {
  done: number;
  total: number;
  /** percent with two decimals, null for an empty set */
  percent: number | null;
}

/** "43/43 (100 %)": tasks not applicable are left out of the count. */
export function completion(statuses: TaskStatus[]): Completion {
  const counted = statuses.filter((s) => s !== 'not_applicable');
  const done = counted.filter((s) => s === 'done').length;
  return { done, total: counted.length, percent: ratePercent(done, counted.length) };
}
