import { describe, expect, it } from 'vitest';
import { mustReport, pickLink, quarterSpan, type ReportDueInput, type TaskLink } from './myTasks.js';

// the unit itself is 1; it came from 2 (nearest) and 3
const UNITS = [1, 2, 3];
const L = (unitId: number, role: TaskLink['role'], via = 'named'): TaskLink => ({ unitId, role, via });

const PICK: [string, TaskLink[], TaskLink][] = [
  ['lead only', [L(1, 'lead')], L(1, 'lead')],
  ['lead by name, coordinating through a group: lead', [L(1, 'coordinating', 'departments'), L(1, 'lead')], L(1, 'lead')],
  ['a unit it came from leads, itself coordinates: the lead of the unit it came from', [L(1, 'coordinating', 'departments'), L(2, 'lead')], L(2, 'lead')],
  ['three rows for task 1.13 of 2020 (lead, two coordinators through a group): one, the lead', [L(2, 'lead'), L(2, 'coordinating', 'departments'), L(3, 'coordinating', 'departments')], L(2, 'lead')],
  ['both lead: itself before the unit it came from', [L(2, 'lead'), L(1, 'lead')], L(1, 'lead')],
  ['both lead: by name before through a group', [L(1, 'lead', 'departments'), L(2, 'lead')], L(2, 'lead')],
  ['both coordinate through a group: the nearer unit', [L(3, 'coordinating', 'departments'), L(2, 'coordinating', 'departments')], L(2, 'coordinating', 'departments')],
  ['coordinating by name before through a group', [L(1, 'coordinating', 'departments'), L(3, 'coordinating')], L(3, 'coordinating')],
];

describe('one row per task for a unit', () => {
  it.each(PICK)('%s', (_n, links, expected) => expect(pickLink(links, UNITS)).toEqual(expected));
  it('no link, no row', () => expect(pickLink([], UNITS)).toBeNull());
});

const base: ReportDueInput = { period: '2026-Q3', planYear: 2026, windows: [], unitStatus: 'not_started', overdue: false, reportState: null };
const W = (start: string, end: string) => ({ start, end });

const DUE: [string, Partial<ReportDueInput>, boolean][] = [
  ['window in the quarter', { windows: [W('2026-07-01', '2026-09-30')] }, true],
  ['window across the quarter (March to November)', { windows: [W('2026-03-01', '2026-11-30')] }, true],
  ['window in an earlier quarter, not overdue (coordinating)', { windows: [W('2026-01-01', '2026-03-31')] }, false],
  ['window in an earlier quarter, overdue', { windows: [W('2026-01-01', '2026-03-31')], overdue: true }, true],
  ['window in a later quarter', { windows: [W('2026-10-01', '2026-12-31')] }, false],
  ['no dates of its own (set by another body)', {}, true],
  ['done already, nothing this quarter', { windows: [W('2026-07-01', '2026-09-30')], unitStatus: 'done' }, false],
  ['not applicable', { windows: [W('2026-07-01', '2026-09-30')], unitStatus: 'not_applicable' }, false],
  ['a report this quarter, whatever the window', { windows: [W('2026-01-01', '2026-03-31')], unitStatus: 'done', reportState: 'submitted' }, true],
  ['a plan of another year', { planYear: 2020, windows: [W('2020-07-01', '2020-09-30')], overdue: true }, false],
  ['next year\'s plan with a window in this quarter (Quý IV of the year before)', { period: '2026-Q4', planYear: 2027, windows: [W('2026-10-01', '2026-12-31')] }, true],
  ['next year\'s plan without a window in this quarter', { period: '2026-Q4', planYear: 2027, windows: [] }, false],
];

describe('what a unit reports this quarter', () => {
  it.each(DUE)('%s', (_n, x, expected) => expect(mustReport({ ...base, ...x })).toBe(expected));
  it('quarter spans', () => {
    expect(quarterSpan('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterSpan('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });
});
