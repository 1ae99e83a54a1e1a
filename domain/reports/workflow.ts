/**
 * The states of a periodic report, as a table of allowed transitions (like FixMyStreet's states as data).
 * A unit's report: drafted by its officers, submitted by its head, returned by Sở Nội vụ for changes. The
 * province's report: drafted by Sở Nội vụ from the units' submitted texts, then finalised (frozen).
 */
import { DomainError } from '../errors.js';

export type ReportState = 'draft' | 'submitted' | 'returned' | 'finalised';
export type ReportAction = 'save' | 'submit' | 'return' | 'finalise';
export type ReportKind = 'unit' | 'province';

export const REPORT_TRANSITIONS: Record<ReportKind, Record<ReportAction, { from: (ReportState | null)[]; to: ReportState } | null>> = {
  unit: {
    save: { from: [null, 'draft', 'returned'], to: 'draft' },
    submit: { from: ['draft', 'returned'], to: 'submitted' },
    return: { from: ['submitted'], to: 'returned' },
    finalise: null,
  },
  province: {
    save: { from: [null, 'draft'], to: 'draft' },
    submit: null,
    return: null,
    finalise: { from: ['draft'], to: 'finalised' },
  },
};

export function nextReportState(kind: ReportKind, current: ReportState | null, action: ReportAction): ReportState {
  const t = REPORT_TRANSITIONS[kind][action];
  if (!t || !t.from.includes(current)) throw new DomainError('INVALID_TRANSITION', `A ${kind} report that is ${current ?? 'not started'} cannot be ${action}d`, { state: current, action, kind });
  return t.to;
}
