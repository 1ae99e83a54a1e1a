import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { checkReport, completion, followUpBucket, isOverdue, nextState, periodEnd, periodOf, type ProgressAction, type ReportState, type TaskStatus, taskStatus } from './progress.js';

describe('report workflow', () => {
  const rows: [ReportState | null, ProgressAction, ReportState | 'refused'][] = [
    [null, 'save', 'draft'],
    ['draft', 'save', 'draft'],
    ['returned', 'save', 'draft'],
    ['submitted', 'save', 'refused'],
    ['accepted', 'save', 'refused'],
    [null, 'submit', 'refused'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'submit', 'refused'],
    ['submitted', 'accept', 'accepted'],
    ['draft', 'accept', 'refused'],
    ['accepted', 'accept', 'refused'],
    ['submitted', 'return', 'returned'],
    ['returned', 'return', 'refused'],
    ['accepted', 'return', 'refused'],
  ];
  it.each(rows)('%s + %s → %s', (from, action, to) => {
    if (to === 'refused') expect(() => nextState(from, action)).toThrow(DomainError);
    else expect(nextState(from, action)).toBe(to);
  });
});

describe('report content', () => {
  it.each([
    ['done', 100, true],
    ['done', 90, false],
    ['not_started', 0, true],
    ['not_started', 10, false],
    ['in_progress', 50, true],
    ['in_progress', 0, false],
    ['in_progress', 100, false],
    ['in_progress', 101, false],
    ['in_progress', 12.5, false],
    ['not_applicable', 0, true],
  ] as [TaskStatus, number, boolean][])('%s at %i %% → %s', (status, percent, ok) => {
    const run = () => checkReport({ status, percent, report: '' });
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(DomainError);
  });
});

describe('periods', () => {
  it.each([
    ['2026-Q1', '2026-03-31'],
    ['2024-Q1', '2024-03-31'],
    ['2026-Q2', '2026-06-30'],
    ['2026-Q4', '2026-12-31'],
  ])('%s ends %s', (p, end) => expect(periodEnd(p)).toBe(end));
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (d, p) => expect(periodOf(d)).toBe(p));
  it('refuses a malformed period', () => expect(() => periodEnd('2026-Q5')).toThrow(DomainError));
});

describe('task status from the lead units', () => {
  const m = (entries: [number, TaskStatus][]) => new Map(entries);
  it.each([
    ['no report', [1, 2], m([]), 'not_started'],
    ['one of two done', [1, 2], m([[1, 'done']]), 'in_progress'],
    ['both done', [1, 2], m([[1, 'done'], [2, 'done']]), 'done'],
    ['done and not concerned', [1, 2], m([[1, 'done'], [2, 'not_applicable']]), 'done'],
    ['all not concerned', [1], m([[1, 'not_applicable']]), 'not_applicable'],
    ['a coordinating report does not close a task', [1], m([[9, 'done']]), 'not_started'],
    ['no lead unit in the system: the reports decide', [], m([[9, 'done']]), 'done'],
    ['no lead unit and no report', [], m([]), 'not_started'],
  ] as [string, number[], Map<number, TaskStatus>, TaskStatus][])('%s → %s', (_n, lead, latest, status) => {
    expect(taskStatus(lead, latest)).toBe(status);
  });
});

describe('overdue and follow-up', () => {
  const today = '2026-11-22';
  it.each([
    ['2026-11-21', 'in_progress', 'overdue', true],
    ['2026-11-21', 'done', null, false],
    ['2026-11-21', 'not_applicable', null, false],
    ['2026-11-22', 'not_started', 'due1', false],
    ['2026-11-23', 'not_started', 'due1', false],
    ['2026-11-25', 'in_progress', 'due3', false],
    ['2026-11-29', 'in_progress', 'due7', false],
    ['2026-11-30', 'in_progress', null, false],
    [null, 'in_progress', null, false],
  ] as [string | null, TaskStatus, string | null, boolean][])('due %s, %s → %s', (due, status, bucket, overdue) => {
    expect(followUpBucket(due, status, today)).toBe(bucket);
    expect(isOverdue(due, status, today)).toBe(overdue);
  });
});

describe('completion', () => {
  it.each([
    [['done', 'done'], { done: 2, total: 2, percent: 100 }],
    [[...Array(43).fill('done')], { done: 43, total: 43, percent: 100 }],
    [['done', 'in_progress', 'not_started'], { done: 1, total: 3, percent: 33.33 }],
    [['done', 'done', 'in_progress'], { done: 2, total: 3, percent: 66.67 }],
    [['done', 'not_applicable'], { done: 1, total: 1, percent: 100 }],
    [[], { done: 0, total: 0, percent: null }],
  ] as [TaskStatus[], object][])('%j', (statuses, out) => expect(completion(statuses)).toEqual(out));
});
