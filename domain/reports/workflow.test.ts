import { describe, expect, it } from 'vitest';
import { nextReportState, type ReportAction, type ReportKind, type ReportState } from './workflow.js';

const STATES: (ReportState | null)[] = [null, 'draft', 'submitted', 'returned', 'finalised'];
const ACTIONS: ReportAction[] = ['save', 'submit', 'return', 'finalise'];
// every (kind, state, action) written out: the state it leads to, or '—' when refused
const TABLE: Record<ReportKind, Record<string, Record<ReportAction, ReportState | '—'>>> = {
  unit: {
    none: { save: 'draft', submit: '—', return: '—', finalise: '—' },
    draft: { save: 'draft', submit: 'submitted', return: '—', finalise: '—' },
    submitted: { save: '—', submit: '—', return: 'returned', finalise: '—' },
    returned: { save: 'draft', submit: 'submitted', return: '—', finalise: '—' },
    finalised: { save: '—', submit: '—', return: '—', finalise: '—' },
  },
  province: {
    none: { save: 'draft', submit: '—', return: '—', finalise: '—' },
    draft: { save: 'draft', submit: '—', return: '—', finalise: 'finalised' },
    submitted: { save: '—', submit: '—', return: '—', finalise: '—' },
    returned: { save: '—', submit: '—', return: '—', finalise: '—' },
    finalised: { save: '—', submit: '—', return: '—', finalise: '—' },
  },
};

describe('report states: every transition allowed or refused', () => {
  const cases = (['unit', 'province'] as const).flatMap((kind) => STATES.flatMap((state) => ACTIONS.map((action) => ({ kind, state, action, expected: TABLE[kind][state ?? 'none'][action] }))));
  it('covers every case', () => expect(cases).toHaveLength(2 * 5 * 4));
  it.each(cases)('$kind $state + $action → $expected', ({ kind, state, action, expected }) => {
    if (expected === '—') expect(() => nextReportState(kind, state, action)).toThrow(/cannot/);
    else expect(nextReportState(kind, state, action)).toBe(expected);
  });
});
